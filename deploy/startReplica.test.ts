import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// deploy/start-replica.sh, the image's command, in a folder laid out as the
// image's /app: the two cache folders, which compose.yaml makes volumes.

const SCRIPT = path.resolve('deploy/start-replica.sh');
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

describe('deploy/start-replica.sh', () => {
  it('starts the server, after emptying the cache folders of what another build wrote there', async () => {
    await writeCached();
    expect(await start('build-1')).toBe('node server.js');
    expect(await cached()).toStrictEqual(['.next/cache/.kiosque-build', '.next/server/route-cache/.kiosque-build']);
    expect(await readFile(path.join(app, '.next/cache/.kiosque-build'), 'utf8')).toBe('build-1\n');
  });

  it('keeps them through a restart of the same build, and empties them again for the next', async () => {
    await writeCached();
    const written = await cached();
    expect(written).toContain('.next/server/route-cache/APP_PAGE/abc/$/a.html');
    expect(await start('build-1')).toBe('node server.js');
    expect(await cached()).toStrictEqual(written);
    expect(await start('build-2')).toBe('node server.js');
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
    expect(await start('build-3')).toBe('node server.js');
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
