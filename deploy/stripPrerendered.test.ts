import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const SCRIPT = path.resolve('deploy/strip-prerendered.sh');
let standalone: string;

/** Files as `next build` lays them out in `<standalone>/.next/server/app`: prerendered outputs beside the route code. */
const BUILT = [
  'index.html',
  'index.rsc',
  'index.meta',
  'index.segments/_tree.segment.rsc',
  'page.js',
  'rss.xml.body',
  'rss.xml.meta',
  'rss.xml/route.js',
  'article/mark-zuckerberg.html',
  'article/mark-zuckerberg.rsc',
  'article/mark-zuckerberg.segments/article/$d$slug/__PAGE__.segment.rsc',
  'article/[slug]/page.js',
  'photos/[...segments]/route.js',
];

beforeEach(() => {
  standalone = mkdtempSync(path.join(tmpdir(), 'kiosque-standalone-'));
  for (const file of BUILT) {
    const absolute = path.join(standalone, '.next/server/app', file);
    mkdirSync(path.dirname(absolute), { recursive: true });
    writeFileSync(absolute, 'x');
  }
  writeFileSync(path.join(standalone, 'server.js'), 'x');
});
afterEach(() => {
  rmSync(standalone, { recursive: true, force: true });
});

describe('deploy/strip-prerendered.sh', () => {
  it('removes every prerendered page, feed and segment, and keeps the code that renders them', () => {
    const run = spawnSync(SCRIPT, [standalone], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const app = path.join(standalone, '.next/server/app');
    const left = readdirSync(app, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(app, path.join(entry.parentPath, entry.name)))
      .sort();
    expect(left).toStrictEqual(['article/[slug]/page.js', 'page.js', 'photos/[...segments]/route.js', 'rss.xml/route.js'].sort());
  });

  it('works on a build made with another NEXT_DIST_DIR, and refuses a folder that is not a build', () => {
    expect(spawnSync(SCRIPT, [standalone, '.next-corpus'], { encoding: 'utf8' }).status).toBe(1);
    expect(spawnSync(SCRIPT, [path.join(standalone, 'absent')], { encoding: 'utf8' }).stderr).toContain('introuvable');
  });
});
