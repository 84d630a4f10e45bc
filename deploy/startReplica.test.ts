import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// deploy/start-replica.sh, the image's command, in a folder laid out as the
// image's /app: the two cache folders, which compose.yaml makes volumes.

const SCRIPT = path.resolve('deploy/start-replica.sh');
const SERVER_COMMAND = 'node --max-old-space-size-percentage=60 server.js';
const CACHES = ['.next/cache', '.next/server/route-cache'];

let app: string;
let bin: string;

beforeAll(async () => {
  app = await mkdtemp(path.join(tmpdir(), 'kiosque-start-replica-'));
  bin = path.join(app, 'bin');
  await mkdir(bin);
  // Stands in for Node: says what it was asked to run.
  await writeFile(path.join(bin, 'node'), '#!/bin/sh\necho "node $*"\n');
  await chmod(path.join(bin, 'node'), 0o755);
  for (const dir of CACHES) await mkdir(path.join(app, dir), { recursive: true });
});
afterAll(async () => {
  await rm(app, { recursive: true, force: true });
});

async function start(build: string): Promise<string> {
  await writeFile(path.join(app, '.next/BUILD_ID'), build);
  const result = spawnSync('sh', [SCRIPT], { cwd: app, encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.trim();
}

async function cached(): Promise<string[]> {
  const files = await Promise.all(CACHES.map(async (dir) => (await readdir(path.join(app, dir), { recursive: true })).map((file) => `${dir}/${file}`)));
  return files.flat().sort();
}

async function writeCached(): Promise<void> {
  await mkdir(path.join(app, '.next/server/route-cache/APP_PAGE/abc/$'), { recursive: true });
  await writeFile(path.join(app, '.next/server/route-cache/APP_PAGE/abc/$/a.html'), '<p>a</p>');
  await writeFile(path.join(app, '.next/cache/photo.avif'), 'photo');
}

/**
 * The script run with the project's own Node, in a folder whose server.js
 * says what heap it was given, as a share of the memory Node sees (the
 * container's limit in a container, the machine's here).
 */
async function heapShareOfRealServer(): Promise<number> {
  const folder = await mkdtemp(path.join(tmpdir(), 'kiosque-start-replica-node-'));
  try {
    for (const dir of CACHES) await mkdir(path.join(folder, dir), { recursive: true });
    await writeFile(path.join(folder, '.next/BUILD_ID'), 'build-1');
    await writeFile(
      path.join(folder, 'server.js'),
      [
        "const { getHeapStatistics } = require('node:v8');",
        "const { totalmem } = require('node:os');",
        // Without a limit, cgroup v1 reports an enormous one: the machine's memory is what counts.
        'const memory = Math.min(process.constrainedMemory() || Infinity, totalmem());',
        'console.log(getHeapStatistics().heap_size_limit / memory);',
      ].join('\n'),
    );
    const result = spawnSync('sh', [SCRIPT], {
      cwd: folder,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${path.dirname(process.execPath)}:${process.env.PATH}` },
    });
    expect(result.status, result.stderr).toBe(0);
    return Number(result.stdout.trim());
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

describe('deploy/start-replica.sh', () => {
  it('gives the server a heap of 60 % of the memory it sees, with the Node the project pins (V8 alone would give about half)', async () => {
    const share = await heapShareOfRealServer();
    expect(share).toBeGreaterThan(0.55);
    expect(share).toBeLessThan(0.7);
  });

  it('starts the server, after emptying the cache folders of what another build wrote there', async () => {
    await writeCached();
    expect(await start('build-1')).toBe(SERVER_COMMAND);
    expect(await cached()).toStrictEqual(['.next/cache/.kiosque-build', '.next/server/route-cache/.kiosque-build']);
    expect(await readFile(path.join(app, '.next/cache/.kiosque-build'), 'utf8')).toBe('build-1\n');
  });

  it('keeps them through a restart of the same build, and empties them again for the next', async () => {
    await writeCached();
    const written = await cached();
    expect(written).toContain('.next/server/route-cache/APP_PAGE/abc/$/a.html');
    expect(await start('build-1')).toBe(SERVER_COMMAND);
    expect(await cached()).toStrictEqual(written);
    expect(await start('build-2')).toBe(SERVER_COMMAND);
    expect(await cached()).toStrictEqual(['.next/cache/.kiosque-build', '.next/server/route-cache/.kiosque-build']);
  });

  it('keeps the parses and the search index for the next build: they are named after their parser, which decides whether to trust them', async () => {
    await writeCached();
    const kept = ['.next/cache/kiosque-content/0123abcd.snapshot.jsonl', '.next/cache/kiosque-search/0123abcd/search.sqlite'];
    for (const file of kept) {
      await mkdir(path.dirname(path.join(app, file)), { recursive: true });
      await writeFile(path.join(app, file), 'x');
    }
    await mkdir(path.join(app, '.next/cache/kiosque-photos/ab'), { recursive: true });
    await writeFile(path.join(app, '.next/cache/kiosque-photos/ab/w640.webp'), 'photo');
    expect(await start('build-3')).toBe(SERVER_COMMAND);
    expect(await cached()).toStrictEqual([
      '.next/cache/.kiosque-build',
      '.next/cache/kiosque-content',
      ...kept.slice(0, 1),
      '.next/cache/kiosque-search',
      '.next/cache/kiosque-search/0123abcd',
      ...kept.slice(1),
      '.next/server/route-cache/.kiosque-build',
    ]);
  });
});
