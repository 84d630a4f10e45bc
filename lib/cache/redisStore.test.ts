import { createClient, RESP_TYPES } from '@redis/client';
import { createHmac } from 'node:crypto';
import v8 from 'node:v8';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { RedisStore, SharedCacheUnavailable } from './redisStore';
import { until } from './testing/processes';
import { startRedis, type TestRedis } from './testing/redisServer';

/** The store keeps whatever it is given: these tests store plain values as well as Next's entries. */
type TestEntry = { value: unknown; lastModified: number; cacheControl?: unknown };

let redis: TestRedis;
let store: RedisStore<TestEntry>;
let logged: string[];

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
});

const SIGNING_KEY = 'une clé de signature des tests, assez longue';

/**
 * A store as a replica opens it: as the deployment's `kiosque` user (deploy/redis/users.acl), under
 * `kiosque:<build>`, so every test also shows the cache works within that user's keys and commands.
 */
async function connectedStore(build = `test-${Math.random().toString(36).slice(2)}`, signingKey = SIGNING_KEY): Promise<RedisStore<TestEntry>> {
  logged = [];
  store = new RedisStore<TestEntry>(redis.siteUrl, `kiosque:${build}`, { signingKey, log: (message) => logged.push(message) });
  await until(() => store.ready);
  return store;
}

/** A call's outcome as it stands: 'pending', 'resolved', or the error it was rejected with. */
function watch(call: Promise<unknown>): { outcome: unknown } {
  const watched: { outcome: unknown } = { outcome: 'pending' };
  call.then(
    () => (watched.outcome = 'resolved'),
    (error: unknown) => (watched.outcome = error),
  );
  return watched;
}

/** A call's outcome before the event loop runs a timer or reads a socket: 'pending' if it waits for either (a reply, a timeout). */
async function outcomeAtOnce(call: Promise<unknown>): Promise<unknown> {
  const watched = watch(call);
  await new Promise((resolve) => setImmediate(resolve));
  return watched.outcome;
}

afterEach(() => {
  vi.useRealTimers();
  store.close();
});

