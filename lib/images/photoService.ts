import { formatFocus, type FocusPoint } from './focusPoint';
import type { Photo, PhotoLibrary } from './photoLibrary';
import { servedWidth, type PhotoVariant } from './photoUrls';
import { negotiateFormat, renderCrop, renderResized, type RenderedImage } from './renderPhoto';
import { VariantCache, type VariantCacheOptions } from './variantCache';

/** What a photo URL answers, once its hash was checked against the file. */
export type PhotoAnswer =
  | { kind: 'image'; image: RenderedImage; varyAccept: boolean }
  /** The address names a file that is missing or refused. */
  | { kind: 'missing' }
  /** The file was replaced since the URL was made: where the current version is. */
  | { kind: 'replaced'; photo: Photo };

/**
 * Photos from the content folder to the reader: the library says what the
 * file is now, the cache keeps what sharp made of it. Every answer is a new
 * encoding; the editor's file itself never leaves the server.
 */
export class PhotoService {
  readonly cache: VariantCache;

  constructor(
    readonly library: PhotoLibrary,
    cacheOptions: VariantCacheOptions,
  ) {
    this.cache = new VariantCache(cacheOptions);
  }

  /** The current photo at `src`, when it is a valid one. */
  current(src: string): Photo | undefined {
    const found = this.library.lookup(src);
    return found.ok ? found.photo : undefined;
  }

  async variant(src: string, hash: string, variant: PhotoVariant, accept: string | null): Promise<PhotoAnswer> {
    const photo = this.current(src);
    const file = this.library.resolve(src);
    if (!photo || !file) return { kind: 'missing' };
    if (photo.hash !== hash) return { kind: 'replaced', photo };
    const format = variant.format === 'jpeg' ? 'jpeg' : negotiateFormat(accept, photo.format);
    const width = servedWidth(photo, variant.width);
    const image = await this.cache.get(`${photo.hash}:w${width}:${format}`, () => renderResized(file, width, format));
    return { kind: 'image', image, varyAccept: variant.format === 'auto' };
  }

  /** A JPEG crop of exactly `frame` around `focus` (or the attention strategy's choice), for structured data and share cards. */
  async crop(photo: Photo, frame: { width: number; height: number }, focus: FocusPoint | undefined): Promise<RenderedImage | undefined> {
    const file = this.library.resolve(photo.src);
    if (!file) return undefined;
    const key = `${photo.hash}:crop${frame.width}x${frame.height}:${focus ? formatFocus(focus) : 'attention'}`;
    return this.cache.get(key, () => renderCrop(file, photo, frame, focus));
  }

  /** Any image made from photos (a share card), under a key that changes with everything drawn in it. */
  async derived(key: string, render: () => Promise<RenderedImage>): Promise<RenderedImage> {
    return this.cache.get(`derived:${key}`, render);
  }
}
