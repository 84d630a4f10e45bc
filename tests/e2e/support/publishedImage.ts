import { expect, type APIRequestContext } from '@playwright/test';
import sharp from 'sharp';

/** What a served picture is, read with sharp from the bytes a reader, a crawler or a feed reader receives. */
export interface ServedImage {
  url: string;
  contentType: string;
  width: number;
  height: number;
  /** Mean of each channel, to tell which photo a variant or a crop was made from. */
  mean: [number, number, number];
  bytes: Buffer;
}

/**
 * Fetches a picture (following a redirect, as an `<img>` does) and holds it to
 * what every picture the site sends must be: an image, decoded and written
 * anew, with no EXIF, XMP or IPTC block and no orientation to apply.
 */
export async function fetchCleanImage(request: APIRequestContext, url: string, accept = 'image/avif,image/webp,image/*,*/*;q=0.8'): Promise<ServedImage> {
  const response = await request.get(url, { headers: { Accept: accept } });
  expect(response.status(), url).toBe(200);
  const contentType = response.headers()['content-type'] ?? '';
  expect(contentType, url).toMatch(/^image\/(avif|webp|jpeg|png)$/);
  const bytes = await response.body();
  const metadata = await sharp(bytes).metadata();
  expect(metadata.exif, `${url}: EXIF`).toBeUndefined();
  expect(metadata.xmp, `${url}: XMP`).toBeUndefined();
  expect(metadata.iptc, `${url}: IPTC`).toBeUndefined();
  expect(metadata.orientation ?? 1, `${url}: orientation`).toBe(1);
  const { channels } = await sharp(bytes).removeAlpha().stats();
  const [red = 0, green = 0, blue = 0] = channels.map((channel) => channel.mean);
  return { url, contentType, width: metadata.width ?? 0, height: metadata.height ?? 0, mean: [red, green, blue], bytes };
}

/** Whether two pictures have about the same colours: the same photo, at another size or crop. */
export function sameColours(a: ServedImage['mean'], b: ServedImage['mean'], tolerance = 25): boolean {
  return a.every((value, index) => Math.abs(value - (b[index] ?? 0)) <= tolerance);
}

/** Every URL of a `srcset`. */
export function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}