describe('RedisStore', () => {
  it('gives back a page entry as Next stored it: Buffers, a Map of segment payloads, its cache control', async () => {
    await connectedStore();
    const value = {
      kind: 'APP_PAGE',
      html: '<p>é</p>',
      rscData: Buffer.from([0, 255, 1]),
      segmentData: new Map([['/_tree', Buffer.from('arbre')]]),
      headers: { 'x-next-cache-tags': '_N_T_/layout' },
      status: 200,
    };
    await store.setEntry('/article/a', { value, lastModified: 1234, cacheControl: { revalidate: 30, expire: 86_400 } }, 60);

    const { entry } = await store.getEntry('/article/a');

    expect(entry).toEqual({ value, lastModified: 1234, cacheControl: { revalidate: 30, expire: 86_400 } });
    const read = entry?.value as typeof value;
    expect(Buffer.isBuffer(read.rscData)).toBe(true);
    expect(read.segmentData.get('/_tree')?.toString()).toBe('arbre');
  });

  describe('signed entries', () => {
    /** Writes bytes under an entry’s key as anyone with a Redis user that may write there could (the site’s password, an operator’s). */
    async function writeRaw(key: string, bytes: Buffer): Promise<void> {
      const client = await createClient({ url: redis.url }).connect();
      await client.set(`${store.prefix}:entry:${key}`, bytes);
      client.destroy();
    }

    it('never deserializes an entry written without the key: a miss, logged', async () => {
      await connectedStore();
      const forged = v8.serialize({ value: { kind: 'APP_PAGE', html: '<p>contrefaçon</p>' }, lastModified: Date.now() });
      await writeRaw('/', forged);
      await writeRaw('/court', Buffer.from('x'));
      const deserialize = vi.spyOn(v8, 'deserialize');
      expect((await store.getEntry('/')).entry).toBeNull();
      expect((await store.getEntry('/court')).entry).toBeNull();
      expect(deserialize).not.toHaveBeenCalled();
      deserialize.mockRestore();
      expect(logged.filter((line) => line.includes('signature invalide'))).toHaveLength(2);
    });

    it('refuses an entry moved to another key, and one signed with another key', async () => {
      const build = `test-${Math.random().toString(36).slice(2)}`;
      await connectedStore(build);
      await store.setEntry('/article/a', { value: 'a', lastModified: 1 }, 60);
      const client = await createClient({ url: redis.url }).connect();
      const signed = await client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer }).get(`kiosque:${build}:entry:/article/a`);
      client.destroy();
      if (!signed) throw new Error('the entry was not written');
      await writeRaw('/article/b', signed);
      expect((await store.getEntry('/article/b')).entry).toBeNull();
      store.close();
      await connectedStore(build, 'une autre clé, celle d’un autre déploiement');
      expect((await store.getEntry('/article/a')).entry).toBeNull();
    });

    it('refuses to start without a key of 32 characters at least', () => {
      expect(() => new RedisStore(redis.url, 'p', { signingKey: 'courte' })).toThrow(/CACHE_SIGNING_KEY/);
      expect(() => new RedisStore(redis.url, 'p', { signingKey: undefined })).toThrow(/CACHE_SIGNING_KEY/);
    });
  });

  it('answers a miss for an unknown key', async () => {
    await connectedStore();
    expect((await store.getEntry('/nowhere')).entry).toBeNull();
  });

  it('keeps an entry only for its time to live', async () => {
    await connectedStore();
    await store.setEntry('/feed', { value: 'x', lastModified: 1 }, 30);
    const client = await createClient({ url: redis.url }).connect();
    const ttl = await client.ttl(`${store.prefix}:entry:/feed`);
    client.destroy();
    expect(ttl).toBeGreaterThan(25);
    expect(ttl).toBeLessThanOrEqual(30);
  });

  it('keeps the entries of two builds apart', async () => {
    const first = await connectedStore('build-a');
    await first.setEntry('/', { value: 'a', lastModified: 1 }, 60);
    first.close();
    await connectedStore('build-b');
    expect((await store.getEntry('/')).entry).toBeNull();
  });

  it('records revalidated tags for every replica and bumps the version read with each entry', async () => {
    await connectedStore();
    const before = (await store.getEntry('/')).tagsVersion;

    await store.setTagTimes(
      new Map([
        ['_N_T_/layout', { at: 5_000, expired: 5_000 }],
        ['_N_T_/rss.xml/page', { at: 4_000, stale: 4_000, expired: 9_000 }],
      ]),
    );

    expect((await store.getEntry('/')).tagsVersion).not.toBe(before);
    expect(await store.getTagTimes()).toEqual(
      new Map([
        ['_N_T_/layout', { at: 5_000, expired: 5_000 }],
        ['_N_T_/rss.xml/page', { at: 4_000, stale: 4_000, expired: 9_000 }],
      ]),
    );
  });

  it('keeps the newest revalidation of a tag, whatever order the replicas write in', async () => {
    await connectedStore();
    await store.setTagTimes(new Map([['_N_T_/layout', { at: 9_000, expired: 9_000 }]]));
    await store.setTagTimes(new Map([['_N_T_/layout', { at: 5_000, stale: 5_000, expired: 99_000 }]]));
    expect((await store.getTagTimes()).get('_N_T_/layout')).toEqual({ at: 9_000, expired: 9_000 });
  });

  it('starts the tags version at the current time, so a Redis restarted empty never repeats a version a replica has seen', async () => {
    await connectedStore();
    const before = Date.now();
    await store.setTagTimes(new Map([['_N_T_/layout', { at: 1, expired: 1 }]]));
    expect(Number((await store.getEntry('/')).tagsVersion)).toBeGreaterThan(before);
  });

  it('gives up on a command after 500 ms, takes the next answer as the recovery, and removes from Redis the entry it could not replace', async () => {
    await connectedStore('pause');
    await store.setEntry('/page', { value: 'ancien', lastModified: 1 }, 60);
    const admin = await createClient({ url: redis.url })
      .on('error', () => undefined)
      .connect();
    // Writes hang until the test lets them through (CLIENT UNPAUSE is no write, so it gets through).
    await admin.sendCommand(['CLIENT', 'PAUSE', '60000', 'WRITE']);

    try {
      // The store's timer runs on a clock the test moves: what decides is the 500 ms it counts, not how fast this machine is.
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const write = watch(store.setEntry('/page', { value: 'neuf', lastModified: 2 }, 60));
      await vi.advanceTimersByTimeAsync(499);
      expect(write.outcome).toBe('pending');
      await vi.advanceTimersByTimeAsync(1);
      expect(write.outcome).toBeInstanceOf(SharedCacheUnavailable);
      expect(write.outcome).toHaveProperty('message', 'no answer within 500 ms');
      expect(logged.filter((line) => line.includes('injoignable'))).toHaveLength(1);
    } finally {
      vi.useRealTimers();
      await admin.sendCommand(['CLIENT', 'UNPAUSE']);
    }

    await until(() => store.ready, 5_000);
    await store.getEntry('/autre').catch(() => undefined);
    await until(() => logged.some((line) => line.includes('de nouveau joignable')), 5_000);
    // The replica's own copy is the newer one: Redis must not serve the old.
    expect((await store.getEntry('/page')).entry).toBeNull();
    admin.destroy();
  });

  it('treats a signed entry it cannot read (another Node release, cut short) as a miss, and says which', async () => {
    await connectedStore();
    const key = `${store.prefix}:entry:/cut`;
    const bytes = Buffer.from('pas du V8');
    // Signed as the store signs, computed here: HMAC-SHA256 of the Redis key, a NUL, the bytes.
    const mac = createHmac('sha256', SIGNING_KEY).update(key).update('\0').update(bytes).digest();
    const client = await createClient({ url: redis.url }).connect();
    await client.set(key, Buffer.concat([mac, bytes]));
    client.destroy();

    expect((await store.getEntry('/cut')).entry).toBeNull();
    expect(logged.join('\n')).toContain('entrée illisible dans le cache partagé, rendue de nouveau : /cut');
  });

  it('fails at once while Redis is down, logs the outage once, and writes the revalidations made meanwhile when it returns', async () => {
    await connectedStore('outage');
    await store.setEntry('/', { value: 'avant', lastModified: 1 }, 60);

    await redis.stop();
    await until(() => !store.ready);
    // Refused before the event loop could run a timer or read a socket: nothing is queued, sent or waited for.
    for (const call of [
      () => store.getEntry('/'),
      () => store.setTagTimes(new Map([['_N_T_/layout', { at: 7_000, expired: 7_000 }]])),
      () => store.getEntry('/'),
    ]) {
      const refusal = await outcomeAtOnce(call());
      expect(refusal).toBeInstanceOf(SharedCacheUnavailable);
      expect(refusal).toHaveProperty('message', 'Redis is not connected');
    }
    expect(logged.filter((line) => line.includes('injoignable'))).toHaveLength(1);

    // Back, empty (as after a crash): the revalidation made during the outage is written again.
    await redis.restart();
    await until(() => store.ready, 10_000);
    await until(() => logged.some((line) => line.includes('de nouveau joignable')), 5_000);
    expect(await store.getTagTimes()).toEqual(new Map([['_N_T_/layout', { at: 7_000, expired: 7_000 }]]));
  });
});
