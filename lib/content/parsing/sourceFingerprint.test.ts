import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sourceFingerprint } from './sourceFingerprint';

const savedSiteUrl = process.env.SITE_URL;
let root: string;

/** A project of two files: the fingerprint reads lib/ and the lockfile only. */
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'kiosque-fingerprint-'));
  mkdirSync(path.join(root, 'lib', 'content'), { recursive: true });
  writeFileSync(path.join(root, 'lib', 'content', 'parse.ts'), 'export const version = 1;\n');
  writeFileSync(path.join(root, 'package-lock.json'), '{"packages":{"node_modules/remark":{"version":"15.0.1"}}}\n');
  process.env.SITE_URL = 'https://kiosque.example';
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  if (savedSiteUrl === undefined) delete process.env.SITE_URL;
  else process.env.SITE_URL = savedSiteUrl;
});

describe('sourceFingerprint', () => {
  it('changes when a source file of lib/ changes, or one is added', () => {
    const before = sourceFingerprint(root);
    writeFileSync(path.join(root, 'lib', 'content', 'parse.ts'), 'export const version = 2;\n');
    const edited = sourceFingerprint(root);
    expect(edited).not.toBe(before);
    writeFileSync(path.join(root, 'lib', 'typography.ts'), 'export {};\n');
    expect(sourceFingerprint(root)).not.toBe(edited);
  });

  it('changes with the locked dependency versions', () => {
    const before = sourceFingerprint(root);
    writeFileSync(path.join(root, 'package-lock.json'), '{"packages":{"node_modules/remark":{"version":"15.0.2"}}}\n');
    expect(sourceFingerprint(root)).not.toBe(before);
  });

  it('changes with SITE_URL, since the site decides which body links get rel="noopener noreferrer"', () => {
    const before = sourceFingerprint(root);
    process.env.SITE_URL = 'https://autre.example';
    expect(sourceFingerprint(root)).not.toBe(before);
  });

  it('stays the same when only tests change: they do not parse anything', () => {
    const before = sourceFingerprint(root);
    writeFileSync(path.join(root, 'lib', 'content', 'parse.test.ts'), 'it("x", () => {});\n');
    expect(sourceFingerprint(root)).toBe(before);
  });
});
