// next.config.ts `cacheHandler`: loaded by the server itself (`next start`, the
// standalone server, `next build`), which Node runs as is: plain erasable
// TypeScript, its imports spelled with their extension.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { OutgoingHttpHeaders } from 'node:http';
import BoundedFileCache, { cacheControlOf, isMemoryOnly, type SetContext } from './boundedFileCache.ts';
import { areTagsExpired, CACHED_APP_PAGE, tagsManifest } from './nextInternals.ts';
import type {
  CacheHandler,
  CacheHandlerValue,
  FileSystemCacheContext,
  GetIncrementalFetchCacheContext,
  GetIncrementalImageCacheContext,
  GetIncrementalResponseCacheHandlerContext,
  IncrementalCacheValue,
} from './nextInternals.ts';
import { messageOf, RedisStore, type RevalidationTimes } from './redisStore.ts';
import { sharedCacheStateOfHandler } from './sharedCacheState.ts';
import { inlineScriptHashes } from '../scriptHashes.ts';
import { cspModeFrom, hashedPagePolicy, pageFramesOf } from '../securityHeaders.ts';

/** What Next passes to a handler's `get`. */
type GetContext = GetIncrementalFetchCacheContext | GetIncrementalResponseCacheHandlerContext | GetIncrementalImageCacheContext;

/** Next's cache-tags header on a stored page or route: the tags its revalidation goes by. */
const CACHE_TAGS_HEADER = 'x-next-cache-tags';

/**
 * Marks the calls that only tag the response being rendered (app/_cache/tagEntry.ts,
 * ENTRY_TAGS_MARKER in lib/content/index/cacheTags.ts): nothing of them is worth keeping.
 */
const ENTRY_TAGS_MARKER = 'kiosque:entry-tags';

/** The tags a fetch (`unstable_cache`) is looked up or stored with; responses carry theirs in CACHE_TAGS_HEADER. */
const tagsOf = (context: GetContext | SetContext): string[] => ('tags' in context ? (context.tags ?? []) : []);
const softTagsOf = (context: GetContext): string[] => ('softTags' in context ? (context.softTags ?? []) : []);
const isTagsOnly = (context: GetContext | SetContext): boolean => tagsOf(context).includes(ENTRY_TAGS_MARKER);

/** The headers Next stores with a page or route, and sends again with it. */
function headersOf(value: IncrementalCacheValue | null | undefined): OutgoingHttpHeaders | undefined {
  return value && 'headers' in value ? value.headers : undefined;
}

/**
 * Next removes `x-next-cache-tags` from what it sends, but sends again every
 * other header stored with a page or route. The site's own tags go out as
 * `Cache-Tag` (comma-separated: Cloudflare, Akamai, deploy/nginx/purge-cache.sh)
 * and `Surrogate-Key` (space-separated: Fastly), for a cache in front to purge by.
 */
function withPurgeTags(value: IncrementalCacheValue | null | undefined): void {
  const headers = headersOf(value);
  const header = headers?.[CACHE_TAGS_HEADER];
  if (!headers || typeof header !== 'string') return;
  const own = header.split(',').filter((tag) => tag !== '' && !tag.startsWith('_N_T_') && tag !== ENTRY_TAGS_MARKER);
  if (own.length === 0) return;
  headers['cache-tag'] = own.join(',');
  headers['surrogate-key'] = own.join(' ');
}

const CSP_HEADER = 'content-security-policy';
// Not under `next dev`, whose pages evaluate code (React Refresh) under a policy of their own.
const hashesPolicies = () => process.env.NODE_ENV !== 'development' && cspModeFrom(process.env.KIOSQUE_CSP) === 'hash';

/** The page's path in a cache key: Next 16 keys a page `/route-cache/<kind>/<route hash>/$<path>`. */
const pathOfKey = (key: string) => (key.includes('/$') ? key.slice(key.indexOf('/$') + 2) : key);

/**
 * A page's Content-Security-Policy, stored with it: its inline scripts by hash
 * (lib/securityHeaders.ts, hash mode). Computed from the HTML about to be
 * stored, and for a page stored without one (written by another mode, or
 * before this handler): Next sends the headers of the entry it serves, so the
 * policy reaches readers on the first render and on every hit, and goes to
 * Redis and through the caches in front with the page.
 */
function withPagePolicy(key: string, value: IncrementalCacheValue | null | undefined, { recompute }: { recompute: boolean }): void {
  if (!hashesPolicies() || value?.kind !== CACHED_APP_PAGE || typeof value.html !== 'string') return;
  value.headers ??= {};
  if (!recompute && typeof value.headers[CSP_HEADER] === 'string') return;
  value.headers[CSP_HEADER] = hashedPagePolicy(inlineScriptHashes(value.html), pageFramesOf(pathOfKey(key)));
}

/** How long an entry stays in Redis when Next gives no expire time (next.config.ts `expireTime`). */
const DEFAULT_TTL_SECONDS = 86_400;

/**
 * The site's incremental cache (rendered pages, feeds, tag revalidations).
 * With `REDIS_URL` set, every replica reads and writes one cache in Redis, so a
 * page revalidated on one is revalidated on all at once. Each replica also keeps
 * its own bounded file cache (lib/cache/boundedFileCache.ts): it holds the
 * pages prerendered by the build, takes every write too, and serves alone while
 * Redis is unreachable. Without `REDIS_URL` it is the whole cache.
 * What the process knows of the shared cache lives in lib/cache/sharedCacheState.ts.
 */
