// The replicas' shared cache in Redis, for lib/cache/siteCache.mjs. Plain
// JavaScript for the same reason: the server imports it as is.
import v8 from 'node:v8';
import { createClient, RESP_TYPES } from '@redis/client';

/** A request waits at most this long for Redis before its replica uses its local cache. */
const COMMAND_TIMEOUT_MS = 500;

/**
 * Rendered pages, feeds and the revalidation times of cache tags, shared by
 * every replica of one build:
 * - `<prefix>:entry:<key>`: a cache entry, in V8's serialization (Next's
 *   entries hold Buffers and a Map of segment payloads, which JSON would flatten);
 * - `<prefix>:tags`: a hash, tag → `{ stale, expired }` in ms, as Next keeps in
 *   its own per-process tags manifest;
 * - `<prefix>:tags-version`: bumped with every revalidation, read with each
 *   entry (one round trip), so a replica re-reads the tags only when they changed.
 *
 * While Redis cannot be reached every call throws `SharedCacheUnavailable` at
 * once (no queue of waiting requests), the outage and the recovery are logged
 * once each, and revalidations made meanwhile are written when Redis returns.
 */
export class RedisStore {
  /** Revalidations not yet written to Redis: applied, in order, once it is back. */
  #pendingTagUpdates = [];
  #outage = false;

  /**
   * @param {string} url `redis://…`
   * @param {string} prefix keys of one build (its build ID), so a new deployment never reads the pages of the last
   * @param {(message: string) => void} log
   */
  constructor(url, prefix, log = (message) => console.error(message)) {
    this.prefix = prefix;
    this.log = log;
    this.client = createClient({
      url,
      disableOfflineQueue: true,
      socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000) },
    });
    this.commands = this.client.withCommandOptions({ timeout: COMMAND_TIMEOUT_MS, typeMapping: { [RESP_TYPES.BLOB_STRING]: Buffer } });
    this.client.on('error', (error) => this.#reportOutage(error));
    this.client.on('ready', () => void this.#recover());
    // Retried by the reconnect strategy until Redis answers; the site serves from local caches meanwhile.
    this.client.connect().catch((error) => this.#reportOutage(error));
  }

  get ready() {
    return this.client.isReady;
  }

  /**
   * An entry and the current tags version, in one round trip.
   * @returns {Promise<{ entry: { value: unknown; lastModified: number; cacheControl?: unknown } | null; tagsVersion: string }>}
   */
  async getEntry(key) {
    const [stored, tagsVersion] = await this.#run(() => this.commands.mGet([this.#entryKey(key), `${this.prefix}:tags-version`]));
    return { entry: stored ? this.#deserialize(key, stored) : null, tagsVersion: tagsVersion ? tagsVersion.toString() : '0' };
  }

  /** Stores an entry for `ttlSeconds`: after its expire time Next would not serve it anyway. */
  async setEntry(key, entry, ttlSeconds) {
    await this.#run(() => this.commands.set(this.#entryKey(key), v8.serialize(entry), { expiration: { type: 'EX', value: Math.max(1, Math.ceil(ttlSeconds)) } }));
  }

  /** @returns {Promise<Map<string, { stale?: number; expired?: number }>>} every tag's revalidation times */
  async getTagTimes() {
    const fields = await this.#run(() => this.commands.hGetAll(`${this.prefix}:tags`));
    return new Map(Object.entries(fields).map(([tag, times]) => [tag.toString(), JSON.parse(times.toString())]));
  }

  /**
   * Records revalidated tags for every replica; kept for later while Redis is away.
   * @param {Map<string, { stale?: number; expired?: number }>} times
   */
  async setTagTimes(times) {
    try {
      await this.#writeTagTimes(times);
    } catch (error) {
      this.#pendingTagUpdates.push(times);
      throw error;
    }
  }

  async close() {
    this.client.removeAllListeners('error');
    this.client.on('error', () => {});
    if (this.client.isOpen) this.client.destroy();
  }

  /** An entry that cannot be read (written by another Node release, cut short) is a miss, to be rendered again. */
  #deserialize(key, stored) {
    try {
      return v8.deserialize(stored);
    } catch (error) {
      this.log(`[kiosque] entrée illisible dans le cache partagé, rendue de nouveau : ${key} (${error instanceof Error ? error.message : String(error)})`);
      return null;
    }
  }

  #entryKey(key) {
    return `${this.prefix}:entry:${key}`;
  }

  async #writeTagTimes(times) {
    const fields = Object.fromEntries([...times].map(([tag, value]) => [tag, JSON.stringify(value)]));
    await this.#run(() => this.commands.multi().hSet(`${this.prefix}:tags`, fields).incr(`${this.prefix}:tags-version`).exec());
  }

  async #run(command) {
    if (!this.client.isReady) throw new SharedCacheUnavailable('Redis is not connected');
    try {
      return await command();
    } catch (error) {
      this.#reportOutage(error);
      throw new SharedCacheUnavailable(error instanceof Error ? error.message : String(error));
    }
  }

  #reportOutage(error) {
    if (this.#outage) return;
    this.#outage = true;
    this.log(`[kiosque] cache partagé Redis injoignable (${error instanceof Error ? error.message : String(error)}) : cette réplique sert son cache local jusqu'à son retour`);
  }

  async #recover() {
    while (this.#pendingTagUpdates.length > 0) {
      try {
        await this.#writeTagTimes(this.#pendingTagUpdates[0]);
        this.#pendingTagUpdates.shift();
      } catch {
        return; // Gone again: the next 'ready' event retries.
      }
    }
    if (!this.#outage) return;
    this.#outage = false;
    this.log('[kiosque] cache partagé Redis de nouveau joignable');
  }
}

export class SharedCacheUnavailable extends Error {
  name = 'SharedCacheUnavailable';
}
