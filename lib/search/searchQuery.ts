/** Longest query we search for; anything longer is cut, not refused (a pasted paragraph still finds something). */
export const MAX_QUERY_LENGTH = 200;

/** Words searched at most: each is one more doclist for SQLite to intersect. */
export const MAX_QUERY_WORDS = 12;

/** A word this long or longer also finds the words it begins (`zuckerb` → Zuckerberg); shorter ones match whole words. */
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
 * The words of a query as SQLite's `unicode61` tokenizer cuts text: runs of
 * letters, digits and marks; everything else (punctuation, `'`, `/`, `*`,
 * quotes) separates words and is never FTS5 syntax.
 */
export function queryWords(query: string): string[] {
  return (normalizeQuery(query).match(/[\p{L}\p{N}\p{M}\p{Co}]+/gu) ?? []).slice(0, MAX_QUERY_WORDS);
}

/**
 * An FTS5 MATCH expression requiring every word, each quoted (so no word is
 * read as an operator: `NOT`, `OR`, `NEAR`) and, from three characters, as a
 * prefix. Undefined when the query has no word at all.
 */
export function matchExpression(query: string): string | undefined {
  const words = queryWords(query);
  if (words.length === 0) return undefined;
  return words.map((word) => (word.length >= PREFIX_FROM_LENGTH ? `"${word}"*` : `"${word}"`)).join(' ');
}
