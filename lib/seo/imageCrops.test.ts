import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { ImageRatio } from '../routes';
import { isImageRatio, renderImageCrop } from './imageCrops';

const HERO = path.resolve('public/images/meta-ia-photos-hero.png'); // 1600×900

describe('isImageRatio', () => {
  it('accepts the three crops and nothing else, not even what every object inherits', () => {
    expect(['16x9', '4x3', '1x1'].every(isImageRatio)).toBe(true);
    expect(['16-9', '16x9.jpg', '', 'constructor', 'toString', '__proto__'].some(isImageRatio)).toBe(false);
  });
});

describe('renderImageCrop', () => {
  it.each<[ImageRatio, number]>([
    ['16x9', 675],
    ['4x3', 900],
    ['1x1', 1200],
  ])('renders the %s crop as a 1200 px wide JPEG', async (ratio, height) => {
    const metadata = await sharp(await renderImageCrop(HERO, ratio)).metadata();
    expect([metadata.format, metadata.width, metadata.height]).toEqual(['jpeg', 1200, height]);
  });

  it('enlarges a smaller upload to 1200 px', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'kiosque-crop-'));
    try {
      const small = path.join(folder, 'petite.png');
      await sharp({ create: { width: 300, height: 200, channels: 4, background: { r: 200, g: 0, b: 0, alpha: 0.5 } } }).png().toFile(small);
      const metadata = await sharp(await renderImageCrop(small, '1x1')).metadata();
      expect([metadata.format, metadata.width, metadata.height, metadata.hasAlpha]).toEqual(['jpeg', 1200, 1200, false]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
