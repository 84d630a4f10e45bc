import { describe, expect, it } from 'vitest';
import { BodyCache } from './bodyCache';

const body = (characters: number) => ({ html: 'h'.repeat(characters), text: '', quotes: [] });

describe('BodyCache', () => {
  it('keeps bodies up to its size, dropping the least recently used first', () => {
    const cache = new BodyCache(2 * 300);
    cache.set('a', body(100));
    cache.set('b', body(100));
    cache.get('a'); // a is now the newest
    cache.set('c', body(100));
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
    cache.set('d', body(150));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.size).toBeLessThanOrEqual(600);
  });

  it('replaces a body under the same key without counting it twice', () => {
    const cache = new BodyCache(1_000);
    cache.set('a', body(100));
    cache.set('a', body(200));
    expect(cache.size).toBe(400);
    expect(cache.get('a')?.html.length).toBe(200);
  });

  it('never keeps a body larger than itself', () => {
    const cache = new BodyCache(100);
    cache.set('huge', body(1_000));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
