// What the cache handler takes from Next's private modules (next/dist/…), all
// here so that a Next upgrade has one file to check. Checked against Next 16.4.6.
//
// Why private modules at all: `cacheHandler` (next.config.ts) replaces Next's
// file cache rather than wrapping it. When a handler is configured, Next never
// constructs its own FileSystemCache (next/dist/server/lib/incremental-cache/index.js),
// exports no default handler to delegate to, and documents only the interface a
// handler implements (get, set, revalidateTag, resetRequestCache). `cacheHandlers`
// (plural) is a different API, for 'use cache' entries, and does not see
// rendered pages or route handlers. So the site's handler extends
// FileSystemCache, the class Next itself would have used, and reads the
// per-process tags manifest that FileSystemCache writes: no public seam does either.
//
// Plain erasable TypeScript, its imports spelled with their extension: Node loads
// it as is, with the handler.
import fileSystemCacheModule from 'next/dist/server/lib/incremental-cache/file-system-cache.js';
import type { getMemoryCache } from 'next/dist/server/lib/incremental-cache/memory-cache.external.js';
import tagsManifestModule from 'next/dist/server/lib/incremental-cache/tags-manifest.external.js';
import type { TagManifestEntry } from 'next/dist/server/lib/incremental-cache/tags-manifest.external.js';
import type { CachedRouteKind, IncrementalCacheKind } from 'next/dist/server/response-cache/index.js';

export type { CacheHandler, CacheHandlerContext, CacheHandlerValue } from 'next/dist/server/lib/incremental-cache/index.js';
export type {
  GetIncrementalFetchCacheContext,
  GetIncrementalImageCacheContext,
  GetIncrementalResponseCacheHandlerContext,
  IncrementalCacheValue,
  IncrementalCachedAppPageValue,
  SetIncrementalFetchCacheContext,
  SetIncrementalImageCacheContext,
  SetIncrementalResponseCacheHandlerContext,
} from 'next/dist/server/response-cache/index.js';

type FileSystemCacheClass = typeof fileSystemCacheModule;

/**
 * Next's own file cache. Node hands over the CommonJS exports object, whose
 * `default` is the class; Turbopack (which bundles the handler into the proxy)
 * the class itself. The type declarations describe only the latter.
 */
export const FileSystemCache: FileSystemCacheClass =
  (fileSystemCacheModule as FileSystemCacheClass & { default?: FileSystemCacheClass }).default ?? fileSystemCacheModule;

/** What Next constructs its file cache with, and so the site's handler: the same object, `fs` and `serverDistDir` included. */
export type FileSystemCacheContext = ConstructorParameters<FileSystemCacheClass>[0];

type MemoryCache = ReturnType<typeof getMemoryCache>;

/**
 * Next's in-memory cache, a least-recently-used cache bounded in bytes
 * (`cacheMaxMemorySize`), shared by every FileSystemCache of the process;
 * undefined when that size is 0. A `private static` field of FileSystemCache,
 * so declared without a type: this is the one place that reaches it.
 */
export function nextMemoryCache(): MemoryCache | undefined {
  return (FileSystemCache as unknown as { memoryCache?: MemoryCache }).memoryCache;
}

/**
 * A tag's revalidation times in this process: Next's `stale` and `expired`,
 * and `at`, the site's own, when the revalidation was made (lib/cache/redisStore.ts).
 */
export interface TagTimes extends TagManifestEntry {
  at?: number;
}

/** The tags manifest Next's file cache checks entries against, one per process; the site adds `at` to its entries. */
export const tagsManifest: Map<string, TagTimes> = tagsManifestModule.tagsManifest;
export const { areTagsExpired } = tagsManifestModule;

/**
 * Next's kinds of entries, as the strings its `const enum`s compile to: with
 * `isolatedModules` an ambient const enum cannot be read, only its type named.
 */
export const CACHED_APP_PAGE = 'APP_PAGE' as CachedRouteKind.APP_PAGE;
export const CACHED_APP_ROUTE = 'APP_ROUTE' as CachedRouteKind.APP_ROUTE;
export const CACHED_FETCH = 'FETCH' as CachedRouteKind.FETCH;
export const LOOKUP_APP_PAGE = 'APP_PAGE' as IncrementalCacheKind.APP_PAGE;
export const LOOKUP_APP_ROUTE = 'APP_ROUTE' as IncrementalCacheKind.APP_ROUTE;
export const LOOKUP_FETCH = 'FETCH' as IncrementalCacheKind.FETCH;
