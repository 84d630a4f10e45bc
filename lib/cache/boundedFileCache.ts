// Loaded by the server itself with the handler (lib/cache/siteCache.ts): plain
// erasable TypeScript, its imports spelled with their extension.
import { CACHED_APP_PAGE, CACHED_APP_ROUTE, FileSystemCache, LOOKUP_APP_PAGE, LOOKUP_APP_ROUTE, nextMemoryCache } from './nextInternals.ts';
import type {
  IncrementalCacheValue,
  SetIncrementalFetchCacheContext,
  SetIncrementalImageCacheContext,
  SetIncrementalResponseCacheHandlerContext,
} from './nextInternals.ts';

/** What Next passes to a handler's `set`. */
export type SetContext = SetIncrementalFetchCacheContext | SetIncrementalResponseCacheHandlerContext | SetIncrementalImageCacheContext;

/** Where an entry may be kept: 'disk' (Next's file cache, and a shared cache if there is one), 'memory' (this process only) or 'nowhere'. */
export type Place = 'disk' | 'memory' | 'nowhere';

/** Cached pages whose paths come from what visitors type: kept in memory only (app/recherche/q/). */
const MEMORY_ONLY_PATHS = ['/recherche/q/'];

/** Whether this cache key is one of those pages. */
export const isMemoryOnly = (key: string): boolean => MEMORY_ONLY_PATHS.some((prefix) => key.includes(prefix));

/** The lifetime Next gives an entry, which fetches do not have. */
export const cacheControlOf = (context: SetContext) => (context.fetchCache ? undefined : context.cacheControl);

/**
 * Next's own file cache, with its disk use bounded by the content rather than
 * by what visitors request:
 * - a 404 is never written for a path that has nothing cached. Stock Next 16
 *   stores the not-found page of every unknown `/article/<anything>`
 *   (vercel/next.js#96581), so requests for random slugs grow the disk without
 *   bound. A path that did have a page (an article since deleted or
 *   unpublished) still gets its 404 written, so the old page is never served
 *   again; those paths are bounded by the content.
 * - search result pages go to Next's memory cache only, a least-recently-used
 *   cache bounded in bytes (`cacheMaxMemorySize`, 50 MB by default).
 * Why a subclass of a private Next class: lib/cache/nextInternals.ts.
 */
export default class BoundedFileCache extends FileSystemCache {
  override async set(key: string, data: IncrementalCacheValue | null, context: SetContext): Promise<void> {
    await this.storeAt(await this.placeFor(key, data, context), key, data, context);
  }

  async placeFor(key: string, data: IncrementalCacheValue | null, context: SetContext): Promise<Place> {
    if (!data) return 'disk';
    if (isMemoryOnly(key)) return 'memory';
    if ((data.kind === CACHED_APP_PAGE || data.kind === CACHED_APP_ROUTE) && data.status === 404) {
      const isRoutePPREnabled = 'isRoutePPREnabled' in context ? context.isRoutePPREnabled : undefined;
      // `this.get`, not `super.get`: a subclass's lookup (the shared cache) counts too.
      const cached = await this.get(key, { kind: data.kind === CACHED_APP_PAGE ? LOOKUP_APP_PAGE : LOOKUP_APP_ROUTE, isRoutePPREnabled, isFallback: false });
      if (!cached) return 'nowhere';
    }
    return 'disk';
  }

  async storeAt(place: Place, key: string, data: IncrementalCacheValue | null, context: SetContext): Promise<void> {
    if (place === 'memory') {
      nextMemoryCache()?.set(key, { value: data, lastModified: Date.now(), cacheControl: cacheControlOf(context) });
    } else if (place === 'disk') {
      await super.set(key, data, context);
    }
  }
}
