import { readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** A Markdown file found on disk, with what tells us whether it changed. */
export interface FoundFile {
  absolutePath: string;
  mtimeMs: number;
  size: number;
}

/**
 * Lists `*.md` files below a folder, sub-folders included (editors may sort
 * articles by year). Hidden files and symbolic links are ignored, so nothing
 * outside the content folder is ever read. A missing folder lists nothing.
 */
export async function listMarkdownFiles(folder: string): Promise<FoundFile[]> {
  let entries;
  try {
    entries = await readdir(folder, { recursive: true, withFileTypes: true });
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
  const paths = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md') && !entry.name.startsWith('.'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((filePath) => !path.relative(folder, filePath).split(path.sep).some((part) => part.startsWith('.')))
    .sort();
  // statSync: one call each, where the promise API costs a thread-pool round trip per file.
  return paths.flatMap((absolutePath) => {
    try {
      const stats = statSync(/* turbopackIgnore: true */ absolutePath);
      return [{ absolutePath, mtimeMs: stats.mtimeMs, size: stats.size }];
    } catch (error) {
      if (isMissing(error)) return []; // deleted between the listing and now: it is gone
      throw error;
    }
  });
}

export type ReadResult =
  | { ok: true; text: string }
  /** Deleted between the listing and the read. */
  | { ok: false; reason: 'gone' }
  /** `line`: the 1-based line of the first byte that is not UTF-8, for the editor to find it. */
  | { ok: false; reason: 'not-utf8'; line: number }
  /** Present but unreadable: permissions, an I/O error… `code` is Node's (EACCES, EIO…). */
  | { ok: false; reason: 'unreadable'; code: string };

/** Reads a file as UTF-8, refusing bytes that are not (rather than showing readers "�"). */
export function readUtf8File(absolutePath: string): ReadResult {
  let bytes: Buffer;
  try {
    // Synchronous on purpose: for thousands of small files, the promise API's
    // open/stat/read/close round trips through the thread pool cost more than the reads.
    bytes = readFileSync(/* turbopackIgnore: true */ absolutePath);
  } catch (error) {
    if (isMissing(error)) return { ok: false, reason: 'gone' };
    return { ok: false, reason: 'unreadable', code: error instanceof Error && 'code' in error ? String(error.code) : 'inconnu' };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: 'not-utf8', line: firstLineNotUtf8(bytes) };
  }
}

/** No UTF-8 sequence contains the byte of "\n", so each line decodes (or fails) on its own. */
function firstLineNotUtf8(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  for (let start = 0; start < bytes.length; line += 1) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline === -1 ? bytes.length : newline;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    start = end + 1;
  }
  return line;
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR');
}

/** A folder, and not a file or nothing. */
export function isFolder(folder: string): boolean {
  return statSync(/* turbopackIgnore: true */ folder, { throwIfNoEntry: false })?.isDirectory() === true;
}

/**
 * How the content store reaches the editors' files: the disk, or in tests a
 * reader that fails where they say (tests run as root, who reads any file).
 */
export interface ContentFiles {
  list(folder: string): Promise<FoundFile[]>;
  /** One file's stamp, undefined when it is not a file (gone, or a folder). */
  stamp(absolutePath: string): FoundFile | undefined;
  read(absolutePath: string): ReadResult;
  isFolder(folder: string): boolean;
}

function stampOf(absolutePath: string): FoundFile | undefined {
  const stats = statSync(/* turbopackIgnore: true */ absolutePath, { throwIfNoEntry: false });
  return stats?.isFile() ? { absolutePath, mtimeMs: stats.mtimeMs, size: stats.size } : undefined;
}

export const diskFiles: ContentFiles = { list: listMarkdownFiles, stamp: stampOf, read: readUtf8File, isFolder };

/** The path editors see: relative to the project root when inside it, absolute otherwise. */
export function displayPath(absolutePath: string): string {
  const relative = path.relative(process.cwd(), absolutePath);
  return relative.startsWith('..') ? absolutePath : relative;
}
