import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentWatcher } from './contentWatcher';

let folder: string;
let watcher: ContentWatcher | undefined;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'kiosque-watch-'));
  await mkdir(path.join(folder, 'articles'), { recursive: true });
  await writeFile(path.join(folder, 'articles', 'premier.md'), 'un');
});

afterEach(async () => {
  watcher?.stop();
  watcher = undefined;
  await rm(folder, { recursive: true, force: true });
});

/** A watcher counting its calls; `calls.wait(n)` resolves once it was called n times. */
async function startWatcher(options: { mode?: 'events' | 'poll'; onChange?: () => Promise<void> } = {}) {
  let count = 0;
  const waiting: Array<{ count: number; resolve: () => void }> = [];
  watcher = new ContentWatcher(folder, {
    mode: options.mode,
    settleMs: 50,
    pollMs: 100,
    onChange: async () => {
      count += 1;
      await options.onChange?.();
      for (const waiter of waiting.filter((candidate) => count >= candidate.count)) waiter.resolve();
    },
  });
  await watcher.start();
  return {
    get count() {
      return count;
    },
    wait: (target: number) => new Promise<void>((resolve) => (count >= target ? resolve() : waiting.push({ count: target, resolve }))),
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ContentWatcher', () => {
  it('calls once for a burst of writes, edits included, naming the files', async () => {
    const named: Array<readonly string[] | undefined> = [];
    watcher = new ContentWatcher(folder, { settleMs: 50, onChange: (changed) => (named.push(changed), Promise.resolve()) });
    await watcher.start();
    await writeFile(path.join(folder, 'articles', 'premier.md'), 'deux');
    await writeFile(path.join(folder, 'articles', 'second.md'), 'trois');
    await expect.poll(() => named.length).toBe(1);
    await pause(200);
    expect(named).toHaveLength(1);
    expect([...new Set(named[0])].sort()).toStrictEqual([path.join(folder, 'articles', 'premier.md'), path.join(folder, 'articles', 'second.md')]);
  });

  it('cannot name what polling or a schedule saw', async () => {
    const named: Array<readonly string[] | undefined> = [];
    watcher = new ContentWatcher(folder, { mode: 'poll', pollMs: 100, settleMs: 50, onChange: (changed) => (named.push(changed), Promise.resolve()) });
    await watcher.start();
    await writeFile(path.join(folder, 'articles', 'premier.md'), 'plus long encore');
    await expect.poll(() => named.length).toBe(1);
    watcher.wakeAt(new Date(Date.now() + 50));
    await expect.poll(() => named.length).toBe(2);
    expect(named).toStrictEqual([undefined, undefined]);
  });

  it('sees files in a folder created after it started (articles sorted by year)', async () => {
    const calls = await startWatcher();
    await mkdir(path.join(folder, 'articles', '2026'));
    await calls.wait(1);
    await writeFile(path.join(folder, 'articles', '2026', 'nouveau.md'), 'quatre');
    await calls.wait(2);
    expect(watcher?.watching).toBe('events');
  });

  it('ignores hidden files (an editor’s swap file)', async () => {
    const calls = await startWatcher();
    await writeFile(path.join(folder, 'articles', '.premier.md.swp'), 'x');
    await pause(300);
    expect(calls.count).toBe(0);
  });

  it('polling sees an edit too', async () => {
    const calls = await startWatcher({ mode: 'poll' });
    await pause(150);
    expect(calls.count).toBe(0);
    await writeFile(path.join(folder, 'articles', 'premier.md'), 'plus long');
    await calls.wait(1);
    expect(watcher?.watching).toBe('poll');
  });

  it('wakes at a scheduled time with no change, and only the last time given counts', async () => {
    const calls = await startWatcher();
    watcher?.wakeAt(new Date(Date.now() + 60_000));
    watcher?.wakeAt(new Date(Date.now() + 150));
    await calls.wait(1);
    expect(calls.count).toBe(1);
  });

  it('never runs twice at once: changes during a call make one more call after it', async () => {
    let active = 0;
    let mostActive = 0;
    const calls = await startWatcher({
      onChange: async () => {
        active += 1;
        mostActive = Math.max(mostActive, active);
        await pause(200);
        active -= 1;
      },
    });
    await writeFile(path.join(folder, 'articles', 'premier.md'), 'a');
    await pause(120);
    await writeFile(path.join(folder, 'articles', 'premier.md'), 'b');
    await writeFile(path.join(folder, 'articles', 'premier.md'), 'c');
    await calls.wait(2);
    await pause(400);
    expect(calls.count).toBe(2);
    expect(mostActive).toBe(1);
  });

  it('a failing call is logged and the next change is still seen', async () => {
    const logged: string[] = [];
    let first = true;
    let count = 0;
    watcher = new ContentWatcher(folder, {
      settleMs: 50,
      log: (message) => logged.push(message),
      onChange: () => {
        count += 1;
        if (!first) return Promise.resolve();
        first = false;
        return Promise.reject(new Error('serveur injoignable'));
      },
    });
    await watcher.start();
    await writeFile(path.join(folder, 'articles', 'premier.md'), 'a');
    await expect.poll(() => count).toBe(1);
    await writeFile(path.join(folder, 'articles', 'premier.md'), 'b');
    await expect.poll(() => count).toBe(2);
    expect(logged.join('\n')).toContain('serveur injoignable');
  });
});
