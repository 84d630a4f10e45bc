import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RenderedImage } from './renderPhoto';
import { VariantCache, type VariantCacheOptions } from './variantCache';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'kiosque-variants-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** An image of `size` bytes whose content names its key, so a mix-up shows. */
function imageOf(key: string, size = 100, contentType = 'image/webp'): RenderedImage {
  const bytes = Buffer.alloc(size, 0x2e);
  bytes.write(key);
  return { bytes, contentType };
}

function cacheWith(options: Partial<VariantCacheOptions> = {}): VariantCache {
  return new VariantCache({ memoryBytes: 10_000, diskBytes: 10_000, concurrency: 4, ...options });
}

/** A render that resolves when the test says, to hold renderings in flight. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/** Lets every pending promise callback run. */
function settle(): Promise<void> {
  return new Promise((done) => setImmediate(done));
}

async function filesOf(directory: string): Promise<Array<{ name: string; size: number }>> {
  const names = await readdir(directory);
  return Promise.all(names.map(async (name) => ({ name, size: (await stat(path.join(directory, name))).size })));
}

describe('VariantCache', () => {
  it('renders a variant once, then answers from memory', async () => {
    const cache = cacheWith();
    let renders = 0;
    const render = () => {
      renders += 1;
      return Promise.resolve(imageOf('a'));
    };
    const first = await cache.get('a', render);
    const second = await cache.get('a', render);
    expect(second).toBe(first);
    expect(renders).toBe(1);
    expect(cache.renderCount).toBe(1);
    expect(cache.usage()).toStrictEqual({ memoryBytes: 100, memoryEntries: 1, diskBytes: 0 });
  });

  it('keeps variants apart by key', async () => {
    const cache = cacheWith();
    await cache.get('a', () => Promise.resolve(imageOf('a')));
    const b = await cache.get('b', () => Promise.resolve(imageOf('b')));
    expect(b.bytes.subarray(0, 1).toString()).toBe('b');
    expect(cache.renderCount).toBe(2);
  });

  it('renders once for concurrent requests of one variant, and all get its image', async () => {
    const cache = cacheWith();
    const gate = deferred();
    let renders = 0;
    const render = async () => {
      renders += 1;
      await gate.promise;
      return imageOf('a');
    };
    const requests = Array.from({ length: 10 }, () => cache.get('a', render));
    await settle();
    gate.resolve();
    const images = await Promise.all(requests);
    expect(renders).toBe(1);
    expect(cache.renderCount).toBe(1);
    expect(new Set(images).size).toBe(1);
  });

  it('lets a failed rendering fail every waiting request, then tries again on the next', async () => {
    const cache = cacheWith();
    const failing = () => Promise.reject(new Error('sharp a échoué'));
    const results = await Promise.allSettled([cache.get('a', failing), cache.get('a', failing)]);
    expect(results.map((result) => result.status)).toStrictEqual(['rejected', 'rejected']);
    expect(cache.usage().memoryEntries).toBe(0);
    await expect(cache.get('a', () => Promise.resolve(imageOf('a')))).resolves.toMatchObject({ contentType: 'image/webp' });
    expect(cache.renderCount).toBe(1);
  });

  it('stays within its memory bound, evicting the least recently used', async () => {
    const cache = cacheWith({ memoryBytes: 1_000 });
    const renders: string[] = [];
    const get = (key: string) =>
      cache.get(key, () => {
        renders.push(key);
        return Promise.resolve(imageOf(key, 200));
      });
    for (const key of ['k0', 'k1', 'k2', 'k3', 'k4']) await get(key);
    expect(cache.usage()).toMatchObject({ memoryBytes: 1_000, memoryEntries: 5 });
    await get('k0'); // used again: now the most recent
    await get('k5'); // evicts k1, the least recently used
    expect(cache.usage().memoryBytes).toBeLessThanOrEqual(1_000);
    expect(cache.usage().memoryEntries).toBe(5);
    renders.length = 0;
    await get('k0');
    expect(renders).toStrictEqual([]);
    await get('k1');
    expect(renders).toStrictEqual(['k1']);
    for (let index = 0; index < 50; index += 1) {
      await get(`n${index}`);
      expect(cache.usage().memoryBytes).toBeLessThanOrEqual(1_000);
    }
  });

  it('does not let one huge image empty the memory cache', async () => {
    const cache = cacheWith({ memoryBytes: 1_000 });
    for (const key of ['a', 'b', 'c']) await cache.get(key, () => Promise.resolve(imageOf(key, 200)));
    const huge = await cache.get('huge', () => Promise.resolve(imageOf('huge', 900)));
    expect(huge.bytes.length).toBe(900);
    expect(cache.usage()).toMatchObject({ memoryBytes: 600, memoryEntries: 3 });
  });

  it('keeps variants on disk for a new cache on the same folder, with their content type', async () => {
    const first = cacheWith({ folder });
    const made = await Promise.all(
      ['a', 'b', 'c'].map((key, index) => first.get(key, () => Promise.resolve(imageOf(key, 150, ['image/avif', 'image/jpeg', 'image/png'][index])))),
    );
    expect(first.renderCount).toBe(3);
    expect(first.usage().diskBytes).toBe(450);

    const second = cacheWith({ folder });
    const never = () => Promise.reject(new Error('must come from disk'));
    const read = await Promise.all(['a', 'b', 'c'].map((key) => second.get(key, never)));
    expect(second.renderCount).toBe(0);
    expect(read.map((image) => image.contentType)).toStrictEqual(['image/avif', 'image/jpeg', 'image/png']);
    expect(read.map((image) => image.bytes)).toStrictEqual(made.map((image) => image.bytes));
    expect(second.usage()).toMatchObject({ memoryEntries: 3, diskBytes: 450 });
  });

  it('leaves no temporary file beside the variants', async () => {
    const cache = cacheWith({ folder });
    for (const key of ['a', 'b']) await cache.get(key, () => Promise.resolve(imageOf(key)));
    const names = (await filesOf(folder)).map((file) => file.name);
    expect(names).toHaveLength(2);
    for (const name of names) expect(name).toMatch(/^[0-9a-f]{32}\.webp$/);
  });

  it('stays within its disk bound, removing the least recently used files', async () => {
    const cache = cacheWith({ folder, diskBytes: 1_000, memoryBytes: 400 });
    for (let index = 0; index < 20; index += 1) {
      await cache.get(`k${index}`, () => Promise.resolve(imageOf(`k${index}`, 200)));
      const files = await filesOf(folder);
      expect(files.reduce((total, file) => total + file.size, 0)).toBeLessThanOrEqual(1_000);
      expect(cache.usage().diskBytes).toBe(files.reduce((total, file) => total + file.size, 0));
    }
    // The last five are on disk; an older one is rendered again.
    const fresh = cacheWith({ folder, diskBytes: 1_000, memoryBytes: 400 });
    for (const key of ['k15', 'k16', 'k17', 'k18', 'k19']) await fresh.get(key, () => Promise.reject(new Error(`${key} must be on disk`)));
    expect(fresh.renderCount).toBe(0);
    await fresh.get('k0', () => Promise.resolve(imageOf('k0', 200)));
    expect(fresh.renderCount).toBe(1);
  });

  it('counts a disk read as a use, so a read variant outlives newer unread ones', async () => {
    const cache = cacheWith({ folder, diskBytes: 600, memoryBytes: 4 }); // nothing fits in memory: every hit reads the disk
    const get = (key: string) => cache.get(key, () => Promise.resolve(imageOf(key, 150)));
    for (const key of ['a', 'b', 'c', 'd']) await get(key);
    await get('a'); // read from disk: now the most recent
    await get('e'); // evicts b
    expect(cache.renderCount).toBe(5);
    await get('a');
    expect(cache.renderCount).toBe(5);
    await get('b');
    expect(cache.renderCount).toBe(6);
  });

  it('renders again a variant whose file another process removed', async () => {
    const cache = cacheWith({ folder, memoryBytes: 4 });
    await cache.get('a', () => Promise.resolve(imageOf('a')));
    for (const { name } of await filesOf(folder)) await rm(path.join(folder, name));
    await expect(cache.get('a', () => Promise.resolve(imageOf('a')))).resolves.toMatchObject({ contentType: 'image/webp' });
    expect(cache.renderCount).toBe(2);
  });

  // Known bug: VariantCache.readDisk forgets a file that vanished (`disk.delete(name)`) without taking its size off
  // `diskUsed`, so the count only grows and the cache evicts more than it must. Turn `it.fails` into `it` once fixed.
  it('counts the bytes on disk right after another process removed a variant', async () => {
    const cache = cacheWith({ folder, memoryBytes: 4 });
    await cache.get('a', () => Promise.resolve(imageOf('a')));
    for (const { name } of await filesOf(folder)) await rm(path.join(folder, name));
    await cache.get('a', () => Promise.resolve(imageOf('a')));
    const files = await filesOf(folder);
    expect(cache.usage().diskBytes).toBe(files.reduce((total, file) => total + file.size, 0));
  });

  it('ignores files of the folder that are not its own', async () => {
    await writeFile(path.join(folder, 'notes.txt'), 'à garder');
    const cache = cacheWith({ folder, diskBytes: 300 });
    for (const key of ['a', 'b', 'c']) await cache.get(key, () => Promise.resolve(imageOf(key, 100)));
    expect((await filesOf(folder)).map((file) => file.name)).toContain('notes.txt');
  });

  it('never runs more renderings at once than its concurrency', async () => {
    const cache = cacheWith({ concurrency: 2 });
    let running = 0;
    let maxRunning = 0;
    const gates: Array<() => void> = [];
    const render = (key: string) => async () => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      const gate = deferred();
      gates.push(gate.resolve);
      await gate.promise;
      running -= 1;
      return imageOf(key);
    };
    const requests = Array.from({ length: 7 }, (_, index) => cache.get(`k${index}`, render(`k${index}`)));
    await settle();
    expect(running).toBe(2);
    let released = 0;
    while (released < 7) {
      const release = gates[released];
      if (!release) throw new Error(`rendering ${released} never started`);
      release();
      released += 1;
      await settle();
      expect(running).toBe(Math.min(2, 7 - released));
    }
    await Promise.all(requests);
    expect(maxRunning).toBe(2);
    expect(cache.renderCount).toBe(7);
  });

  it('frees a slot when a rendering fails', async () => {
    const cache = cacheWith({ concurrency: 1 });
    await expect(cache.get('a', () => Promise.reject(new Error('échec')))).rejects.toThrow('échec');
    await expect(cache.get('b', () => Promise.resolve(imageOf('b')))).resolves.toMatchObject({ contentType: 'image/webp' });
  });
});
