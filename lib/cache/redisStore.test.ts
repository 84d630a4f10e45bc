import { createClient } from '@redis/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RedisStore } from './redisStore.mjs';
import { until } from './testing/processes';
import { startRedis, type TestRedis } from './testing/redisServer';

let redis: TestRedis;
let store: RedisStore;
let logged: string[];

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
});

async function connectedStore(prefix = `test-${Math.random().toString(36).slice(2)}`): Promise<RedisStore> {
  logged = [];
  store = new RedisStore(redis.url, prefix, (message) => logged.push(message));
  await until(() => store.ready);
  return store;
}

afterEach(async () => {
  await store.close();
});

describe('RedisStore', () => {
  it('gives back a page entry as Next stored it: Buffers, a Map of segment payloads, its cache control', async () => {
    await connectedStore();
    const value = { kind: 'APP_PAGE', html: '<p>é</p>', rscData: Buffer.from([0, 255, 1]), segmentData: new Map([['/_tree', Buffer.from('arbre')]]), headers: { 'x-next-cache-tags': '_N_T_/layout' }, status: 200 };
    await store.setEntry('/article/a', { value, lastModified: 1234, cacheControl: { revalidate: 30, expire: 86_400 } }, 60);

    const { entry } = await store.getEntry('/article/a');

    expect(entry).toEqual({ value, lastModified: 1234, cacheControl: { revalidate: 30, expire: 86_400 } });
    const read = entry?.value as typeof value;
    expect(Buffer.isBuffer(read.rscData)).toBe(true);
    expect(read.segmentData.get('/_tree')?.toString()).toBe('arbre');
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
    await first.close();
    await connectedStore('build-b');
    expect((await store.getEntry('/')).entry).toBeNull();
  });

  it('records revalidated tags for every replica and bumps the version read with each entry', async () => {
    await connectedStore();
    const before = (await store.getEntry('/')).tagsVersion;

    await store.setTagTimes(new Map([['_N_T_/layout', { at: 5_000, expired: 5_000 }], ['_N_T_/rss.xml/page', { at: 4_000, stale: 4_000, expired: 9_000 }]]));

    expect((await store.getEntry('/')).tagsVersion).not.toBe(before);
    expect(await store.getTagTimes()).toEqual(new Map([['_N_T_/layout', { at: 5_000, expired: 5_000 }], ['_N_T_/rss.xml/page', { at: 4_000, stale: 4_000, expired: 9_000 }]]));
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
    const admin = await createClient({ url: redis.url }).on('error', () => undefined).connect();
    await admin.sendCommand(['CLIENT', 'PAUSE', '1500', 'ALL']);

    const started = performance.now();
    await expect(store.setEntry('/page', { value: 'neuf', lastModified: 2 }, 60)).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(logged.filter((line) => line.includes('injoignable'))).toHaveLength(1);

    await new Promise((resolve) => setTimeout(resolve, 1_200));
    await until(() => store.ready, 5_000);
    await store.getEntry('/autre').catch(() => undefined);
    await until(() => logged.some((line) => line.includes('de nouveau joignable')), 5_000);
    // The replica's own copy is the newer one: Redis must not serve the old.
    expect((await store.getEntry('/page')).entry).toBeNull();
    admin.destroy();
  });

  it('treats an entry it cannot read as a miss, and says which', async () => {
    await connectedStore();
    const client = await createClient({ url: redis.url }).connect();
    await client.set(`${store.prefix}:entry:/cut`, 'pas du V8');
    client.destroy();

    expect((await store.getEntry('/cut')).entry).toBeNull();
    expect(logged.join('\n')).toContain('entrée illisible dans le cache partagé, rendue de nouveau : /cut');
  });

  it('fails at once while Redis is down, logs the outage once, and writes the revalidations made meanwhile when it returns', async () => {
    await connectedStore('outage');
    await store.setEntry('/', { value: 'avant', lastModified: 1 }, 60);

    await redis.stop();
    await until(() => !store.ready);
    const started = performance.now();
    await expect(store.getEntry('/')).rejects.toThrow(/not connected|closed|Redis/i);
    await expect(store.setTagTimes(new Map([['_N_T_/layout', { at: 7_000, expired: 7_000 }]]))).rejects.toThrow();
    await expect(store.getEntry('/')).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(200);
    expect(logged.filter((line) => line.includes('injoignable'))).toHaveLength(1);

    // Back, empty (as after a crash): the revalidation made during the outage is written again.
    await redis.restart();
    await until(() => store.ready, 10_000);
    await until(() => logged.some((line) => line.includes('de nouveau joignable')), 5_000);
    expect(await store.getTagTimes()).toEqual(new Map([['_N_T_/layout', { at: 7_000, expired: 7_000 }]]));
  });
});
