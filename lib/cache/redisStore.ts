// The replicas' shared cache in Redis, for lib/cache/siteCache.ts. Plain
// erasable TypeScript for the same reason: the server imports it as is.
import { createHmac, timingSafeEqual } from 'node:crypto';
import v8 from 'node:v8';
import { createClient, RESP_TYPES } from '@redis/client';
import type { CacheHandlerValue, TagTimes } from './nextInternals.ts';

/** A Redis command waits at most this long; the replica then uses its local cache. */
const COMMAND_TIMEOUT_MS = 500;
/** After a failed command, how long requests go straight to the local cache. */
const SKIP_AFTER_FAILURE_MS = 1_000;
/** The shortest signing key taken: 32 characters, 192 bits and more of a random string. */
const MIN_SIGNING_KEY_LENGTH = 32;
const MAC_BYTES = 32;
/** Forged entries logged at most, per process: a flood of them must not flood the log. */
const LOGGED_FORGERIES = 100;

/** A revalidation as every replica records it: when it was made (`at`, which decides the newest) and Next's times. */
export type RevalidationTimes = TagTimes & { at: number };

/**
 * Writes revalidation times so that the newest revalidation of a tag wins,
 * whatever order replicas (or a replay after an outage) send them in. The
 * version starts at the current time when missing, so after Redis restarts empty
 * it never comes back to a number a replica has already seen.
 * KEYS: tags hash, version key. ARGV: now, then tag and JSON `{ at, stale?, expired? }` pairs.
 */
const WRITE_TAG_TIMES = `
for i = 2, #ARGV, 2 do
  local incoming = cjson.decode(ARGV[i + 1])
  local current = redis.call('HGET', KEYS[1], ARGV[i])
  if not current or (cjson.decode(current).at or 0) <= incoming.at then
    redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
  end
end
if redis.call('EXISTS', KEYS[2]) == 0 then redis.call('SET', KEYS[2], ARGV[1]) end
return redis.call('INCR', KEYS[2])
`;

function connectionTo(url: string) {
  return createClient({
    url,
    disableOfflineQueue: true,
    // CLIENT SETINFO is not among the commands the deployment's ACL user may run (deploy/redis/users.acl).
    disableClientInfo: true,
    // A socket that went silent (a half-open connection) is found within seconds, not minutes.
    pingInterval: 5_000,
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2_000) },
  });
}

/** Bulk strings as Buffers: entries are bytes. */
const BLOB_STRINGS_AS_BUFFERS = { [RESP_TYPES.BLOB_STRING]: Buffer };
type BuffersMapping = typeof BLOB_STRINGS_AS_BUFFERS;

/** Every command with its timeout, and bulk strings as Buffers; the mapping is named because the client cannot infer it from the options. */
function commandsOf(client: ReturnType<typeof connectionTo>) {
  return client.withCommandOptions<{ timeout: number; typeMapping: BuffersMapping }, BuffersMapping>({
    timeout: COMMAND_TIMEOUT_MS,
    typeMapping: BLOB_STRINGS_AS_BUFFERS,
  });
}

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Rendered pages, feeds and the revalidation times of cache tags, shared by
 * every replica of one build:
 * - `<prefix>:entry:<key>`: a cache entry, in V8's serialization (Next's
 *   entries hold Buffers and a Map of segment payloads, which JSON would flatten),
 *   after an HMAC-SHA256 of the key and those bytes: whoever can write to Redis
 *   without the signing key cannot make a replica deserialize anything, nor
 *   move one page's entry to another address (a forged entry is a miss, logged);
 * - `<prefix>:tags`: a hash, tag → `{ at, stale, expired }` in ms: when it was
 *   revalidated, and the times Next keeps in its own per-process tags manifest;
 * - `<prefix>:tags-version`: bumped with every revalidation, read with each
 *   entry (one round trip), so a replica re-reads the tags only when they changed.
 *
 * While Redis cannot be reached every call throws `SharedCacheUnavailable` at
 * once (no queue of waiting requests); a command that gets no answer gives up
 * after 500 ms. The outage and the recovery are logged once each. What could
 * not be written meanwhile is written once Redis answers again: revalidations,
 * and the removal of entries this replica replaced only in its local cache.
 *
 * `Entry` is what the caller stores (Next's cache entries for the site's
 * handler): V8 serializes it whole, and an entry read back is one this store
 * signed, so it is given back as the type it was stored as.
 */
