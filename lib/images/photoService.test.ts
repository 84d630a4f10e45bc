import { mkdir, mkdtemp, readFile, rm, unlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PhotoLibrary, type Photo } from './photoLibrary';
import { PhotoService, type PhotoAnswer } from './photoService';
import { plainPhoto, SVG_WITH_SCRIPT } from './testing/testPhotos';

const BROWSER_ACCEPT = 'image/avif,image/webp,image/apng,image/*,*/*;q=0.8';

let root: string;
let images: string;
let service: PhotoService;
let photoFile: string;
let photo: Photo;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'kiosque-service-'));
  images = path.join(root, 'images');
  await mkdir(path.join(images, '2024'), { recursive: true });
  photoFile = path.join(images, '2024', 'photo.jpg');
  await writeFile(photoFile, await plainPhoto(1600, 1000, 'jpeg'));
  service = new PhotoService(new PhotoLibrary(images), { memoryBytes: 50_000_000, folder: path.join(root, 'cache'), diskBytes: 50_000_000, concurrency: 2 });
  const current = service.current('/images/2024/photo.jpg');
  if (!current) throw new Error('the test photo must be valid');
  photo = current;
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function imageOf(answer: PhotoAnswer) {
  if (answer.kind !== 'image') throw new Error(`expected an image, got ${JSON.stringify(answer)}`);
  return answer;
}

/** Replaces the photo's file with other bytes, with a later mtime, as an editor's upload does. */
async function replacePhoto(bytes: Buffer): Promise<void> {
  await writeFile(photoFile, bytes);
  const later = new Date(Date.now() + 60_000);
  await utimes(photoFile, later, later);
}

