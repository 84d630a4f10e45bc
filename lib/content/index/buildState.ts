import { once } from 'node:events';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
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
    let bytes: Buffer;
    try {
      bytes = readFileSync(/* turbopackIgnore: true */ `${this.base}.snapshot.jsonl`);
    } catch {
      return;
    }
    const lines = linesOf(bytes);
    const header = lines.next();
    try {
      const { snapshot, fingerprint } = JSON.parse(header.done ? '' : header.value) as { snapshot?: number; fingerprint?: string };
      if (snapshot !== 1 || fingerprint !== this.parserFingerprint) return;
    } catch {
      return;
    }
    yield* lines;
  }
}

/** The lines of a file, decoded one at a time: a snapshot is too long to split as one string. */
function* linesOf(bytes: Buffer): Generator<string, void, undefined> {
  for (let start = 0; start < bytes.length; ) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline === -1 ? bytes.length : newline;
    if (end > start) yield bytes.toString('utf8', start, end);
    start = end + 1;
  }
}
