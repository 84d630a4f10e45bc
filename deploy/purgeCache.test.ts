import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const SCRIPT = path.resolve('deploy/nginx/purge-cache.sh');
let cacheDir: string;

/** A file as nginx writes one (`levels=1:2`, named by the MD5 of its key): a binary header, then the `KEY:` line, then the response. */
function cacheEntry(uri: string, suffix = '', cacheTags?: string): string {
  const name = createHash('md5').update(`http://127.0.0.1:8080${uri}`).digest('hex');
  const file = path.join(cacheDir, name.slice(-1), name.slice(-3, -1), `${name}${suffix}`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(
    file,
    Buffer.concat([
      Buffer.from([5, 0, 0, 0, 0xff, 0x0a, 0x00]),
      Buffer.from(`\nKEY: http://127.0.0.1:8080${uri}\nHTTP/1.1 200 OK\r\n${cacheTags ? `cache-tag: ${cacheTags}\r\n` : ''}\r\n<html>`),
    ]),
  );
  return file;
}

function purge(args: string[], input?: string) {
  return spawnSync(SCRIPT, [cacheDir, ...args], { encoding: 'utf8', input });
}

beforeEach(() => {
  cacheDir = mkdtempSync(path.join(tmpdir(), 'kiosque-nginx-cache-'));
});
afterEach(() => {
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('deploy/nginx/purge-cache.sh', () => {
  it('removes the entries whose path matches a pattern, query strings included, and nothing else', () => {
    const feed = cacheEntry('/rubrique/tech/rss.xml');
    const listing = cacheEntry('/rubrique/tech');
    const rsc = cacheEntry('/rss.xml?_rsc=abc');
    const lookalike = cacheEntry('/rssaxml');

    const result = purge(['/rubrique/*/rss.xml', '/rss.xml']);

    expect(result.status).toBe(0);
    expect(result.stdout).toContain('2 entrée(s) retirée(s)');
    expect([feed, listing, rsc, lookalike].map(existsSync)).toEqual([false, true, false, true]);
  });

  it('takes `/*` as every entry (not as the root folder’s files), patterns read from standard input', () => {
    const files = [cacheEntry('/'), cacheEntry('/article/x'), cacheEntry('/recherche?q=ia')];
    const result = purge([], '/*\n/rss.xml\n');
    expect(result.status).toBe(0);
    expect(files.map(existsSync)).toEqual([false, false, false]);
  });

  it('leaves alone a file nginx is still writing (a temporary name beside the entries)', () => {
    const writing = cacheEntry('/', '.0000000001');
    const done = cacheEntry('/');
    expect(purge(['/*']).stdout).toContain('1 entrée(s) retirée(s)');
    expect([writing, done].map(existsSync)).toEqual([true, false]);
  });

  it('removes the entries carrying a tag, matched as a whole item of their Cache-Tag list', () => {
    const article = cacheEntry('/article/x', '', 'article:x,person:lea,sections');
    const front = cacheEntry('/', '', 'list:home,card:x,person:lea,sections');
    const other = cacheEntry('/article/xy', '', 'article:xy,person:lea,sections');
    const untagged = cacheEntry('/robots.txt');
    const result = purge(['card:x', 'article:x']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('2 entrée(s) retirée(s)');
    expect([article, front, other, untagged].map(existsSync)).toEqual([false, false, true, true]);
    expect(purge(['/robots.txt', 'sections']).stdout).toContain('2 entrée(s) retirée(s)');
  });

  it('refuses a pattern that is not a path, and a cache folder that does not exist', () => {
    const entry = cacheEntry('/');
    expect(purge(['*']).status).toBe(2);
    expect(purge(['Article:X']).status).toBe(2);
    expect(existsSync(entry)).toBe(true);
    expect(spawnSync(SCRIPT, [path.join(cacheDir, 'absent'), '/*'], { encoding: 'utf8' }).status).toBe(2);
  });
});
