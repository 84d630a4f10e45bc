import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { mkdir, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ParsedArticle } from './parseArticleFile';
import type { Parsed } from './parseContentFile';

let temporaryFileCount = 0;

/** The public files a parse looked at, with what tells whether they changed since. */
export interface ImageStamp {
  absolutePath: string;
  mtimeMs: number;
  size: number;
}

interface StoredEntry {
  result: Parsed<ParsedArticle>;
  images: ImageStamp[];
}

export function hashText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** JSON turns the article dates into strings; the ISO text with offset gives them back. */
function reviveDates(result: Parsed<ParsedArticle>): Parsed<ParsedArticle> {
  if (!result.ok) return result;
  const article = result.value;
  article.publishedAt = { iso: article.publishedAt.iso, date: new Date(article.publishedAt.iso) };
  if (article.updatedAt) article.updatedAt = { iso: article.updatedAt.iso, date: new Date(article.updatedAt.iso) };
  return result;
}

/** The image's current stamp; a missing file stamps as size -1, so its later arrival counts as a change. */
export function stampImage(absolutePath: string): ImageStamp {
  try {
    const stats = statSync(/* turbopackIgnore: true */ absolutePath);
    return { absolutePath, mtimeMs: stats.mtimeMs, size: stats.size };
  } catch {
    return { absolutePath, mtimeMs: -1, size: -1 };
  }
}

/** Thousands of articles share a handful of images: each is stat'ed once per second, not once per article. */
const IMAGE_STAT_TTL_MS = 1_000;

/**
 * Parsed articles kept on disk between processes, one small JSON file per
 * article named after the parser's fingerprint, the file's path and the hash
 * of its text, and checked against the images the parse looked at. A cold
 * server or build worker reads JSON instead of rendering 10,000 Markdown files;
 * an edit writes one small file. Any doubt means parsing again.
 */
export class PersistentArticleCache {
  /** Entry files written or read by this process: whatever else is in the folder is stale. */
  private readonly current = new Set<string>();
  private readonly imageStamps = new Map<string, { stamp: ImageStamp; at: number }>();

  constructor(
    readonly folder: string,
    readonly fingerprint: string,
  ) {}

  private entryFile(absolutePath: string, hash: string): string {
    const name = createHash('sha256').update(`${this.fingerprint}\0${absolutePath}\0${hash}`).digest('hex').slice(0, 32);
    return path.join(this.folder, `${name}.json`);
  }

  /** The stored parse of this file if its text, images and parser are unchanged. */
  get(absolutePath: string, hash: string): Parsed<ParsedArticle> | undefined {
    const file = this.entryFile(absolutePath, hash);
    let entry: StoredEntry;
    try {
      // Synchronous on purpose: for thousands of small files, the promise API's
      // open/stat/read/close round trips through the thread pool cost more than the reads.
      entry = JSON.parse(readFileSync(/* turbopackIgnore: true */ file, 'utf8')) as StoredEntry;
    } catch {
      return undefined; // not cached yet, or unreadable: parse again
    }
    if (!this.imagesUnchanged(entry.images)) return undefined;
    this.current.add(path.basename(file));
    return reviveDates(entry.result);
  }

  private imagesUnchanged(images: readonly ImageStamp[]): boolean {
    const now = Date.now();
    return images.every((image) => {
      let known = this.imageStamps.get(image.absolutePath);
      if (!known || now - known.at > IMAGE_STAT_TTL_MS) {
        known = { stamp: stampImage(image.absolutePath), at: now };
        this.imageStamps.set(image.absolutePath, known);
      }
      return known.stamp.mtimeMs === image.mtimeMs && known.stamp.size === image.size;
    });
  }

  /** Stores a parse: whole file, then rename, so a concurrent reader never sees half of one. */
  async set(absolutePath: string, hash: string, result: Parsed<ParsedArticle>, images: ImageStamp[]): Promise<void> {
    const file = this.entryFile(absolutePath, hash);
    this.current.add(path.basename(file));
    try {
      await mkdir(this.folder, { recursive: true });
      // Unique per write: two writes of one entry may overlap, even in one process.
      const temporary = `${file}.${process.pid}.${(temporaryFileCount += 1)}.tmp`;
      await writeFile(temporary, JSON.stringify({ result, images } satisfies StoredEntry));
      await rename(temporary, file);
    } catch (error) {
      // A cache that cannot be written only costs speed.
      console.warn(`[kiosque] cache de contenu non écrit (${file}) :`, error);
    }
  }

  /**
   * Deletes entries of earlier versions of files and of deleted files. Called
   * after a full load, when every current article has been looked up once.
   */
  async prune(): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch {
      return;
    }
    await Promise.all(names.filter((name) => name.endsWith('.json') && !this.current.has(name)).map((name) => unlink(path.join(this.folder, name)).catch(() => undefined)));
  }
}
