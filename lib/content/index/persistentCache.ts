import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DateWithOffset } from '../../dates/parseDateTime';
import type { FileStamp } from '../../images/photoLibrary';
import type { ArticleBody } from '../article';
import type { ArticleFields } from '../parsing/parseArticleFile';
import type { Parsed } from '../parsing/parseContentFile';

let temporaryFileCount = 0;

/** An article's parse without its body, which has a file of its own (`<entry>.body.json`), and the photos it looked at, as they were. */
interface StoredEntry {
  result: Parsed<ArticleFields>;
  photos: Array<[src: string, stamp: FileStamp]>;
}

/** A stored parse, with the stamps of the photos it used. */
export interface StoredParse {
  result: Parsed<ArticleFields>;
  photos: ReadonlyMap<string, FileStamp>;
}

/** JSON turns the article dates into strings; the ISO text with offset gives them back. */
export function reviveDates(result: Parsed<ArticleFields>): Parsed<ArticleFields> {
  if (!result.ok) return result;
  const article = result.value;
  article.publishedAt = revive(article.publishedAt);
  if (article.updatedAt) article.updatedAt = revive(article.updatedAt);
  article.corrections = article.corrections.map(({ date, text }) => ({ date: revive(date), text }));
  if (article.live) {
    article.live = { ...(article.live.until ? { until: revive(article.live.until) } : {}), entries: article.live.entries.map((entry) => ({ ...entry, date: revive(entry.date) })) };
  }
  return result;
}

const revive = ({ iso }: { iso: string }): DateWithOffset => ({ iso, date: new Date(iso) });

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

  constructor(
    readonly folder: string,
    readonly fingerprint: string,
  ) {}

  private entryFile(absolutePath: string, hash: string): string {
    const name = createHash('sha256').update(`${this.fingerprint}\0${absolutePath}\0${hash}`).digest('hex').slice(0, 32);
    return path.join(this.folder, `${name}.json`);
  }

  private static bodyFile(entryFile: string): string {
    return entryFile.replace(/\.json$/, '.body.json');
  }

  /** The stored parse of this file if its text, images and parser are unchanged; its body stays on disk (`body`). */
  get(absolutePath: string, hash: string, stampPhoto: (src: string) => FileStamp): StoredParse | undefined {
    const file = this.entryFile(absolutePath, hash);
    let entry: StoredEntry;
    try {
      // Synchronous on purpose: for thousands of small files, the promise API's
      // open/stat/read/close round trips through the thread pool cost more than the reads.
      entry = JSON.parse(readFileSync(/* turbopackIgnore: true */ file, 'utf8')) as StoredEntry;
    } catch {
      return undefined; // not cached yet, or unreadable: parse again
    }
    if (!Array.isArray(entry.photos) || !this.photosUnchanged(entry.photos, stampPhoto)) return undefined;
    this.current.add(path.basename(file)).add(path.basename(PersistentArticleCache.bodyFile(file)));
    return { result: reviveDates(entry.result), photos: new Map(entry.photos) };
  }

  /** The body stored with this version of the file; undefined when its file is gone (a cache folder cleared under a running server). */
  body(absolutePath: string, hash: string): ArticleBody | undefined {
    try {
      const body = JSON.parse(readFileSync(/* turbopackIgnore: true */ PersistentArticleCache.bodyFile(this.entryFile(absolutePath, hash)), 'utf8')) as Partial<ArticleBody>;
      // Written whole by a parser of the same fingerprint: given back whole, so no field of the body (a live article's
      // entries, its embeds) is lost on the way, as listing the fields once lost the entries.
      return typeof body.html === 'string' && typeof body.text === 'string' && Array.isArray(body.quotes) ? (body as ArticleBody) : undefined;
    } catch {
      return undefined;
    }
  }

  /** `stampPhoto` is the loader's: it stats each photo once per load, however many articles use it. */
  private photosUnchanged(photos: StoredEntry['photos'], stampPhoto: (src: string) => FileStamp): boolean {
    return photos.every(([src, stamp]) => {
      const now = stampPhoto(src);
      return now.mtimeMs === stamp.mtimeMs && now.size === stamp.size;
    });
  }

  /** Stores a parse and its body, the body first, so an entry is never found without its body. */
  async set(absolutePath: string, hash: string, result: Parsed<ArticleFields>, body: ArticleBody | undefined, photos: ReadonlyMap<string, FileStamp>): Promise<void> {
    const file = this.entryFile(absolutePath, hash);
    const bodyFile = PersistentArticleCache.bodyFile(file);
    this.current.add(path.basename(file)).add(path.basename(bodyFile));
    const stored: StoredEntry = { result, photos: [...photos] };
    try {
      await mkdir(this.folder, { recursive: true });
      const bodyText = body === undefined ? undefined : JSON.stringify(body satisfies ArticleBody);
      const [bodyTemporary, temporary] = await Promise.all([bodyText === undefined ? undefined : writeTemporary(bodyFile, bodyText), writeTemporary(file, JSON.stringify(stored))]);
      // Renamed in this order, so a reader never finds an entry without its body.
      if (bodyTemporary) await rename(bodyTemporary, bodyFile);
      await rename(temporary, file);
    } catch (error) {
      // A cache that cannot be written only costs speed: the body is parsed again when asked.
      console.warn(`[kiosque] cache de contenu non écrit (${file}) :`, error);
    }
  }

  /**
   * Deletes entries of earlier versions of files and of deleted files. Called
   * after a full load, when every current article has been looked up once.
   */
  async prune(keep: Iterable<[absolutePath: string, hash: string]> = []): Promise<void> {
    // Versions known from elsewhere (a snapshot) stay too.
    for (const [absolutePath, hash] of keep) {
      const file = this.entryFile(absolutePath, hash);
      this.current.add(path.basename(file)).add(path.basename(PersistentArticleCache.bodyFile(file)));
    }
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch {
      return;
    }
    await Promise.all(names.filter((name) => name.endsWith('.json') && !this.current.has(name)).map((name) => unlink(path.join(this.folder, name)).catch(() => undefined)));
  }
}

/**
 * Files being written at once. A first load of 10,000 articles stores 20,000
 * files; all at once they ran out of file descriptors (EMFILE).
 */
const MAX_CONCURRENT_WRITES = 64;
let writesInFlight = 0;
const waitingWrites: (() => void)[] = [];

/** Writes beside the file, to be renamed over it: a concurrent reader never sees half of one. */
async function writeTemporary(file: string, text: string): Promise<string> {
  // Unique per write: two writes of one entry may overlap, even in one process.
  const temporary = `${file}.${process.pid}.${(temporaryFileCount += 1)}.tmp`;
  if (writesInFlight >= MAX_CONCURRENT_WRITES) await new Promise<void>((resolve) => waitingWrites.push(resolve));
  writesInFlight += 1;
  try {
    await writeFile(temporary, text);
  } finally {
    writesInFlight -= 1;
    waitingWrites.shift()?.();
  }
  return temporary;
}
