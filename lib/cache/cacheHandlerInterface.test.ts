import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CacheHandler, IncrementalCache } from 'next/dist/server/lib/incremental-cache';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CACHED_APP_ROUTE, CACHED_FETCH, LOOKUP_APP_ROUTE, LOOKUP_FETCH, tagsManifest } from './nextInternals';
import SiteCache from './siteCache';
import { handlerContext } from './testing/handlerContext';

// Next's interface for `cacheHandler` (next.config.ts), as Next 16 declares and calls it:
// without REDIS_URL, so the handler is its bounded file cache alone.

let distDir: string;

beforeEach(async () => {
  delete process.env.REDIS_URL;
  distDir = await mkdtemp(path.join(tmpdir(), 'kiosque-cache-handler-'));
  tagsManifest.clear();
});
afterEach(async () => {
  await rm(distDir, { recursive: true, force: true });
});

const nextContext = () => handlerContext(distDir);

const feed = (body: string) => ({
  kind: CACHED_APP_ROUTE,
  body: Buffer.from(body),
  status: 200,
  headers: { 'content-type': 'application/rss+xml', 'x-next-cache-tags': '_N_T_/rss.xml,feed' },
});
const FEED_KEY = '/route-cache/APP_ROUTE/abc/$/rss.xml';
const feedLookup = { kind: LOOKUP_APP_ROUTE, isFallback: false };

describe('SiteCache as Next’s cacheHandler', () => {
  it('is what Next constructs and calls, with every method Next’s CacheHandler declares', () => {
    // Checked by tsc (npm run typecheck) against Next's own declarations: a change of either side fails the type check.
    const Handler: typeof CacheHandler = SiteCache;
    const handler: CacheHandler = new Handler(nextContext());
    const declared = Object.getOwnPropertyNames(CacheHandler.prototype).filter((name) => name !== 'constructor');
    // Next 16.4.6's list: a method Next adds shows up here first.
    expect(declared.sort()).toStrictEqual(['get', 'resetRequestCache', 'revalidateTag', 'set']);
    for (const name of declared) expect(typeof Reflect.get(handler, name), name).toBe('function');
  });

  it('gives back what it stored, misses it once one of its tags is revalidated, and resets its request cache', async () => {
    const handler = new SiteCache(nextContext());
    await handler.set(FEED_KEY, feed('<rss/>'), { cacheControl: { revalidate: 30, expire: 86_400 }, isRoutePPREnabled: false, isFallback: false });

    // Another handler, as Next constructs one per request: the entry is on disk.
    const read = await new SiteCache(nextContext()).get(FEED_KEY, feedLookup);
    expect(read).toMatchObject({
      value: { kind: 'APP_ROUTE', status: 200, headers: { 'cache-tag': 'feed' } },
      cacheControl: { revalidate: 30, expire: 86_400 },
    });
    expect(read?.value && 'body' in read.value ? read.value.body.toString() : undefined).toBe('<rss/>');

    handler.resetRequestCache();
    // A revalidation in the very millisecond of the write would count as older than it: the clock moves on first.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await handler.revalidateTag('feed');
    expect(await handler.get(FEED_KEY, feedLookup)).toBeNull();
  });

  it('works behind Next’s own IncrementalCache, as the server calls it', async () => {
    const preview = { previewModeId: 'apercu', previewModeSigningKey: 'signature', previewModeEncryptionKey: 'chiffrement' };
    const { fs, serverDistDir } = nextContext();
    const cache = new IncrementalCache({
      fs,
      serverDistDir,
      dev: false,
      flushToDisk: true,
      maxMemoryCacheSize: 0,
      requestHeaders: {},
      previewProps: preview,
      prerenderManifest: { version: 4, routes: {}, dynamicRoutes: {}, notFoundRoutes: [], preview },
      CurCacheHandler: SiteCache,
    });
    expect(cache.cacheHandler).toBeInstanceOf(SiteCache);

    const url = 'https://exemple.test/donnees';
    const key = await cache.generateCacheKey(url);
    const lookup = { kind: LOOKUP_FETCH, tags: ['donnees'], softTags: [], fetchUrl: url, fetchIdx: 0 };
    await cache.set(
      key,
      { kind: CACHED_FETCH, data: { headers: {}, body: 'Y29udGVudQ==', status: 200, url }, revalidate: 60 },
      { fetchCache: true, tags: ['donnees'], fetchUrl: url, fetchIdx: 0 },
    );
    expect((await cache.get(key, lookup))?.value.data.body).toBe('Y29udGVudQ==');

    await new Promise((resolve) => setTimeout(resolve, 5));
    await cache.revalidateTag(['donnees']);
    expect(await cache.get(key, lookup)).toBeNull();
  });

  it('is loaded by Node as is, as `next start` and the standalone server load it: erasable TypeScript, imports spelled with .ts', () => {
    const loaded = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '--eval',
        "const { default: SiteCache } = await import('./lib/cache/siteCache.ts'); console.log(typeof SiteCache.prototype.get);",
      ],
      { encoding: 'utf8' },
    );
    expect(loaded.stderr).toBe('');
    expect(loaded.stdout.trim()).toBe('function');
  });
});
