import { describe, expect, it } from 'vitest';
import { cacheableQuery, MAX_QUERY_LENGTH, queryWords } from './searchQuery';

/** What next.config.ts's rewrite takes as a cached search query (SEARCH_QUERY_SEGMENT). */
const CACHED_SEGMENT = /^(?!\.+$)[^/\\%?#\x00-\x1f\x7f]{1,200}$/;

describe('cacheableQuery', () => {
  it.each([
    ['a/b', 'a b'],
    ['100 %', '100'],
    ['été?', 'été'],
    ['#1', '1'],
    ['c:\\dossier\\fichier', 'c: dossier fichier'],
    ['mot\u0000nul\u007f', 'mot nul'],
    ['..', ''],
    ['%', ''],
    ['   ', ''],
  ])('« %s » → « %s »', (typed, expected) => {
    expect(cacheableQuery(typed)).toBe(expected);
  });

  it('keeps the same words, in a form the cached route takes, whatever was typed', () => {
    for (const typed of ['a/b/c', `${'mot '.repeat(100)}fin`, 'réforme/retraites?2023#vote', '../..', 'x'.repeat(500), 'é\u0085à']) {
      const query = cacheableQuery(typed);
      if (query === '') continue;
      expect(query, typed).toMatch(CACHED_SEGMENT);
      expect(query.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
      if (typed.length <= MAX_QUERY_LENGTH) expect(queryWords(query), typed).toStrictEqual(queryWords(typed));
    }
  });
});
