// Loaded by `next start` itself (next.config.ts `cacheHandler`), hence plain
// JavaScript: Node imports it as is, with no build step.
import fileSystemCacheModule from 'next/dist/server/lib/incremental-cache/file-system-cache.js';

// Node hands over the CommonJS exports object, Turbopack (which bundles this file into the proxy) the class itself.
const FileSystemCache = fileSystemCacheModule.default ?? fileSystemCacheModule;

/** Cached pages whose paths come from what visitors type: kept in memory only (app/recherche/q/). */
const MEMORY_ONLY_PATHS = ['/recherche/q/'];

/** Whether this cache key is one of those pages. */
export const isMemoryOnly = (key) => MEMORY_ONLY_PATHS.some((prefix) => key.includes(prefix));

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
 */
export default class BoundedFileCache extends FileSystemCache {
  async set(key, data, context) {
    await this.storeAt(await this.placeFor(key, data, context), key, data, context);
  }

  /**
   * Where an entry may be kept: 'disk' (Next's file cache, and a shared cache
   * if there is one), 'memory' (this process only) or 'nowhere'.
   * @returns {Promise<'disk' | 'memory' | 'nowhere'>}
   */
  async placeFor(key, data, context) {
    if (!data) return 'disk';
    if (isMemoryOnly(key)) return 'memory';
    if ('status' in data && data.status === 404 && (data.kind === 'APP_PAGE' || data.kind === 'APP_ROUTE')) {
      const cached = await this.get(key, { kind: data.kind, isRoutePPREnabled: context.isRoutePPREnabled, isFallback: false });
      if (!cached) return 'nowhere';
    }
    return 'disk';
  }

  async storeAt(place, key, data, context) {
    if (place === 'memory') {
      BoundedFileCache.memoryCache?.set(key, { value: data, lastModified: Date.now(), cacheControl: context.fetchCache ? undefined : context.cacheControl });
    } else if (place === 'disk') {
      await super.set(key, data, context);
    }
  }
}
