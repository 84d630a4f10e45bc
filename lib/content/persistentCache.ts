import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ParsedArticle } from './parseArticleFile';
import type { Parsed } from './parseContentFile';

/** The public files a parse looked at, with what tells whether they changed since. */
export interface ImageStamp {
  absolutePath: string;
  mtimeMs: number;
  size: number;
}

interface StoredEntry {
  /** SHA-256 of the Markdown file's text. */
  hash: string;
  result: Parsed<ParsedArticle>;
  images: ImageStamp[];
}

interface StoredCache {
  fingerprint: string;
  entries: Record<string, StoredEntry>;
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

async function imagesUnchanged(images: readonly ImageStamp[]): Promise<boolean> {
  for (const image of images) {
    try {
      const stats = await stat(image.absolutePath);
      if (stats.mtimeMs !== image.mtimeMs || stats.size !== image.size) return false;
    } catch {
      if (image.size !== -1) return false;
    }
  }
  return true;
}

/**
 * Parsed articles kept on disk between processes, keyed by the hash of each
 * file's text and checked against the images the parse looked at, so a cold
 * server or build worker reads JSON instead of rendering 10,000 Markdown files.
 * Valid only for one parser (`fingerprint`); any doubt means parsing again.
 */
export class PersistentArticleCache {
  private entries = new Map<string, StoredEntry>();
  private loading: Promise<void> | undefined;
  private dirty = false;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    readonly file: string,
    readonly fingerprint: string,
  ) {}

  /** Reads the file once; every concurrent caller waits for that one read. */
  private loadOnce(): Promise<void> {
    this.loading ??= (async () => {
      try {
        const stored = JSON.parse(await readFile(this.file, 'utf8')) as StoredCache;
        if (stored.fingerprint === this.fingerprint) this.entries = new Map(Object.entries(stored.entries));
      } catch {
        // No cache yet, or an unreadable one: start empty.
      }
    })();
    return this.loading;
  }

  /** The stored parse of this file if its text and images are unchanged. */
  async get(absolutePath: string, hash: string): Promise<Parsed<ParsedArticle> | undefined> {
    await this.loadOnce();
    const entry = this.entries.get(absolutePath);
    if (!entry || entry.hash !== hash || !(await imagesUnchanged(entry.images))) return undefined;
    // The same object then lives in the memory cache too: no second copy.
    return reviveDates(entry.result);
  }

  set(absolutePath: string, hash: string, result: Parsed<ParsedArticle>, images: ImageStamp[]): void {
    this.entries.set(absolutePath, { hash, result, images });
    this.dirty = true;
  }

  /** Writes the cache if anything new was parsed: whole file, then rename, so readers never see half. */
  async save(current: ReadonlySet<string>): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    for (const key of this.entries.keys()) if (!current.has(key)) this.entries.delete(key);
    const stored: StoredCache = { fingerprint: this.fingerprint, entries: Object.fromEntries(this.entries) };
    const temporary = `${this.file}.${process.pid}.tmp`;
    this.writing = this.writing.then(async () => {
      await mkdir(path.dirname(this.file), { recursive: true });
      await writeFile(temporary, JSON.stringify(stored));
      await rename(temporary, this.file);
    });
    await this.writing;
  }
}
