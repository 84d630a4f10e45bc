import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pruneStandalone } from './pruneStandalone.mjs';

let folder: string;
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function writeFiles(files: string[]): void {
  for (const file of files) {
    mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    writeFileSync(path.join(folder, file), 'SECRET=x\n');
  }
}

/** Every file left under a folder, by its path from there. */
const filesOf = (root: string) =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();

describe('pruneStandalone', () => {
  it('removes every .env file of a standalone output, at any depth, and keeps the server', () => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'kiosque-standalone-'));
    writeFiles(['.env', '.env.production', '.next/.env.local', 'server.js', '.next/server/app/page.js', 'node_modules/next/package.json']);
    expect(
      pruneStandalone(folder)
        .map((file) => path.relative(folder, file))
        .sort(),
    ).toStrictEqual(['.env', '.env.production', '.next/.env.local']);
    expect(filesOf(folder)).toStrictEqual(['.next/server/app/page.js', 'node_modules/next/package.json', 'server.js']);
  });

  it('removes the content, tests, bench and sources the tracer copied in, and lib/’s tests, and keeps what the cache handler imports', () => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'kiosque-standalone-'));
    writeFiles([
      'content/articles/a.md',
      'tests/e2e/servers.json',
      'bench/results/latest.json',
      'test-results/vitest.json',
      'app/page.tsx',
      'deploy/observatory/package.json',
      'lib/cache/siteCache.ts',
      'lib/cache/siteCache.test.ts',
      'lib/cache/testing/processes.ts',
      'lib/scriptHashes.ts',
      'server.js',
    ]);
    pruneStandalone(folder);
    expect(filesOf(folder)).toStrictEqual(['lib/cache/siteCache.ts', 'lib/scriptHashes.ts', 'server.js']);
  });

  it('does nothing where there is no standalone output', () => {
    folder = path.join(os.tmpdir(), 'kiosque-no-standalone');
    expect(pruneStandalone(folder)).toStrictEqual([]);
  });
});