export class RedisStore<Entry = CacheHandlerValue> {
  /** Keys of one build (its build ID), so a new deployment never reads the pages of the last. */
  readonly prefix: string;

  /** Revalidation times not yet written, merged tag by tag (newest wins). */
  #pendingTagTimes = new Map<string, RevalidationTimes>();
  /** Entries replaced locally while Redis was away: removed from Redis, so its older copies are not served. */
  #pendingRemovals = new Set<string>();
  #outage = false;
  #skipUntil = 0;
  #recovering: Promise<void> | undefined;

  readonly #signingKey: string;
  readonly #log: (message: string) => void;
  readonly #client: ReturnType<typeof connectionTo>;
  readonly #commands: ReturnType<typeof commandsOf>;
  #loggedForgeries = 0;

  /**
   * @param url `redis://…`
   * @param options `signingKey`: shared by the replicas (CACHE_SIGNING_KEY); refused when missing or short
   */
  constructor(
    url: string,
    prefix: string,
    { signingKey, log = (message) => console.error(message) }: { signingKey: string | undefined; log?: (message: string) => void },
  ) {
    if (typeof signingKey !== 'string' || signingKey.length < MIN_SIGNING_KEY_LENGTH) {
      throw new Error(`clé de signature du cache absente ou de moins de ${MIN_SIGNING_KEY_LENGTH} caractères (CACHE_SIGNING_KEY)`);
    }
    this.#signingKey = signingKey;
    this.prefix = prefix;
    this.#log = log;
    this.#client = connectionTo(url);
    this.#commands = commandsOf(this.#client);
    this.#client.on('error', (error: unknown) => this.#reportOutage(error));
    this.#client.on('ready', () => void this.#recover());
    // Retried by the reconnect strategy until Redis answers; the site serves from local caches meanwhile.
    this.#client.connect().catch((error: unknown) => this.#reportOutage(error));
  }

  /** Connected, and not just failed: while false, callers use their local cache. */
  get ready(): boolean {
    return this.#client.isReady && Date.now() >= this.#skipUntil;
  }

