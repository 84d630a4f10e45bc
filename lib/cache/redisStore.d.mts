export interface StoredEntry {
  value: unknown;
  lastModified: number;
  cacheControl?: unknown;
}

export interface TagTimes {
  stale?: number;
  expired?: number;
}

export class RedisStore {
  constructor(url: string, prefix: string, options: { signingKey: string; log?: (message: string) => void });
  readonly prefix: string;
  readonly ready: boolean;
  getEntry(key: string): Promise<{ entry: StoredEntry | null; tagsVersion: string }>;
  setEntry(key: string, entry: StoredEntry, ttlSeconds: number): Promise<void>;
  getTagTimes(): Promise<Map<string, TagTimes>>;
  setTagTimes(times: Map<string, TagTimes>): Promise<void>;
  close(): Promise<void>;
}

export class SharedCacheUnavailable extends Error {}

export const MIN_SIGNING_KEY_LENGTH: number;
