// Child process: a new 24-megapixel photo (6,000 × 4,000 JPEG with a camera's
// metadata) arrives in a content folder; times the first making of each kind of
// image a page, a crawler and a feed ask of it, and prints one JSON line. A
// process of its own, so peak RSS is the photo pipeline's (sharp's memory is
// native: RSS, not the JS heap, tells it).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { PhotoLibrary } from '../lib/images/photoLibrary';
import { PhotoService } from '../lib/images/photoService';
import { photoWithMetadata } from '../lib/images/testing/testPhotos';

const folder = await mkdtemp(path.join(os.tmpdir(), 'kiosque-bench-photo-'));
try {
  // Stored sideways (4,000 × 6,000 pixels, orientation 6), as a camera held upright writes it.
  // Grain, slightly blurred: a file of a real photo's weight, not a flat colour that compresses to nothing.
  const pixels = await sharp({ create: { width: 4_000, height: 6_000, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 30 } } })
    .blur(1.2)
    .png({ compressionLevel: 1 })
    .toBuffer();
  const original = await photoWithMetadata(await sharp(pixels).jpeg({ quality: 92 }).toBuffer());
  await writeFile(path.join(folder, 'grande.jpg'), original);

  let peakRss = process.memoryUsage.rss();
  const baselineRss = peakRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 5);
  const service = new PhotoService(new PhotoLibrary(folder), { memoryBytes: 64e6, diskBytes: 0, concurrency: 2 });
  const timed = async (make: () => unknown): Promise<number> => {
    const start = performance.now();
    await make();
    return performance.now() - start;
  };
  const src = '/images/grande.jpg';
  const inspectMs = await timed(() => service.current(src));
  const photo = service.current(src);
  if (!photo) throw new Error('the 24-megapixel photo was refused');
  const figures = {
    megapixels: (photo.width * photo.height) / 1e6,
    bytes: original.length,
    inspectMs,
    webp1280Ms: await timed(() => service.variant(src, photo.hash, { width: 1280, format: 'auto' }, 'image/webp')),
    avif1280Ms: await timed(() => service.variant(src, photo.hash, { width: 1280, format: 'auto' }, 'image/avif')),
    jpeg1920Ms: await timed(() => service.variant(src, photo.hash, { width: 1920, format: 'jpeg' }, null)),
    crop16x9Ms: await timed(() => service.crop(photo, { width: 1200, height: 675 }, undefined)),
    cachedWebpMs: await timed(() => service.variant(src, photo.hash, { width: 1280, format: 'auto' }, 'image/webp')),
    peakRssMb: 0,
    rssAboveStartMb: 0,
  };
  clearInterval(sampler);
  figures.peakRssMb = peakRss / 1024 / 1024;
  figures.rssAboveStartMb = (peakRss - baselineRss) / 1024 / 1024;
  console.log(JSON.stringify(figures));
} finally {
  await rm(folder, { recursive: true, force: true });
}
