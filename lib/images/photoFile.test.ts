import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatOfExtension, inspectPhoto, PHOTO_LIMITS, sniffFormat, type PhotoFormat, type PhotoInspection } from './photoFile';
import { absurdDimensions, decompressionBomb, photoWithMetadata, plainPhoto, SVG_WITH_SCRIPT, truncatedJpeg } from './testing/testPhotos';

/** The problem of a refused file; fails the test when the file was accepted. */
function problemOf(inspection: PhotoInspection): { message: string; hint: string } {
  if (inspection.ok) throw new Error(`accepted: ${JSON.stringify(inspection.facts)}`);
  return inspection.problem;
}

/** An ISO media file's `ftyp` box with a major brand and compatible brands, then an `mdat` box. */
function isoMedia(major: string, compatible: string[]): Buffer {
  const ftyp = Buffer.concat([
    Buffer.alloc(4),
    Buffer.from('ftyp', 'latin1'),
    Buffer.from(major, 'latin1'),
    Buffer.alloc(4),
    ...compatible.map((brand) => Buffer.from(brand, 'latin1')),
  ]);
  ftyp.writeUInt32BE(ftyp.length, 0);
  const mdat = Buffer.concat([Buffer.from([0, 0, 0, 16]), Buffer.from('mdat', 'latin1'), Buffer.alloc(8, 0x42)]);
  return Buffer.concat([ftyp, mdat]);
}

let jpeg: Buffer;
let png: Buffer;
let webp: Buffer;
let avif: Buffer;

beforeAll(async () => {
  [jpeg, png, webp, avif] = await Promise.all([
    plainPhoto(640, 480, 'jpeg'),
    plainPhoto(640, 480, 'png'),
    plainPhoto(640, 480, 'webp'),
    plainPhoto(640, 480, 'avif'),
  ]);
});

