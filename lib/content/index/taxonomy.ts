import { slugify } from '../../slugify';
import type { Article } from '../article';

/** A section (rubrique) or a tag, with the articles filed under it, newest first. */
export interface Term {
  slug: string;
  /** As the first article to use it wrote it: "Actualité". */
  name: string;
  articles: Article[];
}

const sectionsCache = new WeakMap<readonly Article[], ReadonlyMap<string, Term>>();
const tagsCache = new WeakMap<readonly Article[], ReadonlyMap<string, Term>>();
const authorsCache = new WeakMap<readonly Article[], ReadonlyMap<string, readonly Article[]>>();

/**
 * Sections by slug. Names that slug alike ("Actualité", "actualite") are one
 * section, so a stray capital or accent never splits a rubrique in two.
 */
export function groupBySection(articles: readonly Article[]): ReadonlyMap<string, Term> {
  return memoized(sectionsCache, articles, () => groupTerms(articles, (article) => [article.category]));
}

/** Tags by slug, with the same merging as sections. */
export function groupByTag(articles: readonly Article[]): ReadonlyMap<string, Term> {
  return memoized(tagsCache, articles, () => groupTerms(articles, (article) => article.tags));
}

/** Each author's articles by author slug, newest first; an author without articles is absent. */
export function groupByAuthor(articles: readonly Article[]): ReadonlyMap<string, readonly Article[]> {
  return memoized(authorsCache, articles, () => {
    const byAuthor = new Map<string, Article[]>();
    for (const article of articles) {
      const own = byAuthor.get(article.author.slug);
      if (own) own.push(article);
      else byAuthor.set(article.author.slug, [article]);
    }
    return byAuthor;
  });
}

/** Largest first, then alphabetical in French order. */
export function sortTermsBySize(terms: Iterable<Term>): Term[] {
  return [...terms].sort((a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name, 'fr'));
}

function groupTerms(articles: readonly Article[], namesOf: (article: Article) => readonly string[]): Map<string, Term> {
  const terms = new Map<string, Term>();
  for (const article of articles) {
    const slugs = new Set<string>();
    for (const name of namesOf(article)) {
      const slug = slugify(name);
      if (!slug || slugs.has(slug)) continue;
      slugs.add(slug);
      const term = terms.get(slug);
      if (term) term.articles.push(article);
      else terms.set(slug, { slug, name, articles: [article] });
    }
  }
  return terms;
}

function memoized<T>(cache: WeakMap<readonly Article[], T>, key: readonly Article[], compute: () => T): T {
  const cached = cache.get(key);
  if (cached) return cached;
  const value = compute();
  cache.set(key, value);
  return value;
}
