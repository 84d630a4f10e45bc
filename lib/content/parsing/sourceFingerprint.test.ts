import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockedClosure, sourceFingerprint } from './sourceFingerprint';

const savedSiteUrl = process.env.SITE_URL;
let root: string;

function write(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

/** What a lockfile says of each package: its version, and what it depends on. */
function lockfile(versions: Record<string, string>): string {
  const packages: Record<string, { version: string; dependencies?: Record<string, string> }> = {};
  for (const [location, version] of Object.entries(versions)) packages[location] = { version };
  const remark = packages['node_modules/remark'];
  if (remark) remark.dependencies = { 'remark-parse': '*' };
  return JSON.stringify({ packages });
}

const LOCKED = { 'node_modules/remark': '15.0.1', 'node_modules/remark-parse': '11.0.0', 'node_modules/playwright': '1.57.0' };

/**
 * A project whose loader imports a parser, which imports a package; beside
 * them a module no stored result depends on.
 */
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'kiosque-fingerprint-'));
  write('lib/content/index/contentIndex.ts', "import { parse } from '../parsing/parse';\nexport const load = parse;\n");
  write('lib/content/parsing/parse.ts', "import { remark } from 'remark';\nimport type { Article } from '../article';\nexport const parse = () => remark;\n");
  write('lib/content/article.ts', 'export interface Article { title: string }\n');
  write('lib/seo/jsonLd.ts', 'export const version = 1;\n');
  write('package-lock.json', lockfile(LOCKED));
  process.env.SITE_URL = 'https://kiosque.example';
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  if (savedSiteUrl === undefined) delete process.env.SITE_URL;
  else process.env.SITE_URL = savedSiteUrl;
});

describe('sourceFingerprint', () => {
  it('changes when a module the loader imports changes, however deep, or when one is added to its imports', () => {
    const before = sourceFingerprint(root);
    write('lib/content/article.ts', 'export interface Article { title: string; description: string }\n');
    const edited = sourceFingerprint(root);
    expect(edited).not.toBe(before);
    write('lib/typography.ts', 'export const spaced = true;\n');
    write('lib/content/parsing/parse.ts', "import { remark } from 'remark';\nimport { spaced } from '../../typography';\nexport const parse = () => spaced && remark;\n");
    expect(sourceFingerprint(root)).not.toBe(edited);
  });

  it('stays the same when a module the loader does not import changes, or a test: nothing stored depends on them', () => {
    const before = sourceFingerprint(root);
    write('lib/seo/jsonLd.ts', 'export const version = 2;\n');
    write('lib/content/parsing/parse.test.ts', 'it("x", () => {});\n');
    expect(sourceFingerprint(root)).toBe(before);
  });

  it('changes with the locked version of a package the parser imports, or of one that package depends on, and of no other', () => {
    const before = sourceFingerprint(root);
    write('package-lock.json', lockfile({ ...LOCKED, 'node_modules/playwright': '1.58.0' }));
    expect(sourceFingerprint(root)).toBe(before);
    write('package-lock.json', lockfile({ ...LOCKED, 'node_modules/remark-parse': '11.0.1' }));
    const dependency = sourceFingerprint(root);
    expect(dependency).not.toBe(before);
    write('package-lock.json', lockfile({ ...LOCKED, 'node_modules/remark-parse': '11.0.1', 'node_modules/remark': '15.0.2' }));
    expect(sourceFingerprint(root)).not.toBe(dependency);
  });

  it('changes with SITE_URL, since the site decides which body links get rel="noopener noreferrer"', () => {
    const before = sourceFingerprint(root);
    process.env.SITE_URL = 'https://autre.example';
    expect(sourceFingerprint(root)).not.toBe(before);
  });
});

describe('lockedClosure', () => {
  it('finds each dependency where Node would: nested under its dependent first, then up the tree', () => {
    const lock = {
      packages: {
        'node_modules/a': { version: '1.0.0', dependencies: { b: '^2' } },
        'node_modules/a/node_modules/b': { version: '2.0.0', dependencies: { c: '*' } },
        'node_modules/b': { version: '1.0.0' },
        'node_modules/c': { version: '3.0.0' },
        'node_modules/@scope/d': { version: '4.0.0', peerDependencies: { c: '*' } },
      },
    };
    expect(lockedClosure(lock, ['a'])).toStrictEqual(['node_modules/a 1.0.0 ', 'node_modules/a/node_modules/b 2.0.0 ', 'node_modules/c 3.0.0 ']);
    expect(lockedClosure(lock, ['@scope/d', 'missing'])).toStrictEqual(['node_modules/@scope/d 4.0.0 ', 'node_modules/c 3.0.0 ']);
  });
});
