import { describe, expect, it } from 'vitest';
import { PhotoLibrary } from './photoLibrary';
import { jpegOf, parsePhotoRequest, PHOTO_WIDTHS, photoVariantPath, responsiveImage, servedWidth, widthsFor, type PhotoVariant } from './photoUrls';

const HASH = '0123456789abcdef';

function reference(width: number, height = Math.round(width / 2), src = '/images/2024/photo.jpg') {
  return { src, hash: HASH, width, height };
}

/** `url 640w, …` → [{ url, descriptor }]. */
function srcsetEntries(srcSet: string): Array<{ url: string; descriptor: number }> {
  return srcSet.split(', ').map((entry) => {
    const [url = '', descriptor = ''] = entry.split(' ');
    expect(descriptor).toMatch(/^\d+w$/);
    return { url, descriptor: Number.parseInt(descriptor, 10) };
  });
}

describe('widthsFor', () => {
  it.each([
    ['smaller than the first step', 200, [320]],
    ['just under the first step', 319, [320]],
    ['exactly the first step', 320, [320]],
    ['between two steps', 1000, [320, 480, 640, 800, 1080]],
    ['exactly a step', 800, [320, 480, 640, 800]],
    ['just over a step', 801, [320, 480, 640, 800, 1080]],
    ['exactly the last step', 1920, [...PHOTO_WIDTHS]],
    ['wider than the last step', 6000, [...PHOTO_WIDTHS]],
  ])('offers a photo %s (%i px) at %j', (_, width, widths) => {
    expect(widthsFor({ width })).toStrictEqual(widths);
  });

  it('only ever offers the site’s widths, each once, increasing', () => {
    for (let width = 16; width <= 2500; width += 7) {
      const widths = widthsFor({ width });
      expect(widths.every((step) => (PHOTO_WIDTHS as readonly number[]).includes(step))).toBe(true);
      expect([...widths].sort((a, b) => a - b)).toStrictEqual(widths);
      expect(new Set(widths).size).toBe(widths.length);
      expect(widths.filter((step) => step >= width).length).toBeLessThanOrEqual(1);
    }
  });
});

describe('servedWidth', () => {
  it('never enlarges', () => {
    expect(servedWidth({ width: 1000 }, 1080)).toBe(1000);
    expect(servedWidth({ width: 1000 }, 640)).toBe(640);
  });
});

describe('photoVariantPath', () => {
  it.each<[string, PhotoVariant, string]>([
    ['/images/photo.jpg', { width: 640, format: 'auto' }, `/photos/${HASH}/w640/photo.jpg`],
    ['/images/2024/photo.jpg', { width: 1920, format: 'jpeg' }, `/photos/${HASH}/w1920-jpeg/2024/photo.jpg.jpeg`],
    ['/images/mon photo, ici.jpg', { width: 320, format: 'auto' }, `/photos/${HASH}/w320/mon%20photo%2C%20ici.jpg`],
    ['/images/mon%20photo.jpg', { width: 320, format: 'auto' }, `/photos/${HASH}/w320/mon%20photo.jpg`],
    ['/images/été/plage.jpg', { width: 800, format: 'auto' }, `/photos/${HASH}/w800/%C3%A9t%C3%A9/plage.jpg`],
    ['/images/100%.jpg', { width: 800, format: 'auto' }, `/photos/${HASH}/w800/100%25.jpg`],
  ])('%s at %j → %s', (src, variant, expected) => {
    expect(photoVariantPath({ src, hash: HASH }, variant)).toBe(expected);
  });
});

