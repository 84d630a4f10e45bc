import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '@redis/client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CACHED_APP_PAGE, CACHED_APP_ROUTE, CACHED_FETCH, LOOKUP_APP_PAGE, LOOKUP_FETCH, tagsManifest } from './nextInternals';
import type { IncrementalCachedAppPageValue } from './nextInternals';
import { RedisStore } from './redisStore';
import SiteCache from './siteCache';
import { ENTRY_TAGS_MARKER } from '../content/index/cacheTags';
import { handlerContext } from './testing/handlerContext';
import { until } from './testing/processes';
import { startRedis, type TestRedis } from './testing/redisServer';

const SHARED_KEY = Symbol.for('kiosque.sharedCache');
const BUILD_ID = 'build-under-test';
/** Shared by the replicas of one deployment (CACHE_SIGNING_KEY). */
const SIGNING_KEY = 'une clé de signature des tests, assez longue';
const PAGE_KEY = '/route-cache/APP_PAGE/abc/$/article/a';

let redis: TestRedis;
let distDir: string;
let otherReplica: RedisStore;

/** What the next process would see: a fresh handler, with the shared state of a fresh process. */
function newProcess() {
  const shared = (globalThis as unknown as Record<symbol, { store?: RedisStore | null } | undefined>)[SHARED_KEY];
  shared?.store?.close();
  delete (globalThis as unknown as Record<symbol, unknown>)[SHARED_KEY];
  tagsManifest.clear();
}

function handler(): SiteCache {
  return new SiteCache(handlerContext(distDir));
}

function page(html: string, status = 200) {
  return {
    kind: CACHED_APP_PAGE,
    html,
    rscData: Buffer.from(`rsc ${html}`),
    headers: { 'x-next-cache-tags': '_N_T_/layout,_N_T_/article/a' },
    status,
    postponed: undefined,
    segmentData: undefined,
  } satisfies IncrementalCachedAppPageValue;
}

const pageContext = { kind: LOOKUP_APP_PAGE, isRoutePPREnabled: false, isFallback: false };
const setContext = { cacheControl: { revalidate: 30, expire: 86_400 }, isRoutePPREnabled: false, isFallback: false };

async function readyHandler(): Promise<SiteCache> {
  const cache = handler();
  await until(() => cache.store?.ready === true);
  return cache;
}

async function redisKeys(): Promise<string[]> {
  const client = await createClient({ url: redis.url }).connect();
  const keys = await client.keys('*');
  client.destroy();
  return keys.sort();
}

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  newProcess();
  await redis.stop();
});

beforeEach(async () => {
  distDir = await mkdtemp(path.join(tmpdir(), 'kiosque-site-cache-'));
  await writeFile(path.join(distDir, 'BUILD_ID'), BUILD_ID);
  process.env.REDIS_URL = redis.url;
  process.env.CACHE_SIGNING_KEY = SIGNING_KEY;
  newProcess();
  otherReplica = new RedisStore(redis.url, `kiosque:${BUILD_ID}`, { signingKey: SIGNING_KEY, log: () => {} });
  await until(() => otherReplica.ready);
  const client = await createClient({ url: redis.url }).connect();
  await client.flushAll();
  client.destroy();
});
afterEach(async () => {
  delete process.env.REDIS_URL;
  delete process.env.CACHE_SIGNING_KEY;
  otherReplica.close();
  await rm(distDir, { recursive: true, force: true });
});