describe('inspectPhoto', () => {
  describe('accepts', () => {
    it.each([
      ['jpeg', 'photo.jpg'],
      ['jpeg', 'PHOTO.JPEG'],
      ['png', 'capture.png'],
      ['webp', 'photo.webp'],
      ['avif', 'photo.avif'],
    ] as const)('a %s file named %s, with its format, size and hash', (format, fileName) => {
      const bytes = { jpeg, png, webp, avif }[format];
      expect(inspectPhoto(bytes, fileName)).toStrictEqual({
        ok: true,
        facts: { format, width: 640, height: 480, hash: createHash('sha256').update(bytes).digest('hex').slice(0, 16) },
      });
    });

    it('gives the size a photo is shown at, after its orientation tag', async () => {
      // Stored 1000 × 1600, tagged to be turned a quarter: shown 1600 × 1000.
      const inspection = inspectPhoto(await photoWithMetadata(), 'portrait.jpg');
      expect(inspection).toMatchObject({ ok: true, facts: { format: 'jpeg', width: 1600, height: 1000 } });
    });

    it('accepts the smallest side allowed', async () => {
      expect(inspectPhoto(await plainPhoto(PHOTO_LIMITS.minSide, PHOTO_LIMITS.minSide, 'png'), 'icone.png')).toMatchObject({
        ok: true,
        facts: { width: 16, height: 16 },
      });
    });

    it('gives a hash of 16 hex digits that changes when one byte changes', () => {
      const first = inspectPhoto(jpeg, 'photo.jpg');
      // A byte of the scan data, neither a marker nor next to one, so the file stays whole.
      const index = jpeg.findIndex((byte, position) => position > jpeg.length / 2 && byte < 0xf0 && jpeg[position - 1] !== 0xff && jpeg[position + 1] !== 0xff);
      const changed = Buffer.from(jpeg);
      changed[index] = (changed[index] ?? 0) ^ 0x01;
      const second = inspectPhoto(changed, 'photo.jpg');
      if (!first.ok || !second.ok) throw new Error('both versions must be accepted');
      expect(first.facts.hash).toMatch(/^[0-9a-f]{16}$/);
      expect(second.facts.hash).toMatch(/^[0-9a-f]{16}$/);
      expect(second.facts.hash).not.toBe(first.facts.hash);
      expect(inspectPhoto(Buffer.from(jpeg), 'autre-nom.jpg')).toMatchObject({ ok: true, facts: { hash: first.facts.hash } });
    });
  });

  describe('refuses', () => {
    it('a zero-byte file, as a failed transfer', () => {
      expect(problemOf(inspectPhoto(Buffer.alloc(0), 'photo.jpg'))).toStrictEqual({
        message: 'fichier vide (0 octet)',
        hint: 'le transfert a échoué : déposez la photo à nouveau',
      });
    });

    it.each(['dessin.svg', 'dessin.png', 'dessin.jpg'])('an SVG with a script named %s, as SVG', (fileName) => {
      const problem = problemOf(inspectPhoto(SVG_WITH_SCRIPT, fileName));
      expect(problem.message).toMatch(/^format SVG refusé : .*script/);
      expect(problem.hint).toBe('exportez-le en PNG');
    });

    it.each([
      ['with a byte order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), SVG_WITH_SCRIPT])],
      [
        'without an XML declaration, after a comment and a doctype',
        Buffer.from('<!-- logo -->\n<!DOCTYPE svg>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      ],
    ])('an SVG %s', (_, bytes) => {
      expect(problemOf(inspectPhoto(bytes, 'logo.png')).message).toMatch(/^format SVG refusé/);
    });

    it.each([
      ['a GIF', Buffer.concat([Buffer.from('GIF89a', 'latin1'), Buffer.alloc(64)]), 'anim.gif', /^format GIF refusé/, /PNG ou en JPEG/],
      ['a GIF named .jpg', Buffer.concat([Buffer.from('GIF87a', 'latin1'), Buffer.alloc(64)]), 'anim.jpg', /^format GIF refusé/, /PNG ou en JPEG/],
      ['an iPhone HEIC', isoMedia('heic', ['mif1', 'heic']), 'IMG_0001.heic', /^format HEIC refusé : les navigateurs ne lisent pas le HEIC/, /JPEG/],
      ['a HEIC named .avif', isoMedia('mif1', ['mif1', 'heic']), 'IMG_0001.avif', /^format HEIC refusé/, /JPEG/],
      ['a TIFF', Buffer.concat([Buffer.from('II*\0', 'latin1'), Buffer.alloc(64)]), 'scan.tif', /^format TIFF refusé/, /JPEG/],
      ['a PDF', Buffer.from('%PDF-1.7\n%…', 'latin1'), 'page.pdf', /^format PDF refusé/, /PNG ou en JPEG/],
      ['text', Buffer.from('Ceci n’est pas une pipe.'), 'pipe.jpg', /^ce fichier n’est pas une image JPEG, PNG, WebP ni AVIF$/, /JPEG/],
    ])('%s, by its bytes', (_, bytes, fileName, message, hint) => {
      const problem = problemOf(inspectPhoto(bytes, fileName));
      expect(problem.message).toMatch(message);
      expect(problem.hint).toMatch(hint);
    });

    it.each([
      [
        'png',
        'capture.jpg',
        'l’extension .jpg ne correspond pas au contenu du fichier, qui est une image PNG',
        'renommez le fichier en .png, ou exportez-le vraiment en JPEG',
      ],
      [
        'jpeg',
        'photo.png',
        'l’extension .png ne correspond pas au contenu du fichier, qui est une image JPEG',
        'renommez le fichier en .jpg, ou exportez-le vraiment en PNG',
      ],
      [
        'webp',
        'photo.jpeg',
        'l’extension .jpeg ne correspond pas au contenu du fichier, qui est une image WebP',
        'renommez le fichier en .webp, ou exportez-le vraiment en JPEG',
      ],
      [
        'avif',
        'photo.webp',
        'l’extension .webp ne correspond pas au contenu du fichier, qui est une image AVIF',
        'renommez le fichier en .avif, ou exportez-le vraiment en WebP',
      ],
    ] as const)('a %s file named %s, naming the extension it should have', (format, fileName, message, hint) => {
      expect(problemOf(inspectPhoto({ jpeg, png, webp, avif }[format], fileName))).toStrictEqual({ message, hint });
    });

    it.each([
      ['photo.tiff', 'jpeg', 'extension non acceptée (tiff) pour une image JPEG', 'renommez le fichier en .jpg'],
      ['photo.jpe', 'jpeg', 'extension non acceptée (jpe) pour une image JPEG', 'renommez le fichier en .jpg'],
      ['photo', 'png', 'extension non acceptée (aucune) pour une image PNG', 'renommez le fichier en .png'],
      ['2024.09/photo', 'webp', 'extension non acceptée (aucune) pour une image WebP', 'renommez le fichier en .webp'],
    ] as const)('a file named %s, an extension we do not take', (fileName, format, message, hint) => {
      expect(problemOf(inspectPhoto({ jpeg, png, webp, avif }[format], fileName))).toStrictEqual({ message, hint });
    });

    it('a truncated JPEG', async () => {
      expect(problemOf(inspectPhoto(await truncatedJpeg(), 'coupee.jpg'))).toStrictEqual({
        message: 'fichier JPEG tronqué : la fin de l’image manque',
        hint: 'le transfert a été interrompu : déposez la photo à nouveau',
      });
    });

    it.each([
      ['a JPEG cut just before its end marker', () => jpeg.subarray(0, jpeg.length - 2), 'photo.jpg', 'JPEG'],
      ['a PNG cut before its IEND chunk', () => png.subarray(0, png.length - 12), 'photo.png', 'PNG'],
      ['a PNG cut in the middle of its data', () => png.subarray(0, Math.floor(png.length / 2)), 'photo.png', 'PNG'],
      ['a WebP cut short of its RIFF size', () => webp.subarray(0, Math.floor(webp.length * 0.7)), 'photo.webp', 'WebP'],
      ['a WebP missing its last byte', () => webp.subarray(0, webp.length - 1), 'photo.webp', 'WebP'],
      ['an AVIF missing its last bytes', () => avif.subarray(0, avif.length - 10), 'photo.avif', 'AVIF'],
    ])('%s', (_, bytes, fileName, format) => {
      expect(problemOf(inspectPhoto(bytes(), fileName)).message).toBe(`fichier ${format} tronqué : la fin de l’image manque`);
    });

    it('a decompression bomb by its header, naming its megapixels', () => {
      const bomb = decompressionBomb();
      expect(bomb.length).toBeLessThan(100_000);
      expect(problemOf(inspectPhoto(bomb, 'bombe.png'))).toStrictEqual({
        message: '8000 × 8000 pixels (64 mégapixels), au-delà de la limite de 50 mégapixels',
        hint: 'réduisez la photo à 6 000 pixels de large au plus',
      });
    });

    it.each([
      ['100,000 × 20 pixels', () => absurdDimensions(), '100000 × 20'],
      ['sides under the minimum', () => plainPhoto(15, 400, 'png'), '15 × 400'],
    ])('absurd dimensions: %s', async (_, bytes, dimensions) => {
      expect(problemOf(inspectPhoto(await bytes(), 'photo.png'))).toStrictEqual({
        message: `dimensions absurdes (${dimensions} pixels)`,
        hint: 'chaque côté doit mesurer de 16 à 16384 pixels : exportez la photo à nouveau',
      });
    });

    it('a file over 25 MB, even when it starts as a valid JPEG', () => {
      const huge = Buffer.alloc(PHOTO_LIMITS.maxBytes + 1_000_000);
      jpeg.copy(huge);
      expect(sniffFormat(huge)).toBe('jpeg');
      const problem = problemOf(inspectPhoto(huge, 'immense.jpg'));
      expect(problem.message).toBe('fichier de 26 Mo, au-delà de la limite de 25 Mo');
      expect(problem.hint).toMatch(/JPEG qualité 85/);
    });

    it('a file of exactly 25 MB is not refused for its size', () => {
      const atLimit = Buffer.alloc(PHOTO_LIMITS.maxBytes);
      jpeg.copy(atLimit);
      // Whole up to its end marker, then padding: accepted.
      expect(inspectPhoto(atLimit, 'limite.jpg')).toMatchObject({ ok: true, facts: { format: 'jpeg', width: 640, height: 480 } });
    });
  });
});

describe('sniffFormat', () => {
  it('reads the format from the bytes whatever the name', () => {
    expect([jpeg, png, webp, avif].map(sniffFormat)).toStrictEqual<Array<PhotoFormat | undefined>>(['jpeg', 'png', 'webp', 'avif']);
  });

  it.each([
    ['empty', Buffer.alloc(0)],
    ['an SVG', SVG_WITH_SCRIPT],
    ['a HEIC', isoMedia('heic', ['mif1', 'heic'])],
    ['two bytes of a JPEG', Buffer.from([0xff, 0xd8])],
    ['a RIFF that is not WebP', Buffer.from('RIFF\0\0\0\0WAVEfmt ', 'latin1')],
  ])('knows no format in %s', (_, bytes) => {
    expect(sniffFormat(bytes)).toBeUndefined();
  });

  it('takes an AVIF by a compatible brand', () => {
    expect(sniffFormat(isoMedia('mif1', ['mif1', 'avif']))).toBe('avif');
  });
});

describe('formatOfExtension', () => {
  it.each([
    ['a.jpg', 'jpeg'],
    ['a.JPEG', 'jpeg'],
    ['dossier/a.png', 'png'],
    ['a.webp', 'webp'],
    ['a.avif', 'avif'],
    ['a.gif', undefined],
    ['a.svg', undefined],
    ['a.heic', undefined],
    ['jpg', undefined],
    ['a.jpg/b', undefined],
  ])('%s → %s', (fileName, format) => {
    expect(formatOfExtension(fileName)).toBe(format);
  });
});
