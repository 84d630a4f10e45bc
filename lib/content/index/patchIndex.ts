import type { Article } from '../article';
import type { ContentError } from '../contentError';
import type { ArticleFields } from '../parsing/parseArticleFile';
import type { Parsed } from '../parsing/parseContentFile';
import { newestFirst, withReferences, type ContentIndex } from './assembleIndex';

// An index patched after a few files changed, and what its consumers (the
// public list, the taxonomy, the search index) follow of it; the whole index
// is assembled in assembleIndex.ts.

/** From one index's articles to the next's: the articles that left (or changed) and those that joined (or changed). */
export interface IndexChange {
  articles: readonly Article[];
  removed: readonly Article[];
  added: readonly Article[];
}

/** The patches from `articles` to `to`, merged into one: what a consumer that last saw `articles` must apply. */
export interface PendingChange extends IndexChange {
  to: readonly Article[];
}

/**
 * Follows one more index: the patches since `base` (the articles a consumer
 * last used), merged, or undefined when the chain breaks (an index assembled
 * whole, a patch from another index): then the consumer starts again whole.
 */
export function followChange(pending: PendingChange | undefined, base: readonly Article[] | undefined, articles: readonly Article[], change: IndexChange | undefined): PendingChange | undefined {
  if (articles === (pending?.to ?? base)) return pending;
  if (!change || change.articles !== (pending?.to ?? base)) return undefined;
  if (!pending) return { ...change, to: articles };
  // An article added then changed again is one addition; one removed after it was added was never there.
  const removed = new Set(change.removed);
  return {
    articles: pending.articles,
    removed: [...pending.removed, ...change.removed.filter((article) => !pending.added.includes(article))],
    added: [...pending.added.filter((article) => !removed.has(article)), ...change.added],
    to: articles,
  };
}

/** One article file that changed since an index was made: its parse then and now (undefined: no such file). */
export interface ArticleFileChange {
  sourcePath: string;
  before: Parsed<ArticleFields> | undefined;
  after: Parsed<ArticleFields> | undefined;
}

/**
 * The index after a few article files changed, made from the last one in
 * time proportional to the change (with 100,000 articles, assembling the
 * whole index again is most of a publication's cost). `current` finds an
 * article of `index` by slug. Undefined when the change may involve other
 * files: a former slug (redirectFrom) before or after, a slug another file
 * has or had, an index with errors between files. Then assembleIndex is the
 * answer, and this one must give the same (contentIndex.test.ts checks it).
 */
export function patchIndex(
  index: ContentIndex,
  changes: readonly ArticleFileChange[],
  current: (slug: string) => Article | undefined,
): ContentIndex | undefined {
  if (index.crossFileErrors > 0) return undefined;
  const changedFiles = new Set<string>();
  const newSlugs = new Set<string>();
  const removed: Article[] = [];
  const added: Article[] = [];
  const errors: ContentError[] = [];
  const warnings: ContentError[] = [];
  for (const { sourcePath, before, after } of changes) {
    changedFiles.add(sourcePath);
    if (before?.ok) {
      if (before.value.redirectReferences.length > 0) return undefined;
      const old = current(before.value.slug);
      if (old?.sourcePath === sourcePath) removed.push(old);
    }
    if (!after) continue;
    if (!after.ok) {
      errors.push(...after.errors);
      continue;
    }
    const fields = after.value;
    const owner = current(fields.slug);
    if (fields.redirectReferences.length > 0 || (owner && owner.sourcePath !== sourcePath) || newSlugs.has(fields.slug) || index.redirects.has(fields.slug)) return undefined;
    newSlugs.add(fields.slug);
    warnings.push(...after.warnings);
    const article = withReferences(fields, index.authors, index.dossiers);
    if (article.ok) added.push(article.value);
    else errors.push(...article.errors);
  }

  const articles = withChanges(index.articles, removed, added);
  const unchanged = (error: ContentError) => !changedFiles.has(error.file);
  return {
    articles,
    authors: index.authors,
    dossiers: index.dossiers,
    redirects: index.redirects,
    errors: [...index.errors.filter(unchanged), ...errors],
    warnings: [...index.warnings.filter(unchanged), ...warnings],
    crossFileErrors: 0,
    changedFrom: { articles: index.articles, removed, added },
  };
}

/** A copy of a list sorted newestFirst without `leaving` (the same objects) and with `joining`, each in its place. */
export function withChanges(articles: readonly Article[], leaving: readonly Article[], joining: readonly Article[]): Article[] {
  let list: Article[];
  if (leaving.length === 0) list = articles.slice();
  else {
    const gone = new Set(leaving);
    list = articles.filter((article) => !gone.has(article));
  }
  for (const article of joining) list.splice(sortedPosition(list, article), 0, article);
  return list;
}

/** Where `article` goes in a list sorted newestFirst (binary search). */
export function sortedPosition(articles: readonly Article[], article: Article): number {
  let low = 0;
  let high = articles.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const other = articles[middle];
    if (other && newestFirst(other, article) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}