describe('SiteCache with REDIS_URL', () => {
  it('writes a rendered page to Redis under the build ID, and reads another replica’s page from there', async () => {
    const cache = await readyHandler();
    await cache.set(PAGE_KEY, page('<p>un</p>'), setContext);
    expect(await redisKeys()).toContain(`kiosque:${BUILD_ID}:entry:${PAGE_KEY}`);

    await otherReplica.setEntry('/route-cache/APP_PAGE/abc/$/article/b', { value: page('<p>de B</p>'), lastModified: Date.now() }, 60);
    const read = await cache.get('/route-cache/APP_PAGE/abc/$/article/b', pageContext);
    expect((read?.value as { html: string }).html).toBe('<p>de B</p>');
  });

  it('misses a page whose tags another replica revalidated after it was rendered, and marks the content for a re-read', async () => {
    const cache = await readyHandler();
    const renderedAt = Date.now() - 1_000;
    await otherReplica.setEntry(PAGE_KEY, { value: page('<p>ancien</p>'), lastModified: renderedAt }, 60);
    expect(await cache.get(PAGE_KEY, pageContext)).not.toBeNull();

    await otherReplica.setTagTimes(new Map([['_N_T_/layout', { at: renderedAt + 500, expired: renderedAt + 500 }]]));

    expect(await cache.get(PAGE_KEY, pageContext)).toBeNull();
    const shared = (globalThis as unknown as Record<symbol, { revalidatedAt: number }>)[SHARED_KEY];
    expect(shared?.revalidatedAt).toBe(renderedAt + 500);
  });

  it('writes its own revalidations to Redis for the other replicas', async () => {
    const cache = await readyHandler();
    await cache.revalidateTag(['_N_T_/layout']);
    const times = await otherReplica.getTagTimes();
    expect(times.get('_N_T_/layout')?.expired).toBeGreaterThan(Date.now() - 5_000);
  });

  it('keeps 404s of paths never cached and search pages out of Redis, as out of the disk', async () => {
    const cache = await readyHandler();
    await cache.set('/route-cache/APP_PAGE/abc/$/article/inconnu', page('introuvable', 404), setContext);
    await cache.set('/route-cache/APP_PAGE/abc/$/recherche/q/meta', page('résultats'), setContext);
    expect((await redisKeys()).filter((key) => key.includes(':entry:'))).toEqual([]);
  });

  it('serves its local copy when Redis is down, and the shared one again when it is back', async () => {
    const cache = await readyHandler();
    await cache.set(PAGE_KEY, page('<p>local et partagé</p>'), setContext);

    await redis.stop();
    await until(() => cache.store?.ready === false);
    const local = await handler().get(PAGE_KEY, pageContext);
    expect((local?.value as { html: string }).html).toBe('<p>local et partagé</p>');
    expect(await readdir(path.join(distDir, 'server'), { recursive: true })).toContain('route-cache/APP_PAGE/abc/$/article/a.html');

    await redis.restart();
    await until(() => cache.store?.ready === true, 10_000);
    await until(() => otherReplica.ready, 10_000);
    await otherReplica.setEntry(PAGE_KEY, { value: page('<p>neuf</p>'), lastModified: Date.now() }, 60);
    expect(((await handler().get(PAGE_KEY, pageContext))?.value as { html: string }).html).toBe('<p>neuf</p>');
  });
});

describe('SiteCache and the pages’ Content-Security-Policy', () => {
  const scriptHash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  const policyOf = (headers: Record<string, unknown> | undefined) => {
    const value = headers?.['content-security-policy'];
    return typeof value === 'string' ? value : '';
  };
  const scriptSrc = (headers: Record<string, unknown> | undefined) =>
    policyOf(headers)
      .split('; ')
      .find((part) => part.startsWith('script-src '));

  it('stores with each page the hashes of its inline scripts, in the headers Next sends with the render and every hit, Redis included', async () => {
    const cache = await readyHandler();
    const rendered = page('<script>self.__next_f.push([1,"a"])</script><script type="application/ld+json">{}</script>');
    await cache.set(PAGE_KEY, rendered, setContext);
    // The object Next answers the render with is the one it stored.
    expect(scriptSrc(rendered.headers)).toBe(`script-src 'self' ${scriptHash('self.__next_f.push([1,"a"])')}`);
    expect(policyOf(rendered.headers)).toContain('frame-src https://www.youtube-nocookie.com');
    const fromRedis = await otherReplica.getEntry(PAGE_KEY);
    expect(scriptSrc((fromRedis.entry?.value as { headers: Record<string, unknown> }).headers)).toBe(scriptSrc(rendered.headers));
  });

  it('computes the policy again for new HTML, and adds one to a page stored without (by the build or another mode)', async () => {
    const cache = await readyHandler();
    const first = page('<script>a()</script>');
    await cache.set(PAGE_KEY, first, setContext);
    const second = { ...page('<script>b()</script>'), headers: { ...first.headers } };
    await cache.set(PAGE_KEY, second, setContext);
    expect(scriptSrc(second.headers)).toBe(`script-src 'self' ${scriptHash('b()')}`);

    const listing = '/route-cache/APP_PAGE/abc/$/index';
    await otherReplica.setEntry(listing, { value: page('<script>c()</script>'), lastModified: Date.now() }, 60);
    const read = await cache.get(listing, pageContext);
    const headers = (read?.value as { headers: Record<string, unknown> }).headers;
    expect(scriptSrc(headers)).toBe(`script-src 'self' ${scriptHash('c()')}`);
    expect(policyOf(headers)).toContain("frame-src 'none'");
  });

  it('leaves route handlers’ answers and the static policy mode alone', async () => {
    const cache = await readyHandler();
    const feed = { kind: CACHED_APP_ROUTE, body: Buffer.from('<rss/>'), status: 200, headers: { 'content-type': 'application/rss+xml' } };
    await cache.set('/route-cache/APP_ROUTE/abc/$/rss.xml', feed, setContext);
    expect(feed.headers).not.toHaveProperty('content-security-policy');
    process.env.KIOSQUE_CSP = 'static';
    try {
      const rendered = page('<script>a()</script>');
      await cache.set(PAGE_KEY, rendered, setContext);
      expect(rendered.headers).not.toHaveProperty('content-security-policy');
    } finally {
      delete process.env.KIOSQUE_CSP;
    }
  });
});

