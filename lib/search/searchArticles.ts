import MiniSearch, { type SearchResult } from 'minisearch';
import type { Article } from '../content/article';
import { foldText } from './foldText';

/** Longest query we search for; anything longer is cut, not refused (a pasted paragraph still finds something). */
export const MAX_QUERY_LENGTH = 200;

export interface SearchHit {
  article: Article;
  /** A passage around the first match, split so the matched words can be highlighted. */
  snippet: SnippetPart[];
}

export interface SnippetPart {
  text: string;
  match: boolean;
}

interface IndexedArticle {
  id: string;
  title: string;
  description: string;
  text: string;
}

const indexes = new WeakMap<readonly Article[], { engine: MiniSearch<IndexedArticle>; bySlug: Map<string, Article> }>();

/**
 * Builds the index once per list of articles (the content index hands back the
 * same list until a file changes), never per request.
 */
function indexFor(articles: readonly Article[]) {
  const cached = indexes.get(articles);
  if (cached) return cached;
  const engine = new MiniSearch<IndexedArticle>({
    fields: ['title', 'description', 'text'],
    processTerm: (term) => foldText(term),
    searchOptions: {
      boost: { title: 4, description: 2 },
      prefix: (term) => term.length >= 3,
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      combineWith: 'AND',
    },
  });
  engine.addAll(articles.map(({ slug, title, description, text }) => ({ id: slug, title, description, text })));
  const built = { engine, bySlug: new Map(articles.map((article) => [article.slug, article])) };
  indexes.set(articles, built);
  return built;
}

/** Articles matching every word of the query, title matches first; accents and case do not matter. */
export function searchArticles(articles: readonly Article[], query: string): SearchHit[] {
  const cleaned = normalizeQuery(query);
  if (!cleaned) return [];
  const { engine, bySlug } = indexFor(articles);
  return engine.search(cleaned).flatMap((result: SearchResult) => {
    const article = bySlug.get(String(result.id));
    return article ? [lazyHit(article, result.terms)] : [];
  });
}

/**
 * The snippet folds the whole body, so it is built only when read: a query
 * matching thousands of articles pays for the ten a page shows, not for all.
 */
function lazyHit(article: Article, terms: readonly string[]): SearchHit {
  let snippet: SnippetPart[] | undefined;
  return {
    article,
    get snippet() {
      snippet ??= buildSnippet(article, terms);
      return snippet;
    },
  };
}

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

const SNIPPET_RADIUS = 90;

/** The passage around the first matched term, in the standfirst if it matches there, else in the body. */
export function buildSnippet(article: Pick<Article, 'description' | 'text'>, terms: readonly string[]): SnippetPart[] {
  const foldedTerms = terms.map(foldText).filter((term) => term.length > 0);
  for (const source of [article.description, article.text]) {
    const folded = foldText(source);
    const first = Math.min(...foldedTerms.map((term) => indexOfWord(folded, term)).filter((index) => index >= 0));
    if (!Number.isFinite(first)) continue;
    const start = wordBoundaryBefore(source, Math.max(0, first - SNIPPET_RADIUS));
    const end = wordBoundaryAfter(source, Math.min(source.length, first + SNIPPET_RADIUS));
    // Only line breaks become spaces: the no-break spaces of French typography stay.
    const passage = source.slice(start, end).replace(/[^\S\u00A0\u202F]+/g, ' ');
    const parts = highlight(passage, foldedTerms);
    if (start > 0) parts.unshift({ text: '… ', match: false });
    if (end < source.length) parts.push({ text: ' …', match: false });
    return parts;
  }
  return [{ text: article.description, match: false }];
}

function highlight(passage: string, foldedTerms: readonly string[]): SnippetPart[] {
  const folded = foldText(passage);
  const parts: SnippetPart[] = [];
  let position = 0;
  while (position < passage.length) {
    const next = foldedTerms
      .map((term) => ({ index: indexOfWord(folded, term, position), term }))
      .filter(({ index }) => index >= 0)
      .sort((a, b) => a.index - b.index)[0];
    if (!next) break;
    const wordEnd = endOfWord(passage, next.index + next.term.length);
    if (next.index > position) parts.push({ text: passage.slice(position, next.index), match: false });
    parts.push({ text: passage.slice(next.index, wordEnd), match: true });
    position = wordEnd;
  }
  if (position < passage.length) parts.push({ text: passage.slice(position), match: false });
  return parts;
}

/** Index of `term` at the start of a word (terms are prefixes of words). */
function indexOfWord(folded: string, term: string, from = 0): number {
  let index = folded.indexOf(term, from);
  while (index > 0 && /[\p{L}\p{N}]/u.test(folded[index - 1] ?? '')) index = folded.indexOf(term, index + 1);
  return index;
}

function endOfWord(text: string, from: number): number {
  let end = from;
  while (end < text.length && /[\p{L}\p{N}]/u.test(text[end] ?? '')) end += 1;
  return end;
}

function wordBoundaryBefore(text: string, index: number): number {
  if (index === 0) return 0;
  const space = text.lastIndexOf(' ', index);
  return space === -1 ? 0 : space + 1;
}

function wordBoundaryAfter(text: string, index: number): number {
  const space = text.indexOf(' ', index);
  return space === -1 ? text.length : space;
}
