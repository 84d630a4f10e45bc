import { once } from 'node:events';
import { closeSync, createWriteStream, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readPublicSummary, type PublicSummary } from './invalidation';

/**
 * What a build leaves beside its parse cache for the servers started from it
 * (scripts/start.mjs copies it to each replica): what its pages show (the
 * public summary, for the first revalidation to compare with) and the
 * loader's snapshot (one JSON line per file, so a server reads no unchanged
 * file). Each build worker writes the same; a rename makes each write whole.
 */
export class BuildState {
  constructor(
    /** `<cache>/kiosque-content/<folder>`: the files are `<that>.public.json` and `<that>.snapshot.jsonl`. */
    private readonly base: string,
    private readonly parserFingerprint: string,
  ) {}

  async writeSummary(summary: PublicSummary): Promise<void> {
    const file = `${this.base}.public.json`;
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(`${file}.${process.pid}.tmp`, JSON.stringify(summary));
    await rename(`${file}.${process.pid}.tmp`, file);
  }

  /** Whether the build left a summary (read only when first needed: 25 MB for 100,000 articles). */
  hasSummary(): boolean {
    return existsSync(/* turbopackIgnore: true */ `${this.base}.public.json`);
  }

  /** Undefined without one (an older build, a cleared cache): the server starts from what it reads. */
  readSummary(): PublicSummary | undefined {
    try {
      return readPublicSummary(JSON.parse(readFileSync(/* turbopackIgnore: true */ `${this.base}.public.json`, 'utf8')));
    } catch {
      return undefined;
    }
  }

  /** One line at a time, never the whole snapshot as one string: 100,000 parses are 200 MB of JSON. */
  async writeSnapshot(lines: Iterable<string>): Promise<void> {
    const file = `${this.base}.snapshot.jsonl`;
    const temporary = `${file}.${process.pid}.tmp`;
    await mkdir(path.dirname(file), { recursive: true });
    const stream = createWriteStream(temporary);
    stream.write(`${JSON.stringify({ snapshot: 1, fingerprint: this.parserFingerprint })}\n`);
    for (const line of lines) if (!stream.write(`${line}\n`)) await once(stream, 'drain');
    stream.end();
    await once(stream, 'finish');
    await rename(temporary, file);
  }

  /** The snapshot's lines, none when there is no snapshot of this parser. */
  *snapshotLines(): Generator<string, void, undefined> {
    let lines: Generator<string, void, undefined>;
    try {
      lines = linesOf(openSync(/* turbopackIgnore: true */ `${this.base}.snapshot.jsonl`, 'r'));
    } catch {
      return;
    }
    const header = lines.next();
    try {
      const { snapshot, fingerprint } = JSON.parse(header.done ? '' : header.value) as { snapshot?: number; fingerprint?: string };
      if (snapshot !== 1 || fingerprint !== this.parserFingerprint) {
        lines.return();
        return;
      }
    } catch {
      lines.return();
      return;
    }
    yield* lines;
  }
}

/** Bytes read at a time: the file is 200 MB for 100,000 articles, and a server's memory is counted. */
const CHUNK_BYTES = 4 * 1024 * 1024;

/** The lines of a file, read a chunk at a time and decoded one at a time; the file is closed at the end. */
function* linesOf(descriptor: number): Generator<string, void, undefined> {
  let chunk = Buffer.alloc(CHUNK_BYTES);
  let filled = 0;
  try {
    for (;;) {
      if (filled === chunk.length) {
        // A line longer than the buffer: a larger one.
        const larger = Buffer.alloc(chunk.length * 2);
        chunk.copy(larger, 0, 0, filled);
        chunk = larger;
      }
      const read = readSync(descriptor, chunk, filled, chunk.length - filled, null);
      filled += read;
      let start = 0;
      for (let newline = chunk.indexOf(0x0a, start); newline !== -1 && newline < filled; newline = chunk.indexOf(0x0a, start)) {
        if (newline > start) yield chunk.toString('utf8', start, newline);
        start = newline + 1;
      }
      if (read === 0) {
        if (filled > start) yield chunk.toString('utf8', start, filled);
        return;
      }
      chunk.copy(chunk, 0, start, filled);
      filled -= start;
    }
  } finally {
    closeSync(descriptor);
  }
}
