import { copyFile, mkdir, mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPublicImageSizeLookup, publicFileSize, resolveInside, type ImageSizeLookup } from './publicImages';

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
  await writeFile(path.join(root, 'package.json'), '{}');
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

describe('publicFileSize', () => {
  it('gives the byte size of a file of public/', async () => {
    const { size } = await stat(HERO);
    expect(publicFileSize('/images/photo.png', publicDir)).toBe(size);
    expect(publicFileSize('/images/notes.png', publicDir)).toBe('pas une image'.length);
  });

  it.each([
    ['a missing file', '/images/absente.png'],
    ['a folder', '/images'],
    ['a path that climbs out of public/', '/../package.json'],
    ['an encoded path that climbs out of public/', '/%2e%2e/package.json'],
    ['a remote URL', 'https://example.com/images/photo.png'],
  ])('knows nothing of %s', (_, src) => {
    expect(publicFileSize(src, publicDir)).toBeUndefined();
  });
});

describe('resolveInside', () => {
  it('resolves a root-relative path, decoded, inside the folder', () => {
    expect(resolveInside(publicDir, '/images/photo.png')).toBe(path.join(publicDir, 'images', 'photo.png'));
    expect(resolveInside(publicDir, '/images/une%20photo.png')).toBe(path.join(publicDir, 'images', 'une photo.png'));
  });

  it('refuses a path into a sibling folder whose name starts like the folder', () => {
    expect(resolveInside(publicDir, '/../public-bis/photo.png')).toBeUndefined();
    expect(resolveInside(publicDir, '/')).toBeUndefined();
  });
});
