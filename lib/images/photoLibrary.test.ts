import { mkdir, mkdtemp, rm, truncate, unlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PHOTO_LIMITS } from './photoFile';
import { nearestAddress, PhotoLibrary, type PhotoLookupResult } from './photoLibrary';
import { absurdDimensions, decompressionBomb, plainPhoto, SVG_WITH_SCRIPT, truncatedJpeg } from './testing/testPhotos';

let root: string;
let folder: string;
let library: PhotoLibrary;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'kiosque-photos-'));
  folder = path.join(root, 'images');
  await mkdir(folder);
  library = new PhotoLibrary(folder);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Writes a file at a path relative to the images folder, creating its folders. */
async function put(relativePath: string, bytes: Buffer | string): Promise<string> {
  const absolutePath = path.join(folder, relativePath);
  await mkdir(path.dirname(absolutePath), { recursive: true });
  await writeFile(absolutePath, bytes);
  return absolutePath;
}

function problemOf(result: PhotoLookupResult): { message: string; hint: string } {
  if (result.ok) throw new Error(`found: ${JSON.stringify(result.photo)}`);
  return result.problem;
}

describe('PhotoLibrary', () => {
  describe('resolve', () => {
    it.each([
      ['/images/a.jpg', 'a.jpg'],
      ['/images/2024/a.jpg', '2024/a.jpg'],
      ['/images/2024/%C3%A9t%C3%A9/a%20b.jpg', '2024/été/a b.jpg'],
      ['/images/été/a b.jpg', 'été/a b.jpg'],
      ['/images/a..b.jpg', 'a..b.jpg'],
    ])('finds %s in the folder', (src, relativePath) => {
      expect(library.resolve(src)).toBe(path.join(path.resolve(folder), relativePath));
    });

    it.each([
      ['a parent folder', '/images/../x'],
      ['a parent folder further down', '/images/2024/../../x.jpg'],
      ['an encoded parent folder', '/images/%2e%2e/x.jpg'],
      ['an encoded slash and parent', '/images/2024%2f..%2f..%2fx.jpg'],
      ['a hidden folder', '/images/.hidden/a.jpg'],
      ['a hidden file', '/images/.a.jpg'],
      ['the current folder', '/images/./a.jpg'],
      ['another folder of the site', '/other/a.jpg'],
      ['the content folder itself', '/images'],
      ['the images folder itself', '/images/'],
      ['an empty segment', '/images//a.jpg'],
      ['a trailing slash', '/images/2024/'],
      ['a NUL byte', '/images/a%00.jpg'],
      ['a raw NUL byte', '/images/a\0.jpg'],
      ['a backslash', '/images/..\\..\\x.jpg'],
      ['an encoded backslash', '/images/a%5C..%5C..%5Cx.jpg'],
      ['a broken percent-encoding', '/images/a%E9.jpg'],
      ['a relative address', 'images/a.jpg'],
      ['an absolute path of the machine', '/etc/passwd'],
    ])('refuses %s: %j', (_, src) => {
      expect(library.resolve(src)).toBeUndefined();
    });
  });

  describe('lookup', () => {
    it('gives a valid photo its address, format, size and hash', async () => {
      await put('2024/photo.jpg', await plainPhoto(800, 600, 'jpeg'));
      const found = library.lookup('/images/2024/photo.jpg');
      expect(found).toStrictEqual({
        ok: true,
        photo: { src: '/images/2024/photo.jpg', format: 'jpeg', width: 800, height: 600, hash: expect.stringMatching(/^[0-9a-f]{16}$/) as unknown },
      });
    });

    it('reads a photo once while its file is unchanged', async () => {
      await put('photo.png', await plainPhoto(400, 300, 'png'));
      const first = library.lookup('/images/photo.png');
      expect(library.lookup('/images/photo.png')).toBe(first);
    });

    it('gives a replaced photo (new bytes, new mtime) a new hash and size', async () => {
      const file = await put('photo.jpg', await plainPhoto(800, 600, 'jpeg'));
      const before = library.lookup('/images/photo.jpg');
      await writeFile(file, await plainPhoto(1200, 800, 'jpeg'));
      const later = new Date(Date.now() + 60_000);
      await utimes(file, later, later);
      const after = library.lookup('/images/photo.jpg');
      if (!before.ok || !after.ok) throw new Error('both versions must be valid');
      expect(after.photo.hash).not.toBe(before.photo.hash);
      expect([after.photo.width, after.photo.height]).toStrictEqual([1200, 800]);
    });

    it('notices a photo deleted, then put back', async () => {
      const file = await put('photo.jpg', await plainPhoto(800, 600, 'jpeg'));
      expect(library.lookup('/images/photo.jpg').ok).toBe(true);
      await unlink(file);
      expect(problemOf(library.lookup('/images/photo.jpg')).message).toMatch(/introuvable/);
      await put('photo.jpg', await plainPhoto(800, 600, 'jpeg'));
      expect(library.lookup('/images/photo.jpg').ok).toBe(true);
    });

    it.each([
      ['the same file name in another folder', '/images/photo.jpg', '/images/2024/photo.jpg'],
      ['a typo in the name', '/images/2024/phtoo.jpg', '/images/2024/photo.jpg'],
      ['another case', '/images/2024/PHOTO.JPG', '/images/2024/photo.jpg'],
      ['a wrong extension', '/images/2024/photo.jpeg', '/images/2024/photo.jpg'],
    ])('names the closest existing address for a missing photo: %s', async (_, src, closest) => {
      await put('2024/photo.jpg', await plainPhoto(64, 64, 'jpeg'));
      await put('autre/paysage.png', await plainPhoto(64, 64, 'png'));
      const problem = problemOf(library.lookup(src));
      expect(problem.message).toBe(`photo « ${src} » introuvable dans ${folder}/`);
      expect(problem.hint).toBe(`vouliez-vous dire « ${closest} » ? Sinon, placez le fichier dans ${folder}/`);
    });

    it('says how to write the address when no photo is close', async () => {
      await put('2024/photo.jpg', await plainPhoto(64, 64, 'jpeg'));
      const problem = problemOf(library.lookup('/images/conference-de-presse.webp'));
      expect(problem.hint).not.toMatch(/vouliez-vous dire/);
      expect(problem.hint).toMatch(/\/images\/photo\.jpg/);
    });

    it('counts a folder named like a photo as missing', async () => {
      await mkdir(path.join(folder, 'dossier.jpg'));
      expect(problemOf(library.lookup('/images/dossier.jpg')).message).toMatch(/introuvable/);
      expect(library.stamp('/images/dossier.jpg')).toStrictEqual({ mtimeMs: -1, size: -1 });
    });

    it('refuses an address outside the folder without touching the disk', () => {
      const problem = problemOf(library.lookup('/images/../secret.jpg'));
      expect(problem.message).toBe(`adresse de photo « /images/../secret.jpg » impossible : les photos sont les fichiers de ${folder}/`);
      expect(problem.hint).toMatch(/^écrivez \/images\//);
    });

    it.each([
      ['an empty file', 'vide.jpg', () => Buffer.alloc(0), 'fichier vide'],
      ['a PNG named .jpg', 'capture.jpg', () => plainPhoto(64, 64, 'png'), 'ne correspond pas au contenu du fichier, qui est une image PNG'],
      ['an SVG with a script', 'logo.png', () => SVG_WITH_SCRIPT, 'format SVG refusé'],
      ['a truncated JPEG', 'coupee.jpg', () => truncatedJpeg(), 'tronqué'],
      ['a decompression bomb', 'bombe.png', () => decompressionBomb(), '64 mégapixels'],
      ['absurd dimensions', 'bande.png', () => absurdDimensions(), 'dimensions absurdes'],
    ])('names the address in the message of a refused file: %s', async (_, name, bytes, reason) => {
      await put(`2024/${name}`, await bytes());
      const problem = problemOf(library.lookup(`/images/2024/${name}`));
      expect(problem.message.startsWith(`photo « /images/2024/${name} » : `)).toBe(true);
      expect(problem.message).toContain(reason);
    });

    it('refuses a file over the size limit by its size alone', async () => {
      const file = await put('immense.jpg', await plainPhoto(64, 64, 'jpeg'));
      await truncate(file, PHOTO_LIMITS.maxBytes + 1_000_000); // sparse: no 26 MB written
      expect(problemOf(library.lookup('/images/immense.jpg')).message).toMatch(/fichier de 26 Mo, au-delà de la limite de 25 Mo$/);
    });

    // Known bug: PhotoLibrary.inspect refuses an oversized file with « fichier de 26 Mo, … » alone, without the
    // « photo « /images/… » : » every other refusal starts with. Turn `it.fails` back into `it` once it is fixed.
    it('names the address in the message of a file over the size limit', async () => {
      const file = await put('immense.jpg', await plainPhoto(64, 64, 'jpeg'));
      await truncate(file, PHOTO_LIMITS.maxBytes + 1_000_000);
      expect(problemOf(library.lookup('/images/immense.jpg')).message).toMatch(/^photo « \/images\/immense\.jpg » : /);
    });
  });

  describe('stamp', () => {
    it('changes with the file and is -1 for a missing one', async () => {
      expect(library.stamp('/images/photo.jpg')).toStrictEqual({ mtimeMs: -1, size: -1 });
      const bytes = await plainPhoto(64, 64, 'jpeg');
      await put('photo.jpg', bytes);
      expect(library.stamp('/images/photo.jpg')).toMatchObject({ size: bytes.length });
      expect(library.stamp('/images/../photo.jpg')).toStrictEqual({ mtimeMs: -1, size: -1 });
    });
  });

  describe('listAddresses', () => {
    it('lists every file of the folder and its subfolders, sorted, without hidden files or folders', async () => {
      const bytes = await plainPhoto(32, 32, 'jpeg');
      await put('a.jpg', bytes);
      await put('2024/b.png', bytes);
      await put('2024/été/c d.webp', bytes);
      await put('.DS_Store', 'x');
      await put('.cache/d.jpg', bytes);
      await put('2024/.e.jpg', bytes);
      await put('2024/.vignettes/f.jpg', bytes);
      await mkdir(path.join(folder, 'vide'));
      expect(library.listAddresses()).toStrictEqual(['/images/2024/b.png', '/images/2024/été/c%20d.webp', '/images/a.jpg']);
    });

    it('lists nothing when the folder does not exist', () => {
      expect(new PhotoLibrary(path.join(root, 'absent')).listAddresses()).toStrictEqual([]);
    });
  });
});

describe('nearestAddress', () => {
  const addresses = ['/images/2023/photo.jpg', '/images/2024/conference.jpg', '/images/portrait.png'];

  it.each([
    ['/images/photo.jpg', '/images/2023/photo.jpg'],
    ['/images/archives/PHOTO.JPG', '/images/2023/photo.jpg'],
    ['/images/2024/conferenec.jpg', '/images/2024/conference.jpg'],
    ['/images/portrait.jpg', '/images/portrait.png'],
    ['/images/tout-autre-chose.webp', undefined],
  ])('%s → %s', (written, nearest) => {
    expect(nearestAddress(written, addresses)).toBe(nearest);
  });
});
