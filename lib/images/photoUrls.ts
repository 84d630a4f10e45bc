import { PHOTO_PREFIX } from './photoLibrary';

/**
 * The widths the site serves a photo at: enough steps for a phone at 1× to a
 * wide screen at 2×, few enough that a photo has at most 24 variants (8 widths ×
 * AVIF, WebP, JPEG) for caches to hold. No other width is ever made.
 */
export const PHOTO_WIDTHS = [320, 480, 640, 800, 1080, 1280, 1600, 1920] as const;

/**
 * `auto`: the best format the browser says it takes (AVIF, WebP, else JPEG, or
 * PNG for a PNG source), one URL for all with `Vary: Accept`. `jpeg`: always
 * JPEG, for feeds and mail clients that cannot negotiate.
 */
export type PhotoVariant = { width: number; format: 'auto' | 'jpeg' };

/** What a page needs to point at a photo: its address and the hash of its current file. */
export interface PhotoReference {
  src: string;
  hash: string;
  width: number;
  height: number;
}

/**
 * `/photos/<hash>/w640/<path>`: the hash first, so that a replaced photo has a
 * new URL and each URL keeps its bytes for ever (`immutable`); the file's path
 * last, so the URL still names the picture.
 */
export function photoVariantPath(photo: Pick<PhotoReference, 'src' | 'hash'>, variant: PhotoVariant): string {
  const segment = `w${variant.width}${variant.format === 'jpeg' ? '-jpeg' : ''}`;
  return `/photos/${photo.hash}/${segment}/${encodedPath(photo.src.slice(PHOTO_PREFIX.length))}${variant.format === 'jpeg' ? JPEG_SUFFIX : ''}`;
}

/**
 * A JPEG variant's URL ends in `.jpeg`, whatever the original was: feed
 * readers and the feed library read the type from the URL.
 */
const JPEG_SUFFIX = '.jpeg';

/** Each part percent-encoded once (a space or a comma would split a `srcset`), whether the editor wrote it encoded or not. */
function encodedPath(path: string): string {
  return path
    .split('/')
    .map((part) => {
      try {
        return encodeURIComponent(decodeURIComponent(part));
      } catch {
        return encodeURIComponent(part);
      }
    })
    .join('/');
}

/** The widths a photo is offered at: the site's steps below its own width, then its width itself (never enlarged). */
export function widthsFor(photo: Pick<PhotoReference, 'width'>): number[] {
  const below = PHOTO_WIDTHS.filter((width) => width < photo.width);
  const own = PHOTO_WIDTHS.find((width) => width >= photo.width);
  return own === undefined ? below : [...below, own];
}

/** The served width for a requested one: the photo is never enlarged. */
export function servedWidth(photo: Pick<PhotoReference, 'width'>, requested: number): number {
  return Math.min(requested, photo.width);
}

export interface ResponsiveImageAttributes {
  src: string;
  srcSet: string;
  sizes: string;
  width: number;
  height: number;
}

/**
 * `src`, `srcset` and `sizes` of an `<img>`: the browser picks the width and
 * its Accept header the format. `src`, for what ignores `srcset`, is a JPEG.
 */
export function responsiveImage(photo: PhotoReference, sizes: string): ResponsiveImageAttributes {
  const widths = widthsFor(photo);
  const fallbackWidth = widths.find((width) => width >= 1080) ?? widths[widths.length - 1] ?? 1080;
  return {
    src: photoVariantPath(photo, { width: fallbackWidth, format: 'jpeg' }),
    srcSet: widths.map((width) => `${photoVariantPath(photo, { width, format: 'auto' })} ${servedWidth(photo, width)}w`).join(', '),
    sizes,
    width: photo.width,
    height: photo.height,
  };
}

/** A JPEG of the photo at most `width` wide, with its height: feeds and enclosures. */
export function jpegOf(photo: PhotoReference, width = 1280): { src: string; variant: PhotoVariant; width: number; height: number } {
  const widths = widthsFor(photo);
  const step = widths.find((candidate) => candidate >= width) ?? widths.at(-1) ?? width;
  const served = servedWidth(photo, step);
  const variant: PhotoVariant = { width: step, format: 'jpeg' };
  return { src: photoVariantPath(photo, variant), variant, width: served, height: Math.round((photo.height * served) / photo.width) };
}

export interface PhotoRequest {
  hash: string;
  variant: PhotoVariant;
  src: string;
}

/**
 * Reads `/photos/<hash>/<variant>/<path>` back, from the segments as the router
 * hands them over (decoded once); undefined for anything the site never links
 * to. The `src` is the address as an article writes it, each part encoded again,
 * so that the library decodes it exactly once (a file may have `%` in its name).
 */
export function parsePhotoRequest(segments: readonly string[]): PhotoRequest | undefined {
  const [hash, variantSegment, ...pathSegments] = segments;
  if (hash === undefined || !/^[0-9a-f]{16}$/.test(hash) || variantSegment === undefined || pathSegments.length === 0) return undefined;
  const match = /^w([1-9]\d{2,3})(-jpeg)?$/.exec(variantSegment);
  const width = Number(match?.[1]);
  if (!match || !(PHOTO_WIDTHS as readonly number[]).includes(width)) return undefined;
  if (!match[2]) return { hash, variant: { width, format: 'auto' }, src: photoAddress(pathSegments) };
  const last = pathSegments.at(-1) ?? '';
  if (!last.endsWith(JPEG_SUFFIX) || last.length === JPEG_SUFFIX.length) return undefined;
  return { hash, variant: { width, format: 'jpeg' }, src: photoAddress([...pathSegments.slice(0, -1), last.slice(0, -JPEG_SUFFIX.length)]) };
}

/** `/images/<path>` from the decoded parts of a path, each encoded once. */
export function photoAddress(decodedSegments: readonly string[]): string {
  return `${PHOTO_PREFIX}${decodedSegments.map(encodeURIComponent).join('/')}`;
}
