import { slugify } from '../../slugify';
import type { Article } from '../article';
import { newestFirst } from './assembleIndex';
import { groupBySection, groupByTag } from './taxonomy';

/**
 * Up to `limit` other articles for "Plus d’articles sur…": those sharing the
 * most tags first, ties to the most recent; then, to fill the list, the latest
 * of the same section. `articles` is newest first. Only the lists of the
 * article's own tags and section are walked (grouped once per list of
 * articles, taxonomy.ts): each article page of a 100,000-article archive
 * would otherwise look at every article.
 */
export function findRelatedArticles(article: Article, articles: readonly Article[], limit = 4): Article[] {
  if (limit <= 0) return [];
  const tags = groupByTag(articles);
  const sharedTags = new Map<Article, number>();
  for (const slug of new Set(article.tags.map(slugify))) {
    for (const candidate of tags.get(slug)?.articles ?? []) {
      if (candidate.slug !== article.slug) sharedTags.set(candidate, (sharedTags.get(candidate) ?? 0) + 1);
    }
  }
  // The best `limit` by shared tags, then in the list's own order (newestFirst), kept sorted as they come.
  const best: Array<{ candidate: Article; shared: number }> = [];
  for (const [candidate, shared] of sharedTags) {
    const rank = best.findIndex((other) => shared > other.shared || (shared === other.shared && newestFirst(candidate, other.candidate) < 0));
    if (rank === -1) {
      if (best.length < limit) best.push({ candidate, shared });
    } else {
      best.splice(rank, 0, { candidate, shared });
      if (best.length > limit) best.pop();
    }
  }
  const related = best.map(({ candidate }) => candidate);
  if (related.length < limit) {
    for (const candidate of groupBySection(articles).get(slugify(article.category))?.articles ?? []) {
      if (related.length >= limit) break;
      if (candidate.slug !== article.slug && !sharedTags.has(candidate)) related.push(candidate);
    }
  }
  return related;
}