export default class SiteCache extends BoundedFileCache implements CacheHandler {
  readonly store: RedisStore | undefined;

  constructor(context: FileSystemCacheContext) {
    super(context);
    const shared = sharedCacheStateOfHandler();
    if (shared.store === undefined && process.env.REDIS_URL && process.env.NEXT_PHASE !== 'phase-production-build') {
      shared.store = openStore(process.env.REDIS_URL, `kiosque:${buildIdOf(context.serverDistDir)}`);
    }
    this.store = shared.store ?? undefined;
  }

  override async get(key: string, context: GetContext): Promise<CacheHandlerValue | null> {
    if (isTagsOnly(context)) return null;
    const entry = await this.#find(key, context);
    withPurgeTags(entry?.value);
    withPagePolicy(key, entry?.value, { recompute: false });
    return entry;
  }

  async #find(key: string, context: GetContext): Promise<CacheHandlerValue | null> {
    const local = () => super.get(key, context);
    if (!this.store?.ready || isMemoryOnly(key)) return local();
    let found;
    try {
      found = await this.store.getEntry(key);
      if (found.tagsVersion !== sharedCacheStateOfHandler().tagsVersion) await this.#syncTags(this.store, found.tagsVersion);
    } catch {
      return local();
    }
    // Not in Redis yet (a page the build prerendered, or written while Redis was away): this replica's copy, checked against the shared tags.
    const entry = found.entry ?? (await local());
    if (!entry) return null;
    return isExpiredByTags(entry, context) ? null : entry;
  }

  override async set(key: string, data: IncrementalCacheValue | null, context: SetContext): Promise<void> {
    if (isTagsOnly(context)) return;
    withPurgeTags(data);
    withPagePolicy(key, data, { recompute: true });
    const place = await this.placeFor(key, data, context);
    await this.storeAt(place, key, data, context);
    if (!this.store || !data || place !== 'disk') return;
    if (!this.store.ready) {
      // Redis keeps an older copy: it must not outlive this one once Redis is back.
      this.store.forgetLater(key);
      return;
    }
    const cacheControl = cacheControlOf(context);
    const ttl = cacheControl?.expire ?? DEFAULT_TTL_SECONDS;
    await this.store.setEntry(key, { value: data, lastModified: Date.now(), cacheControl }, ttl).catch(() => {});
  }

  override async revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void> {
    await super.revalidateTag(tags, durations);
    if (!this.store) return;
    const at = Date.now();
    const list = typeof tags === 'string' ? [tags] : tags;
    const times = new Map<string, RevalidationTimes>(list.map((tag) => [tag, { ...tagsManifest.get(tag), at }]));
    for (const [tag, value] of times) tagsManifest.set(tag, value);
    // Kept by the store while Redis is away and written when it returns.
    const { tagWrites } = sharedCacheStateOfHandler();
    const write = this.store.setTagTimes(times).catch(() => {});
    tagWrites.started += 1;
    tagWrites.inFlight.add(write);
    await write;
    tagWrites.inFlight.delete(write);
  }

  /** Takes in every replica's revalidations (the newest of each tag wins): Next's checks, and the local fallback, read this process's tags manifest. */
  async #syncTags(store: RedisStore, version: string): Promise<void> {
    const shared = sharedCacheStateOfHandler();
    const times = await store.getTagTimes();
    for (const [tag, value] of times) {
      if ((value.at ?? 0) <= (tagsManifest.get(tag)?.at ?? 0)) continue;
      tagsManifest.set(tag, value);
      shared.revalidatedAt = Math.max(shared.revalidatedAt, value.at ?? 0);
    }
    shared.tagsVersion = version;
  }
}

/**
 * A `REDIS_URL` the client refuses (a typo, a missing `redis://`), or one
 * without a `CACHE_SIGNING_KEY` to sign its entries with, leaves the site on
 * its local caches, said once: unsigned entries are what let whoever reaches
 * Redis rewrite every page.
 */
function openStore(url: string, prefix: string): RedisStore | null {
  try {
    return new RedisStore(url, prefix, { signingKey: process.env.CACHE_SIGNING_KEY });
  } catch (error) {
    console.error(`[kiosque] cache partagé refusé (${messageOf(error)}) : chaque serveur garde son propre cache`);
    return null;
  }
}

/** The build's ID, so two deployments never share entries (their pages load different scripts). */
function buildIdOf(serverDistDir: string): string {
  try {
    return readFileSync(path.join(serverDistDir, '..', 'BUILD_ID'), 'utf8').trim();
  } catch {
    return 'unknown-build';
  }
}

/** Same rule as Next's file cache: an entry older than a revalidation of one of its tags is a miss. */
function isExpiredByTags(entry: CacheHandlerValue, context: GetContext): boolean {
  const header = headersOf(entry.value)?.[CACHE_TAGS_HEADER];
  const tags = [...(typeof header === 'string' ? header.split(',') : []), ...tagsOf(context), ...softTagsOf(context)];
  return tags.length > 0 && areTagsExpired(tags, entry.lastModified);
}
