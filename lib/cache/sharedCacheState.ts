/**
 * What lib/cache/siteCache.ts (loaded by the server itself) keeps on
 * `globalThis` about the shared cache, read by the site's TypeScript:
 * - when a revalidation made on another replica reached this one: a page rendered
 *   after it must not come from a content check older than that (lib/content/siteContent.ts);
 * - the revalidations sent to Redis. Next carries out a request's revalidations
 *   after its route handler has returned, and they reach Redis a moment later:
 *   the revalidate API waits for them before it answers, so a purge of the proxy
 *   that follows its answer cannot let a replica render the old page again.
 * On `globalThis` because Next constructs a handler per request, loads its module
 * apart from the bundles that read this, and may load it more than once.
 * Imported by the handler too: plain erasable TypeScript.
 */
import type { RedisStore } from './redisStore.ts';

export interface SharedCacheState {
  /** The process's one connection to Redis; null when REDIS_URL was refused, undefined before the first handler or without REDIS_URL. */
  store: RedisStore | null | undefined;
  /** The tags version of Redis this process has taken in. */
  tagsVersion: string;
  revalidatedAt: number;
  tagWrites: { started: number; inFlight: Set<Promise<void>> };
}

const SHARED_KEY = Symbol.for('kiosque.sharedCache');

type WithSharedCacheState = { [SHARED_KEY]?: SharedCacheState };

function sharedCacheState(): SharedCacheState | undefined {
  return (globalThis as WithSharedCacheState)[SHARED_KEY];
}

/** The handler's side: the state, created on first use. */
export function sharedCacheStateOfHandler(): SharedCacheState {
  return ((globalThis as WithSharedCacheState)[SHARED_KEY] ??= {
    store: undefined,
    tagsVersion: '0',
    revalidatedAt: 0,
    tagWrites: { started: 0, inFlight: new Set() },
  });
}

/** When the last revalidation made on another replica reached this one (0 without a shared cache). */
export function revalidatedByAnotherReplicaAt(): number {
  return sharedCacheState()?.revalidatedAt ?? 0;
}

function tagWrites(): SharedCacheState['tagWrites'] | undefined {
  const shared = sharedCacheState();
  return shared?.store ? shared.tagWrites : undefined;
}

/** How many revalidations this process has sent to the shared cache so far; undefined without one. */
export function sharedTagWritesStarted(): number | undefined {
  return tagWrites()?.started;
}

/** Resolves once a revalidation started after `started` has been written (or given up on), or after `timeoutMs`. */
export async function sharedTagWritesAfter(started: number, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const writes = tagWrites();
  if (!writes) return;
  while (writes.started <= started && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 1));
  const remaining = deadline - Date.now();
  if (remaining <= 0) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.all(writes.inFlight), new Promise((resolve) => (timer = setTimeout(resolve, remaining)))]);
  clearTimeout(timer);
}