  /** An entry and the current tags version, in one round trip. */
  async getEntry(key: string): Promise<{ entry: Entry | null; tagsVersion: string }> {
    const [stored, tagsVersion] = await this.#run(() => this.#commands.mGet([this.#entryKey(key), this.#versionKey()]));
    return { entry: stored ? this.#deserialize(key, stored) : null, tagsVersion: tagsVersion ? tagsVersion.toString() : '0' };
  }

  /** Stores an entry for `ttlSeconds`: after its expire time Next would not serve it anyway. */
  async setEntry(key: string, entry: Entry, ttlSeconds: number): Promise<void> {
    try {
      await this.#run(() =>
        this.#commands.set(this.#entryKey(key), this.#seal(key, v8.serialize(entry)), {
          expiration: { type: 'EX', value: Math.max(1, Math.ceil(ttlSeconds)) },
        }),
      );
      this.#pendingRemovals.delete(key);
    } catch (error) {
      this.forgetLater(key);
      throw error;
    }
  }

  /** Marks an entry as replaced elsewhere: it is removed from Redis as soon as Redis answers. */
  forgetLater(key: string): void {
    this.#pendingRemovals.add(key);
  }

  /** Every tag's revalidation times, as the replicas wrote them (setTagTimes). */
  async getTagTimes(): Promise<Map<string, TagTimes>> {
    const fields = await this.#run(() => this.#commands.hGetAll(this.#tagsKey()));
    return new Map(Object.entries(fields).map(([tag, times]) => [tag.toString(), JSON.parse(times.toString()) as TagTimes]));
  }

  /** Records revalidated tags for every replica; kept for later while Redis is away. */
  async setTagTimes(times: Map<string, RevalidationTimes>): Promise<void> {
    try {
      await this.#writeTagTimes(times);
    } catch (error) {
      for (const [tag, value] of times) {
        if ((this.#pendingTagTimes.get(tag)?.at ?? 0) <= value.at) this.#pendingTagTimes.set(tag, value);
      }
      throw error;
    }
  }

  /** Drops the connection at once, commands in flight included. */
  close(): void {
    this.#client.removeAllListeners('error');
    this.#client.on('error', () => {});
    if (this.#client.isOpen) this.#client.destroy();
  }

  #entryKey(key: string): string {
    return `${this.prefix}:entry:${key}`;
  }

  #tagsKey(): string {
    return `${this.prefix}:tags`;
  }

  #versionKey(): string {
    return `${this.prefix}:tags-version`;
  }

  /** The MAC of an entry's bytes, bound to its key: an entry copied to another key does not check. */
  #mac(key: string, bytes: Buffer): Buffer {
    return createHmac('sha256', this.#signingKey).update(this.#entryKey(key)).update('\0').update(bytes).digest();
  }

  #seal(key: string, bytes: Buffer): Buffer {
    return Buffer.concat([this.#mac(key, bytes), bytes]);
  }

  /**
   * An entry whose MAC does not check (written without the key, or for another
   * key) is never deserialized: a miss, logged. One that cannot be read
   * (written by another Node release, cut short) is a miss too, rendered again.
   */
  #deserialize(key: string, stored: Buffer): Entry | null {
    const bytes = stored.subarray(MAC_BYTES);
    if (stored.length < MAC_BYTES || !timingSafeEqual(stored.subarray(0, MAC_BYTES), this.#mac(key, bytes))) {
      if (this.#loggedForgeries < LOGGED_FORGERIES) {
        this.#loggedForgeries += 1;
        this.#log(`[kiosque] entrée du cache partagé à la signature invalide, ignorée : ${key}`);
      }
      return null;
    }
    try {
      // Signed by this store's key: bytes setEntry serialized.
      return v8.deserialize(bytes) as Entry;
    } catch (error) {
      this.#log(`[kiosque] entrée illisible dans le cache partagé, rendue de nouveau : ${key} (${messageOf(error)})`);
      return null;
    }
  }

  async #writeTagTimes(times: Map<string, RevalidationTimes>): Promise<void> {
    const pairs = [...times].flatMap(([tag, value]) => [tag, JSON.stringify(value)]);
    await this.#run(() => this.#commands.eval(WRITE_TAG_TIMES, { keys: [this.#tagsKey(), this.#versionKey()], arguments: [String(Date.now()), ...pairs] }));
  }

  async #run<Result>(command: () => Promise<Result>): Promise<Result> {
    if (!this.#client.isReady) throw new SharedCacheUnavailable('Redis is not connected');
    let result: Result;
    let timer: NodeJS.Timeout | undefined;
    try {
      // The client's own timeout stops counting once a command is sent: a Redis that stops answering needs this one.
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new SharedCacheUnavailable(`no answer within ${COMMAND_TIMEOUT_MS} ms`)), COMMAND_TIMEOUT_MS);
      });
      result = await Promise.race([command(), timeout]);
    } catch (error) {
      // Requests skip Redis for a while instead of each waiting its full timeout; the first after that tries again.
      this.#skipUntil = Date.now() + SKIP_AFTER_FAILURE_MS;
      this.#reportOutage(error);
      throw new SharedCacheUnavailable(messageOf(error));
    } finally {
      clearTimeout(timer);
    }
    // A timeout or an error reply ends without a reconnection: the first answer after it is the recovery.
    if (this.#outage || this.#hasPending()) void this.#recover();
    return result;
  }

  #hasPending(): boolean {
    return this.#pendingTagTimes.size > 0 || this.#pendingRemovals.size > 0;
  }

  #reportOutage(error: unknown): void {
    if (this.#outage) return;
    this.#outage = true;
    this.#log(`[kiosque] cache partagé Redis injoignable (${messageOf(error)}) : cette réplique sert son cache local jusqu'à son retour`);
  }

  /** Writes what waited, then says Redis is back; one at a time. */
  #recover(): Promise<void> {
    if (this.#recovering) return this.#recovering;
    const writeWhatWaited = async () => {
      if (this.#pendingTagTimes.size > 0) {
        const times = this.#pendingTagTimes;
        this.#pendingTagTimes = new Map();
        await this.setTagTimes(times);
      }
      for (const key of [...this.#pendingRemovals]) {
        await this.#run(() => this.#commands.del(this.#entryKey(key)));
        this.#pendingRemovals.delete(key);
      }
      if (this.#outage) {
        this.#outage = false;
        this.#log('[kiosque] cache partagé Redis de nouveau joignable');
      }
    };
    this.#recovering = writeWhatWaited()
      .catch(() => {
        // Gone again: kept for the next answer or reconnection.
      })
      .finally(() => {
        this.#recovering = undefined;
      });
    return this.#recovering;
  }
}

export class SharedCacheUnavailable extends Error {
  override name = 'SharedCacheUnavailable';
}
