/** Longest query we search for; anything longer is cut, not refused (a pasted paragraph still finds something). */
export const MAX_QUERY_LENGTH = 200;

/**
 * Matches counted at most: past this, the page says « plus de 1 000 » and stops
 * paging. Counting stops early, so a word found in every article of a
 * 100,000-article archive costs no more than a rare one.
 */
export const COUNTED_MATCHES = 1_000;

/** Words searched at most: each is one more doclist for SQLite to intersect. */
export const MAX_QUERY_WORDS = 12;

/** A last word this long or longer also finds the words it begins (`zuckerb` → Zuckerberg); a shorter one matches whole words. */
const PREFIX_FROM_LENGTH = 3;

/**
 * Collapses spaces, drops control characters (a NUL has no place in a page)
 * and cuts the query to a sane length; an empty result means "nothing to search".
 */
export function normalizeQuery(query: string): string {
  return query
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .trim()
    .slice(0, MAX_QUERY_LENGTH)
    .trim();
}

/**
 * The query in a form the cached search route takes (next.config.ts sends
 * there the queries that can be a path segment): the same words, with what
 * cannot be in a segment (`/`, `\`, `%`, `?`, `#`, control characters)
 * turned to spaces, cut to MAX_QUERY_LENGTH; empty when only dots or nothing
 * is left. Those characters separate words anyway, so the search is the same.
 */
export function cacheableQuery(query: string): string {
  const cleaned = query
    .replace(/[/\\%?#\p{Cc}\s]+/gu, ' ')
    .trim()
    .slice(0, MAX_QUERY_LENGTH)
    .trim();
  return /^\.*$/.test(cleaned) ? '' : cleaned;
}

/**
 * The words of a query as SQLite's `unicode61` tokenizer cuts text: runs of
 * letters, digits and marks; everything else (punctuation, `'`, `/`, `*`,
 * quotes) separates words and is never FTS5 syntax.
 */
export function queryWords(query: string): string[] {
  return (normalizeQuery(query).match(/[\p{L}\p{N}\p{M}\p{Co}]+/gu) ?? []).slice(0, MAX_QUERY_WORDS);
}

/**
 * An FTS5 MATCH expression requiring every word, each quoted (so no word is
 * read as an operator: `NOT`, `OR`, `NEAR`); the last word, from three
 * characters, also finds the words it begins, as a search box does while one
 * types (`mark zuckerb`). Earlier words are whole words: a prefix expands to
 * every word it begins, and three of them intersected over 100,000 articles
 * cost 300 ms. Undefined when the query has no word at all.
 */
export function matchExpression(query: string): string | undefined {
  const words = matchedWords(query);
  if (words.length === 0) return undefined;
  return words.map(({ word, prefix }) => (prefix ? `"${word}"*` : `"${word}"`)).join(' ');
}

/** The words of a query and whether each also finds the words it begins (the last one, from three characters). */
export function matchedWords(query: string): Array<{ word: string; prefix: boolean }> {
  const words = queryWords(query);
  return words.map((word, index) => ({ word, prefix: index === words.length - 1 && word.length >= PREFIX_FROM_LENGTH }));
}
