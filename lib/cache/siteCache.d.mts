/** The handler Next constructs per request (next.config.ts `cacheHandler`); typed for tests only. */
export default class SiteCache {
  constructor(context: { fs?: unknown; serverDistDir: string; flushToDisk?: boolean; revalidatedTags?: string[]; maxMemoryCacheSize?: number; dev?: boolean });
  get(key: string, context: Record<string, unknown>): Promise<{ value: unknown; lastModified: number } | null>;
  set(key: string, data: unknown, context: Record<string, unknown>): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
}
