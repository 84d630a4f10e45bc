import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BuildState } from './buildState';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'kiosque-build-state-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('BuildState snapshot', () => {
  it('gives back every line, across the chunks it is read in and longer than one chunk', async () => {
    const state = new BuildState(path.join(folder, 'content'), 'parser-a');
    // Lines of every length around the 4 MB chunk, one of 9 MB, accents split across chunk edges.
    const lines = Array.from({ length: 3_000 }, (_, number) => `{"n":${number},"texte":"${'é'.repeat(number % 1_700)}"}`);
    lines.splice(1_500, 0, `{"long":"${'x'.repeat(9 * 1024 * 1024)}"}`);
    await state.writeSnapshot(lines);
    expect([...state.snapshotLines()]).toStrictEqual(lines);
  });

  it('gives nothing for another parser, a damaged header or no file', async () => {
    const base = path.join(folder, 'content');
    expect([...new BuildState(base, 'parser-a').snapshotLines()]).toStrictEqual([]);
    await new BuildState(base, 'parser-a').writeSnapshot(['{"a":1}']);
    expect([...new BuildState(base, 'parser-b').snapshotLines()]).toStrictEqual([]);
    await writeFile(`${base}.snapshot.jsonl`, 'pas du JSON\n{"a":1}\n');
    expect([...new BuildState(base, 'parser-a').snapshotLines()]).toStrictEqual([]);
  });
});
