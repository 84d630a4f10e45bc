import type { FileStamp } from '../../images/photoLibrary';
import type { Author } from '../article';
import type { ArticleFields } from '../parsing/parseArticleFile';
import type { Parsed } from '../parsing/parseContentFile';
import type { ParsedDossier } from '../parsing/parseDossierFile';
import type { FileKind } from './changedSlugs';
import { reviveDates } from './persistentCache';

/** What the loader keeps of a file it parsed: its stamp when read, the parse, and what the parse depended on. */
export interface CacheEntry<T> {
  mtimeMs: number;
  size: number;
  result: Parsed<T>;
  /** The photos the parse looked up, as they were: a replaced photo means parsing again (its hash is in the HTML). */
  photos?: ReadonlyMap<string, FileStamp>;
  /** The SHA-256 of the file's text, which names its stored body (articles read through the persistent cache). */
  hash?: string;
}

/** One file of a snapshot, as the loader takes it back. */
export type SnapshotEntry =
  | { kind: 'article'; absolutePath: string; entry: CacheEntry<ArticleFields> }
  | { kind: 'author'; absolutePath: string; entry: CacheEntry<Author> }
  | { kind: 'dossier'; absolutePath: string; entry: CacheEntry<ParsedDossier> };

/**
 * One line of the loader's snapshot (buildState.ts keeps the file): a file's
 * stamp, its parse without body, the photos it looked at and its hash, as
 * JSON. Lines, not one document: 100,000 parses are hundreds of megabytes.
 */
export function snapshotLine(kind: FileKind, absolutePath: string, entry: CacheEntry<unknown>): string {
  return JSON.stringify({ kind, absolutePath, ...entry, photos: entry.photos ? [...entry.photos] : undefined });
}

/** A snapshot line read back, dates and photo maps revived; undefined for a line that does not parse or lacks a field. */
export function readSnapshotLine(line: string): SnapshotEntry | undefined {
  let read: unknown;
  try {
    read = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof read !== 'object' || read === null) return undefined;
  const { kind, absolutePath, mtimeMs, size, result, photos, hash } = read as Partial<Record<'kind' | 'absolutePath' | 'mtimeMs' | 'size' | 'result' | 'photos' | 'hash', unknown>>;
  if (typeof absolutePath !== 'string' || typeof mtimeMs !== 'number' || typeof size !== 'number' || typeof result !== 'object' || result === null) return undefined;
  const base = {
    mtimeMs,
    size,
    ...(Array.isArray(photos) ? { photos: new Map(photos as Array<[string, FileStamp]>) } : {}),
    ...(typeof hash === 'string' && hash !== '' ? { hash } : {}),
  };
  if (kind === 'article') return { kind, absolutePath, entry: { ...base, result: reviveDates(result as Parsed<ArticleFields>) } };
  if (kind === 'author') return { kind, absolutePath, entry: { ...base, result: result as Parsed<Author> } };
  if (kind === 'dossier') return { kind, absolutePath, entry: { ...base, result: result as Parsed<ParsedDossier> } };
  return undefined;
}