describe('responsiveImage', () => {
  it.each([
    ['smaller than every step', 200, [[320, 200]], 320],
    [
      'between two steps',
      1000,
      [
        [320, 320],
        [480, 480],
        [640, 640],
        [800, 800],
        [1080, 1000],
      ],
      1080,
    ],
    [
      'exactly a step',
      640,
      [
        [320, 320],
        [480, 480],
        [640, 640],
      ],
      640,
    ],
    ['wider than every step', 4000, PHOTO_WIDTHS.map((width) => [width, width]), 1080],
  ])('lists each width of a photo %s once, described by the width served', (_, width, expected, fallback) => {
    const photo = reference(width);
    const image = responsiveImage(photo, '100vw');
    const entries = srcsetEntries(image.srcSet);
    expect(entries.map(({ url, descriptor }) => [Number(/\/w(\d+)\//.exec(url)?.[1]), descriptor])).toStrictEqual(expected);
    expect(entries.map(({ url }) => url)).toStrictEqual(widthsFor(photo).map((step) => photoVariantPath(photo, { width: step, format: 'auto' })));
    expect(new Set(entries.map(({ descriptor }) => descriptor)).size).toBe(entries.length);
    expect(image.src).toBe(photoVariantPath(photo, { width: fallback, format: 'jpeg' }));
    expect(image.src).toMatch(/\/w\d+-jpeg\//);
    expect(image).toMatchObject({ sizes: '100vw', width, height: photo.height });
  });

  it('keeps a srcset readable with spaces and commas in the file name', () => {
    const image = responsiveImage(reference(800, 600, '/images/réunion, 12 mai.jpg'), '100vw');
    for (const { url } of srcsetEntries(image.srcSet)) expect(url).toMatch(/^\/photos\/[0-9a-f]{16}\/w\d+\/r%C3%A9union%2C%2012%20mai\.jpg$/);
  });
});

describe('jpegOf', () => {
  it.each([
    [3000, 2000, 1280, { variant: { width: 1280, format: 'jpeg' }, width: 1280, height: 853 }],
    [1000, 500, 1280, { variant: { width: 1080, format: 'jpeg' }, width: 1000, height: 500 }],
    [200, 100, 1280, { variant: { width: 320, format: 'jpeg' }, width: 200, height: 100 }],
    [3000, 2000, 600, { variant: { width: 640, format: 'jpeg' }, width: 640, height: 427 }],
  ])('gives a %i × %i photo asked at %i a JPEG variant and its size', (width, height, asked, expected) => {
    const photo = reference(width, height);
    const jpeg = jpegOf(photo, asked);
    expect(jpeg).toStrictEqual({ ...expected, src: photoVariantPath(photo, expected.variant as PhotoVariant) });
  });
});

describe('parsePhotoRequest', () => {
  const library = new PhotoLibrary('/srv/content/images');

  /** The segments of a path after `/photos/`, as in the URL, and as a router that decodes them gives them. */
  function segmentsOf(variantPath: string): { encoded: string[]; decoded: string[] } {
    const encoded = variantPath.slice('/photos/'.length).split('/');
    return { encoded, decoded: encoded.map((segment) => decodeURIComponent(segment)) };
  }

  it.each<[string, PhotoVariant]>([
    ['/images/photo.jpg', { width: 640, format: 'auto' }],
    ['/images/2024/photo.jpg', { width: 1920, format: 'jpeg' }],
    ['/images/mon photo.jpg', { width: 320, format: 'auto' }],
    ['/images/été/réunion de rédaction.png', { width: 1080, format: 'jpeg' }],
  ])('reads back the path of %s at %j, leading to the same file', (src, variant) => {
    // The router hands the segments over decoded once; the address comes back encoded once.
    const { encoded, decoded } = segmentsOf(photoVariantPath({ src, hash: HASH }, variant));
    const request = parsePhotoRequest(decoded);
    expect(request).toMatchObject({ hash: HASH, variant });
    expect(library.resolve(request?.src ?? '')).toBe(library.resolve(src));
    // A JPEG variant's URL ends in `.jpeg` after the file's own name.
    expect(request?.src).toBe(`/images/${encoded.slice(2).join('/')}`.replace(variant.format === 'jpeg' ? /\.jpeg$/ : /$^/, ''));
  });

  it('refuses a JPEG variant whose URL does not end in .jpeg', () => {
    expect(parsePhotoRequest([HASH, 'w640-jpeg', 'photo.png'])).toBeUndefined();
    expect(parsePhotoRequest([HASH, 'w640-jpeg', '.jpeg'])).toBeUndefined();
    expect(parsePhotoRequest([HASH, 'w640-jpeg', 'photo.png.jpeg'])?.src).toBe('/images/photo.png');
  });

  it('reads back every width and format the site links to', () => {
    for (const width of PHOTO_WIDTHS) {
      for (const format of ['auto', 'jpeg'] as const) {
        expect(parsePhotoRequest(segmentsOf(photoVariantPath({ src: '/images/a.jpg', hash: HASH }, { width, format })).encoded)).toStrictEqual({
          hash: HASH,
          variant: { width, format },
          src: '/images/a.jpg',
        });
      }
    }
  });

  // Known bug: Next.js decodes route params once (`/photos/…/soldes-50%25.jpg` reaches the route as `soldes-50%.jpg`),
  // then PhotoLibrary.resolve decodes the joined path again, which throws on the lone `%`: a photo with `%` in its
  // name is a 404 (and `a%2520b.jpg` would even lead to `a b.jpg`). Turn `it.fails` back into `it` once it is fixed.
  it('leads a router-decoded path of a file with % in its name to that file', () => {
    const src = '/images/soldes-50%25.jpg'; // what the editor must write for the file soldes-50%.jpg
    expect(library.resolve(src)).toBe('/srv/content/images/soldes-50%.jpg');
    const { decoded } = segmentsOf(photoVariantPath({ src, hash: HASH }, { width: 640, format: 'auto' }));
    expect(library.resolve(parsePhotoRequest(decoded)?.src ?? '')).toBe(library.resolve(src));
  });

  it.each([
    ['a width the site does not make', [HASH, 'w333', 'a.jpg']],
    ['a width over the last step', [HASH, 'w3840', 'a.jpg']],
    ['a width under the first step', [HASH, 'w100', 'a.jpg']],
    ['another format', [HASH, 'w640-webp', 'a.jpg']],
    ['no w', [HASH, '640', 'a.jpg']],
    ['a 15-hex hash', [HASH.slice(1), 'w640', 'a.jpg']],
    ['a 17-hex hash', [`${HASH}0`, 'w640', 'a.jpg']],
    ['an uppercase hash', [HASH.toUpperCase(), 'w640', 'a.jpg']],
    ['a hash that is not hex', ['0123456789abcdeg', 'w640', 'a.jpg']],
    ['no path', [HASH, 'w640']],
    ['no variant', [HASH]],
    ['nothing', []],
  ])('refuses %s', (_, segments) => {
    expect(parsePhotoRequest(segments)).toBeUndefined();
  });

  // Known bug: /^w(\d{3,4})…$/ then Number() takes `w0640` as 640, a URL the site never links to.
  // Turn `it.fails` back into `it` once it is fixed.
  it('refuses a width written with a leading zero', () => {
    expect(parsePhotoRequest([HASH, 'w0640', 'a.jpg'])).toBeUndefined();
  });
});