describe('SiteCache refusing the shared cache', () => {
  it.each([
    ['a REDIS_URL the client refuses', () => (process.env.REDIS_URL = '127.0.0.1:6379'), 'cache partagé refusé'],
    ['no key to sign its entries with', () => delete process.env.CACHE_SIGNING_KEY, 'CACHE_SIGNING_KEY'],
  ])('with %s: says so once, and serves from its local cache alone', async (_case, setUp, said) => {
    setUp();
    newProcess();
    const logged: string[] = [];
    const consoleError = vi.spyOn(console, 'error').mockImplementation((message: string) => void logged.push(message));
    const cache = handler();
    await cache.set(PAGE_KEY, page('<p>local</p>'), setContext);
    expect(((await handler().get(PAGE_KEY, pageContext))?.value as { html: string }).html).toBe('<p>local</p>');
    expect(logged.filter((line) => line.includes('cache partagé refusé') && line.includes(said))).toHaveLength(1);
    expect((await otherReplica.getEntry(PAGE_KEY)).entry).toBeNull();
    consoleError.mockRestore();
  });
});

describe('SiteCache without REDIS_URL', () => {
  it('is the bounded file cache alone: nothing is sent to Redis', async () => {
    delete process.env.REDIS_URL;
    newProcess();
    const cache = handler();
    await cache.set(PAGE_KEY, page('<p>disque</p>'), setContext);
    expect(((await cache.get(PAGE_KEY, pageContext))?.value as { html: string }).html).toBe('<p>disque</p>');
    expect(await redisKeys()).toEqual([]);
  });
});

describe('SiteCache and the site’s cache tags', () => {
  const taggedPage = () => ({
    ...page('<p>tagué</p>'),
    headers: { 'x-next-cache-tags': '_N_T_/layout,_N_T_/article/a,kiosque:entry-tags,article:a,card:b,person:lea' },
  });

  it('keeps nothing of the calls that only tag a response', async () => {
    delete process.env.REDIS_URL;
    newProcess();
    const cache = handler();
    const tagsOnly = { fetchCache: true as const, fetchUrl: 'unstable_cache', fetchIdx: 0, tags: [ENTRY_TAGS_MARKER, 'article:a'] };
    // `revalidate`: what unstable_cache stores for `revalidate: false` (a year).
    await cache.set('marker-key', { kind: CACHED_FETCH, data: { headers: {}, body: 'dHJ1ZQ==', status: 200, url: '' }, revalidate: 31_536_000 }, tagsOnly);
    expect(await cache.get('marker-key', { kind: LOOKUP_FETCH, ...tagsOnly })).toBeNull();
    expect(await readdir(path.join(distDir, 'server'), { recursive: true }).catch(() => [])).not.toContainEqual(expect.stringContaining('marker-key'));
  });

  it('sends the site’s own tags as Cache-Tag and Surrogate-Key, for a cache in front to purge by', async () => {
    delete process.env.REDIS_URL;
    newProcess();
    const cache = handler();
    const data = taggedPage();
    await cache.set(PAGE_KEY, data, setContext);
    const expected = { 'cache-tag': 'article:a,card:b,person:lea', 'surrogate-key': 'article:a card:b person:lea' };
    expect(data.headers).toMatchObject(expected);
    const read = (await handler().get(PAGE_KEY, pageContext))?.value as { headers: Record<string, string> };
    expect(read.headers).toMatchObject(expected);
  });

  it('misses a page once one of its own tags is revalidated, and only then', async () => {
    delete process.env.REDIS_URL;
    newProcess();
    const cache = handler();
    await cache.set(PAGE_KEY, taggedPage(), setContext);
    // A revalidation in the very millisecond of the write would count as older than it: the clock moves on first.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await cache.revalidateTag(['card:other'], { expire: 0 });
    expect(await cache.get(PAGE_KEY, pageContext)).not.toBeNull();
    await cache.revalidateTag(['card:b'], { expire: 0 });
    expect(await cache.get(PAGE_KEY, pageContext)).toBeNull();
  });
});
