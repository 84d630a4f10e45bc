import { slugify } from '../../slugify';
import type { Article } from '../article';

/**
 * Up to `limit` other articles for "Plus d’articles sur…": those sharing the
 * most tags first, ties to the most recent; then, to fill the list, the latest
 * of the same section. `articles` is newest first and the sort is stable.
 */
export function findRelatedArticles(article: Article, articles: readonly Article[], limit = 4): Article[] {
  const tagSlugs = new Set(article.tags.map(slugify));
  const sectionSlug = slugify(article.category);
  return articles
    .filter((candidate) => candidate.slug !== article.slug)
    .map((candidate) => ({
      candidate,
      sharedTags: candidate.tags.filter((tag) => tagSlugs.has(slugify(tag))).length,
      sameSection: slugify(candidate.category) === sectionSlug,
    }))
    .filter(({ sharedTags, sameSection }) => sharedTags > 0 || sameSection)
    .sort((a, b) => b.sharedTags - a.sharedTags)
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}
