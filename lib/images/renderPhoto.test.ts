import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp, { type Metadata } from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FocusPoint } from './focusPoint';
import { sniffFormat } from './photoFile';
import { CONTENT_TYPES, negotiateFormat, renderCrop, renderResized, type OutputFormat, type RenderedImage } from './renderPhoto';
import { decompressionBomb, photoWithMetadata, plainPhoto } from './testing/testPhotos';

let folder: string;
/** Stored 1000 × 1600 with orientation 6 (shown 1600 × 1000), EXIF with GPS, XMP and IPTC. */
let tagged: string;
/** 1600 × 800: the left half red, the right half blue. */
let halves: string;
/** 400 × 300, smaller than any crop. */
let small: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'kiosque-render-'));
  tagged = path.join(folder, 'tagged.jpg');
  halves = path.join(folder, 'halves.png');
  small = path.join(folder, 'small.jpg');
  const red = await sharp({ create: { width: 800, height: 800, channels: 3, background: '#ff0000' } })
    .png()
    .toBuffer();
  await Promise.all([
    writeFile(tagged, await photoWithMetadata()),
    writeFile(
      halves,
      await sharp({ create: { width: 1600, height: 800, channels: 3, background: '#0000ff' } })
        .composite([{ input: red, left: 0, top: 0 }])
        .png()
        .toBuffer(),
    ),
    writeFile(small, await plainPhoto(400, 300, 'jpeg')),
  ]);
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** What could tell who took the photo, where, and with what. */
const TELLTALES = ['Appareil-Test', 'rie-42', 'Source confidentielle', 'Exif\0\0', 'http://ns.adobe.com/xap', 'adobe:ns:meta', 'Photoshop 3.0', '8BIM'];

async function expectClean(image: RenderedImage): Promise<Metadata> {
  const metadata = await sharp(image.bytes).metadata();
  expect(metadata.exif).toBeUndefined();
  expect(metadata.xmp).toBeUndefined();
  expect(metadata.iptc).toBeUndefined();
  expect([undefined, 1]).toContain(metadata.orientation);
  for (const telltale of TELLTALES) expect(image.bytes.includes(Buffer.from(telltale, 'utf8')), telltale).toBe(false);
  return metadata;
}

describe('the photo made with a camera and an agency’s metadata', () => {
  it('carries them all, so the tests below mean something', async () => {
    const metadata = await sharp(tagged).metadata();
    expect(metadata).toMatchObject({ width: 1000, height: 1600, orientation: 6 });
    expect(metadata.exif).toBeInstanceOf(Buffer);
    expect(metadata.xmp).toBeInstanceOf(Buffer);
    expect(metadata.iptc).toBeInstanceOf(Buffer);
    const bytes = await photoWithMetadata();
    for (const telltale of TELLTALES) expect(bytes.includes(Buffer.from(telltale, 'utf8')), telltale).toBe(true);
  });
});

describe('renderResized', () => {
  it.each<OutputFormat>(['avif', 'webp', 'jpeg', 'png'])('writes %s upright, at the width asked, without EXIF, XMP, IPTC or GPS', async (format) => {
    const image = await renderResized(tagged, 800, format);
    expect(image.contentType).toBe(CONTENT_TYPES[format]);
    expect(sniffFormat(image.bytes)).toBe(format);
    const metadata = await expectClean(image);
    expect([metadata.width, metadata.height]).toStrictEqual([800, 500]);
  });

  it('never enlarges', async () => {
    const metadata = await sharp((await renderResized(tagged, 1920, 'webp')).bytes).metadata();
    expect([metadata.width, metadata.height]).toStrictEqual([1600, 1000]);
  });

  it('re-encodes even at the photo’s own size', async () => {
    const original = await photoWithMetadata();
    const image = await renderResized(small, 400, 'jpeg');
    expect(image.bytes.equals(original)).toBe(false);
    expect((await sharp(image.bytes).metadata()).width).toBe(400);
  });

  it('refuses to decode a decompression bomb that got past the header check', async () => {
    const bomb = path.join(folder, 'bombe.png');
    await writeFile(bomb, decompressionBomb());
    await expect(renderResized(bomb, 800, 'jpeg')).rejects.toThrow(/pixel limit/i);
  });
});

