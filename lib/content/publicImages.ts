import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';

export interface ImageSize {
  width: number;
  height: number;
}

/** Looks up the pixel size of an image referenced as `/images/…`, or undefined when there is no such image. */
export type ImageSizeLookup = (src: string) => ImageSize | undefined;

/** `public/` of the project, where every image an article references must live. */
export function resolvePublicDir(): string {
  // Read at run time, not bundled: tell Turbopack not to trace the project from here.
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), 'public');
}

/**
 * Reads sizes from the files in `public/`, so body images get width and height
 * (no layout shift) and a missing image is an error before a reader sees it.
 * Paths that would leave `public/` are treated as missing.
 */
export function createPublicImageSizeLookup(publicDir: string): ImageSizeLookup {
  const cache = new Map<string, { mtimeMs: number; size: ImageSize | undefined }>();
  return (src) => {
    const absolutePath = resolveInside(publicDir, src);
    if (!absolutePath) return undefined;
    let mtimeMs: number;
    try {
      const stats = statSync(/* turbopackIgnore: true */ absolutePath);
      if (!stats.isFile()) return undefined;
      mtimeMs = stats.mtimeMs;
    } catch {
      return undefined;
    }
    const cached = cache.get(absolutePath);
    if (cached?.mtimeMs === mtimeMs) return cached.size;
    const size = readSize(absolutePath);
    cache.set(absolutePath, { mtimeMs, size });
    return size;
  };
}

/** The file behind a root-relative `/images/…` path, or undefined when the path would leave `folder`. */
export function resolveInside(publicDir: string, src: string): string | undefined {
  const folder = path.resolve(/* turbopackIgnore: true */ publicDir);
  if (!src.startsWith('/') || src.startsWith('//')) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(src);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const absolutePath = path.resolve(/* turbopackIgnore: true */ folder, `.${decoded}`);
  return absolutePath.startsWith(folder + path.sep) ? absolutePath : undefined;
}

/** Byte size of a file under `public/`, e.g. for a feed enclosure; undefined when there is none. */
export function publicFileSize(src: string, publicDir = resolvePublicDir()): number | undefined {
  const absolutePath = resolveInside(publicDir, src);
  if (!absolutePath) return undefined;
  try {
    const stats = statSync(/* turbopackIgnore: true */ absolutePath);
    return stats.isFile() ? stats.size : undefined;
  } catch {
    return undefined;
  }
}

function readSize(absolutePath: string): ImageSize | undefined {
  try {
    const { width, height } = imageSize(readFileSync(/* turbopackIgnore: true */ absolutePath));
    return width > 0 && height > 0 ? { width, height } : undefined;
  } catch {
    return undefined;
  }
}
