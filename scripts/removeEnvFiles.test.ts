import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeEnvFiles } from './removeEnvFiles.mjs';

let folder: string;
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('removeEnvFiles', () => {
  it('removes every .env file of a standalone output, at any depth, and nothing else', () => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'kiosque-standalone-'));
    mkdirSync(path.join(folder, 'app'));
    for (const file of ['.env', '.env.production', 'app/.env.local', 'server.js', 'app/environment.js']) writeFileSync(path.join(folder, file), 'SECRET=x\n');
    expect(removeEnvFiles(folder).map((file) => path.relative(folder, file)).sort()).toStrictEqual(['.env', '.env.production', 'app/.env.local']);
    expect(readdirSync(folder, { recursive: true }).map(String).sort()).toStrictEqual(['app', 'app/environment.js', 'server.js']);
  });

  it('does nothing where there is no standalone output', () => {
    folder = path.join(os.tmpdir(), 'kiosque-no-standalone');
    expect(removeEnvFiles(folder)).toStrictEqual([]);
  });
});