describe('PhotoService', () => {
  describe('variant', () => {
    it.each([
      [BROWSER_ACCEPT, 'image/avif'],
      ['image/webp,*/*', 'image/webp'],
      ['*/*', 'image/jpeg'],
      [null, 'image/jpeg'],
    ])('answers the best format for Accept %j (%s), varying by Accept', async (accept, contentType) => {
      const answer = imageOf(await service.variant(photo.src, photo.hash, { width: 640, format: 'auto' }, accept));
      expect(answer.varyAccept).toBe(true);
      expect(answer.image.contentType).toBe(contentType);
      const metadata = await sharp(answer.image.bytes).metadata();
      expect([metadata.width, metadata.height]).toStrictEqual([640, 400]);
    });

    it('answers a JPEG whatever the Accept header for a jpeg variant, without Vary', async () => {
      const answer = imageOf(await service.variant(photo.src, photo.hash, { width: 800, format: 'jpeg' }, BROWSER_ACCEPT));
      expect(answer.varyAccept).toBe(false);
      expect(answer.image.contentType).toBe('image/jpeg');
      expect((await sharp(answer.image.bytes).metadata()).format).toBe('jpeg');
    });

    it('keeps a PNG a PNG for a browser that takes neither AVIF nor WebP', async () => {
      await writeFile(path.join(images, 'capture.png'), await plainPhoto(400, 300, 'png'));
      const capture = service.current('/images/capture.png');
      if (!capture) throw new Error('the capture must be valid');
      const answer = imageOf(await service.variant(capture.src, capture.hash, { width: 320, format: 'auto' }, 'image/png,*/*'));
      expect(answer.image.contentType).toBe('image/png');
    });

    it('serves a width wider than the photo at the photo’s width, from the same cached image', async () => {
      const wide = imageOf(await service.variant(photo.src, photo.hash, { width: 1920, format: 'jpeg' }, null));
      expect((await sharp(wide.image.bytes).metadata()).width).toBe(1600);
      const renders = service.cache.renderCount;
      const again = imageOf(await service.variant(photo.src, photo.hash, { width: 1920, format: 'jpeg' }, null));
      expect(again.image.bytes.equals(wide.image.bytes)).toBe(true);
      expect(service.cache.renderCount).toBe(renders);
    });

    it('never sends the file itself, even at its own width and format', async () => {
      const original = await readFile(photoFile);
      for (const accept of [null, BROWSER_ACCEPT]) {
        for (const format of ['auto', 'jpeg'] as const) {
          const answer = imageOf(await service.variant(photo.src, photo.hash, { width: 1920, format }, accept));
          expect(answer.image.bytes.equals(original)).toBe(false);
        }
      }
    });

    it('points an old hash at the current photo once the file is replaced', async () => {
      const oldHash = photo.hash;
      await replacePhoto(await plainPhoto(1200, 900, 'jpeg'));
      const answer = await service.variant(photo.src, oldHash, { width: 640, format: 'auto' }, BROWSER_ACCEPT);
      expect(answer).toStrictEqual({
        kind: 'replaced',
        photo: { src: photo.src, format: 'jpeg', width: 1200, height: 900, hash: expect.not.stringMatching(oldHash) as unknown },
      });
      if (answer.kind !== 'replaced') return;
      expect(answer.photo.hash).toMatch(/^[0-9a-f]{16}$/);
      const current = imageOf(await service.variant(photo.src, answer.photo.hash, { width: 640, format: 'auto' }, BROWSER_ACCEPT));
      expect((await sharp(current.image.bytes).metadata()).height).toBe(480);
    });

    it('does not serve an old variant from its cache after the photo was replaced', async () => {
      const before = imageOf(await service.variant(photo.src, photo.hash, { width: 640, format: 'jpeg' }, null));
      await replacePhoto(await plainPhoto(1600, 1000, 'png').then((png) => sharp(png).negate().jpeg().toBuffer()));
      const replaced = await service.variant(photo.src, photo.hash, { width: 640, format: 'jpeg' }, null);
      if (replaced.kind !== 'replaced') throw new Error('the old hash must be refused');
      const after = imageOf(await service.variant(photo.src, replaced.photo.hash, { width: 640, format: 'jpeg' }, null));
      expect(after.image.bytes.equals(before.image.bytes)).toBe(false);
    });

    it('answers missing once the file is deleted', async () => {
      await unlink(photoFile);
      expect(await service.variant(photo.src, photo.hash, { width: 640, format: 'auto' }, BROWSER_ACCEPT)).toStrictEqual({ kind: 'missing' });
    });

    it('answers missing once the file is replaced by a refused one (an SVG under the same name)', async () => {
      await replacePhoto(SVG_WITH_SCRIPT);
      expect(await service.variant(photo.src, photo.hash, { width: 640, format: 'auto' }, BROWSER_ACCEPT)).toStrictEqual({ kind: 'missing' });
    });

    it.each(['/images/../2024/photo.jpg', '/images/2024/absente.jpg', '/images/.cache/photo.jpg', '/autre/photo.jpg'])(
      'answers missing for %s',
      async (src) => {
        expect(await service.variant(src, photo.hash, { width: 640, format: 'auto' }, null)).toStrictEqual({ kind: 'missing' });
      },
    );
  });

  describe('crop', () => {
    it('cuts a JPEG of exactly the frame, once per photo, frame and focus', async () => {
      const crop = await service.crop(photo, { width: 1200, height: 675 }, { x: 30, y: 40 });
      expect(crop?.contentType).toBe('image/jpeg');
      const metadata = await sharp(crop?.bytes).metadata();
      expect([metadata.width, metadata.height]).toStrictEqual([1200, 675]);
      const renders = service.cache.renderCount;
      await service.crop(photo, { width: 1200, height: 675 }, { x: 30, y: 40 });
      expect(service.cache.renderCount).toBe(renders);
      await service.crop(photo, { width: 1200, height: 675 }, { x: 70, y: 40 });
      await service.crop(photo, { width: 1200, height: 675 }, undefined);
      await service.crop(photo, { width: 1200, height: 1200 }, { x: 30, y: 40 });
      expect(service.cache.renderCount).toBe(renders + 3);
    });

    it('gives nothing for a photo whose address leaves the folder', async () => {
      expect(await service.crop({ ...photo, src: '/images/../photo.jpg' }, { width: 1200, height: 675 }, undefined)).toBeUndefined();
    });
  });

  describe('derived', () => {
    it('renders an image made from photos once per key', async () => {
      let renders = 0;
      const render = () => {
        renders += 1;
        return Promise.resolve({ bytes: Buffer.from('carte'), contentType: 'image/png' });
      };
      const [first, second] = await Promise.all([service.derived('carte:a', render), service.derived('carte:a', render)]);
      await service.derived('carte:b', render);
      expect(first).toBe(second);
      expect(renders).toBe(2);
    });

    it('keeps derived images apart from variants of the same key', async () => {
      const variantKey = `${photo.hash}:w640:jpeg`;
      const variant = imageOf(await service.variant(photo.src, photo.hash, { width: 640, format: 'jpeg' }, null));
      const derived = await service.derived(variantKey, () => Promise.resolve({ bytes: Buffer.from('autre'), contentType: 'image/png' }));
      expect(derived.bytes.equals(variant.image.bytes)).toBe(false);
    });
  });
});
