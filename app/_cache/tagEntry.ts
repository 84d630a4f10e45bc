import { unstable_cache } from 'next/cache';
import { ENTRY_TAGS_MARKER } from '@/lib/content/index/cacheTags';

/** Tags one `unstable_cache` call passes on (Next keeps at most 128 per call, counting the marker). */
const TAGS_PER_CALL = 100;

/** Next refuses longer tags (with a warning): only a not-found address that long makes one, and no article can ever have it. */
const MAX_TAG_LENGTH = 256;

/**
 * Adds cache tags to the page or route response being rendered, so that
 * `revalidateTag` on one of them revalidates it. Without Next's
 * `cacheComponents` (which would replace every route's `revalidate`), the
 * tags of an `unstable_cache` call made during a render are the only public
 * way to reach the entry's `x-next-cache-tags` (checked against Next 16.4).
 * The call itself caches nothing: lib/cache/siteCache.ts skips entries
 * carrying ENTRY_TAGS_MARKER, and copies the other tags into `Cache-Tag` and
 * `Surrogate-Key` for a CDN or the proxy to purge by.
 */
export async function tagEntry(tags: Iterable<string>): Promise<void> {
  const unique = [...new Set(tags)].filter((tag) => tag.length <= MAX_TAG_LENGTH);
  for (let start = 0; start < unique.length; start += TAGS_PER_CALL) {
    const chunk = [ENTRY_TAGS_MARKER, ...unique.slice(start, start + TAGS_PER_CALL)];
    await unstable_cache(() => Promise.resolve(true), chunk, { tags: chunk, revalidate: false })();
  }
}
