import { slugify } from '../../slugify';
import type { Article } from '../article';
import { sortedPosition } from './patchIndex';

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
const dossiersCache = new WeakMap<readonly Article[], ReadonlyMap<string, readonly Article[]>>();

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
      for (const { slug } of article.authors) {
        const own = byAuthor.get(slug);
        if (own) own.push(article);
        else byAuthor.set(slug, [article]);
      }
    }
    return byAuthor;
  });
}

/** Each dossier's articles by dossier slug, newest first; a dossier without articles is absent. */
export function groupByDossier(articles: readonly Article[]): ReadonlyMap<string, readonly Article[]> {
  return memoized(dossiersCache, articles, () => {
    const byDossier = new Map<string, Article[]>();
    for (const article of articles) {
      if (!article.dossier) continue;
      const own = byDossier.get(article.dossier);
      if (own) own.push(article);
      else byDossier.set(article.dossier, [article]);
    }
    return byDossier;
  });
}

/** Largest first, then alphabetical in French order. */
export function sortTermsBySize(terms: Iterable<Term>): Term[] {
  return [...terms].sort((a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name, 'fr'));
}

function groupTerms(articles: readonly Article[], namesOf: (article: Article) => readonly string[]): Map<string, Term> {
  const terms = new Map<string, Term>();
  // 100,000 articles share a few hundred names: each is slugified once.
  const slugOf = new Map<string, string>();
  for (const article of articles) {
    const slugs = new Set<string>();
    for (const name of namesOf(article)) {
      let slug = slugOf.get(name);
      if (slug === undefined) {
        slug = slugify(name);
        slugOf.set(name, slug);
      }
      if (!slug || slugs.has(slug)) continue;
      slugs.add(slug);
      const term = terms.get(slug);
      if (term) term.articles.push(article);
      else terms.set(slug, { slug, name, articles: [article] });
    }
  }
  return terms;
}

/**
 * The groupings already made for `before`, made for `after` by moving only
 * the articles that left and joined: `after` is `before` without `leaving`
 * and with `joining`, in order. Same result as grouping `after` whole
 * (taxonomy.test.ts checks it), in time proportional to the terms touched.
 */
export function carryTaxonomy(before: readonly Article[], after: readonly Article[], leaving: readonly Article[], joining: readonly Article[]): void {
  const sections = sectionsCache.get(before);
  if (sections && !sectionsCache.has(after)) sectionsCache.set(after, carriedTerms(sections, leaving, joining, (article) => [article.category]));
  const tags = tagsCache.get(before);
  if (tags && !tagsCache.has(after)) tagsCache.set(after, carriedTerms(tags, leaving, joining, (article) => article.tags));
  carryGroups(authorsCache, before, after, leaving, joining, (article) => article.authors.map((author) => author.slug));
  carryGroups(dossiersCache, before, after, leaving, joining, (article) => (article.dossier ? [article.dossier] : []));
}

/** One grouping by key (authors, dossiers) carried from `before` to `after`, when it was made for `before`. */
function carryGroups(
  cache: WeakMap<readonly Article[], ReadonlyMap<string, readonly Article[]>>,
  before: readonly Article[],
  after: readonly Article[],
  leaving: readonly Article[],
  joining: readonly Article[],
  keysOf: (article: Article) => readonly string[],
): void {
  const groups = cache.get(before);
  if (!groups || cache.has(after)) return;
  const carried = new Map(groups);
  for (const [key, list] of carriedLists(groups, leaving, joining, keysOf)) {
    if (list.length === 0) carried.delete(key);
    else carried.set(key, list);
  }
  cache.set(after, carried);
}

function carriedTerms(terms: ReadonlyMap<string, Term>, leaving: readonly Article[], joining: readonly Article[], namesOf: (article: Article) => readonly string[]): Map<string, Term> {
  const carried = new Map(terms);
  const lists = carriedLists(new Map([...terms].map(([slug, term]) => [slug, term.articles])), leaving, joining, (article) => termSlugs(article, namesOf));
  for (const [slug, list] of lists) {
    const [newest] = list;
    if (!newest) carried.delete(slug);
    // As groupTerms names it: the newest article's spelling.
    else carried.set(slug, { slug, name: namesOf(newest).find((name) => slugify(name) === slug) ?? slug, articles: list });
  }
  return carried;
}

/** The lists of the keys `leaving` and `joining` touch, copied and changed; the others are not copied. */
function carriedLists(lists: ReadonlyMap<string, readonly Article[]>, leaving: readonly Article[], joining: readonly Article[], keysOf: (article: Article) => readonly string[]): Map<string, Article[]> {
  const touched = new Map<string, Article[]>();
  const list = (key: string) => {
    let copy = touched.get(key);
    if (!copy) {
      copy = [...(lists.get(key) ?? [])];
      touched.set(key, copy);
    }
    return copy;
  };
  for (const article of leaving) {
    for (const key of keysOf(article)) {
      const own = list(key);
      const at = own.indexOf(article);
      if (at !== -1) own.splice(at, 1);
    }
  }
  for (const article of joining) {
    for (const key of keysOf(article)) {
      const own = list(key);
      own.splice(sortedPosition(own, article), 0, article);
    }
  }
  return touched;
}

/** The distinct slugs of an article's names, as groupTerms files it. */
function termSlugs(article: Article, namesOf: (article: Article) => readonly string[]): string[] {
  return [...new Set(namesOf(article).map(slugify).filter((slug) => slug !== ''))];
}

function memoized<T>(cache: WeakMap<readonly Article[], T>, key: readonly Article[], compute: () => T): T {
  const cached = cache.get(key);
  if (cached) return cached;
  const value = compute();
  cache.set(key, value);
  return value;
}