describe('renderCrop', () => {
  it.each<[string, { width: number; height: number }, FocusPoint | undefined]>([
    ['16:9 around a focus point', { width: 1200, height: 675 }, { x: 30, y: 40 }],
    ['1:1 around a focus point', { width: 1200, height: 1200 }, { x: 50, y: 50 }],
    ['a share card around a focus point', { width: 500, height: 630 }, { x: 100, y: 0 }],
    ['16:9 by attention', { width: 1200, height: 675 }, undefined],
    ['1:1 by attention', { width: 1200, height: 1200 }, undefined],
    ['a share card by attention', { width: 500, height: 630 }, undefined],
  ])('cuts a JPEG of exactly the frame, %s, upright and clean', async (_, frame, focus) => {
    const image = await renderCrop(tagged, { width: 1600, height: 1000 }, frame, focus);
    expect(image.contentType).toBe('image/jpeg');
    expect(sniffFormat(image.bytes)).toBe('jpeg');
    const metadata = await expectClean(image);
    expect([metadata.width, metadata.height]).toStrictEqual([frame.width, frame.height]);
  });

  it.each([undefined, { x: 20, y: 80 }])('enlarges a small photo to the frame (focus %j)', async (focus) => {
    const metadata = await sharp((await renderCrop(small, { width: 400, height: 300 }, { width: 1200, height: 675 }, focus)).bytes).metadata();
    expect([metadata.width, metadata.height]).toStrictEqual([1200, 675]);
  });

  it.each([
    { x: 100, y: 50 },
    { x: 0, y: 100 },
    { x: 35, y: 20 },
  ])('cuts the photo as shown, after its orientation tag (focus %j)', async (focus) => {
    const upright = path.join(folder, 'upright.png');
    await sharp(tagged).rotate().png().toFile(upright);
    const frame = { width: 500, height: 500 };
    const [fromTagged, fromUpright] = await Promise.all([
      renderCrop(tagged, { width: 1600, height: 1000 }, frame, focus),
      renderCrop(upright, { width: 1600, height: 1000 }, frame, focus),
    ]);
    const [a, b] = await Promise.all([sharp(fromTagged.bytes).stats(), sharp(fromUpright.bytes).stats()]);
    for (const channel of [0, 1, 2]) expect(Math.abs((a.channels[channel]?.mean ?? 0) - (b.channels[channel]?.mean ?? 255))).toBeLessThan(3);
  });

  /** Mean red and blue of an image, 0 to 255. */
  async function meanRedAndBlue(bytes: Buffer): Promise<{ red: number; blue: number }> {
    const { channels } = await sharp(bytes).stats();
    return { red: channels[0]?.mean ?? Number.NaN, blue: channels[2]?.mean ?? Number.NaN };
  }

  it.each([
    [{ x: 90, y: 50 }, 'blue'],
    [{ x: 100, y: 50 }, 'blue'],
    [{ x: 10, y: 50 }, 'red'],
    [{ x: 0, y: 0 }, 'red'],
  ] as const)('cuts around the focus point %j: a photo red on the left, blue on the right, gives %s', async (focus, colour) => {
    const crop = await renderCrop(halves, { width: 1600, height: 800 }, { width: 600, height: 600 }, focus);
    const { red, blue } = await meanRedAndBlue(crop.bytes);
    if (colour === 'blue') {
      expect(blue).toBeGreaterThan(230);
      expect(red).toBeLessThan(25);
    } else {
      expect(red).toBeGreaterThan(230);
      expect(blue).toBeLessThan(25);
    }
  });

  it('shows both halves for a central focus', async () => {
    const crop = await renderCrop(halves, { width: 1600, height: 800 }, { width: 600, height: 600 }, { x: 50, y: 50 });
    const { red, blue } = await meanRedAndBlue(crop.bytes);
    expect(red).toBeGreaterThan(100);
    expect(blue).toBeGreaterThan(100);
    // Left column red, right column blue: the crop is the middle of the photo, in order.
    const { data, info } = await sharp(crop.bytes).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    expect(pixel(10, 300)[0]).toBeGreaterThan(200);
    expect(pixel(590, 300)[2]).toBeGreaterThan(200);
  });
});

describe('negotiateFormat', () => {
  it.each([
    ['image/avif,image/webp,image/apng,image/*,*/*;q=0.8', 'jpeg', 'avif'],
    ['image/avif,image/webp,*/*', 'png', 'avif'],
    ['image/webp,*/*', 'jpeg', 'webp'],
    ['image/webp,*/*', 'png', 'webp'],
    ['IMAGE/AVIF', 'jpeg', 'avif'],
    ['image/png,image/*;q=0.8,*/*;q=0.5', 'jpeg', 'jpeg'],
    ['*/*', 'jpeg', 'jpeg'],
    ['*/*', 'png', 'png'],
    ['*/*', 'webp', 'jpeg'],
    ['*/*', 'avif', 'jpeg'],
    ['', 'png', 'png'],
    [null, 'jpeg', 'jpeg'],
    [null, 'png', 'png'],
  ] as const)('Accept %j for a %s photo → %s', (accept, source, expected) => {
    expect(negotiateFormat(accept, source)).toBe(expected);
  });
});
