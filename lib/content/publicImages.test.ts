import { copyFile, mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPublicImageSizeLookup, type ImageSizeLookup } from './publicImages';

const HERO = path.resolve('public/images/meta-ia-photos-hero.png'); // 1600×900
const INLINE = path.resolve('public/images/meta-ia-photos-inline.png'); // 1200×800

let root: string;
let publicDir: string;
let imageSize: ImageSizeLookup;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'kiosque-public-'));
  publicDir = path.join(root, 'public');
  await mkdir(path.join(publicDir, 'images'), { recursive: true });
  await copyFile(HERO, path.join(publicDir, 'images', 'photo.png'));
  await writeFile(path.join(publicDir, 'images', 'notes.png'), 'pas une image');
  await copyFile(INLINE, path.join(root, 'hors-de-public.png'));
  imageSize = createPublicImageSizeLookup(publicDir);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('createPublicImageSizeLookup', () => {
  it('reads the size of an image of public/', () => {
    expect(imageSize('/images/photo.png')).toStrictEqual({ width: 1600, height: 900 });
  });

  it.each([
    ['a missing file', '/images/absente.png'],
    ['a folder', '/images'],
    ['a file that is not an image', '/images/notes.png'],
    ['a relative path', 'images/photo.png'],
    ['a protocol-relative URL', '//example.com/images/photo.png'],
    ['a remote URL', 'https://example.com/images/photo.png'],
    ['a path that climbs out of public/', '/../hors-de-public.png'],
    ['an encoded path that climbs out of public/', '/%2e%2e/hors-de-public.png'],
    ['a malformed escape', '/images/%E0%A4%A.png'],
    ['a NUL byte', '/images/photo.png%00.jpg'],
  ])('knows nothing of %s', (_, src) => {
    expect(imageSize(src)).toBeUndefined();
  });

  it('reads the size again when the file changes', async () => {
    const file = path.join(publicDir, 'images', 'photo.png');
    expect(imageSize('/images/photo.png')).toStrictEqual({ width: 1600, height: 900 });
    await copyFile(INLINE, file);
    const later = new Date(Date.now() + 60_000);
    await utimes(file, later, later);
    expect(imageSize('/images/photo.png')).toStrictEqual({ width: 1200, height: 800 });
  });
});
