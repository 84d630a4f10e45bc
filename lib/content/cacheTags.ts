import { slugify } from '../slugify';
import type { Article } from './article';

/**
 * The cache tags a cached page or file carries, so that a content change
 * revalidates exactly the pages it shows on (lib/content/invalidation.ts
 * computes them). Plain strings of at most 256 characters, as Next and CDNs
 * take them.
 */
export const cacheTags = {
  /** The article's own page, its crops and share card, and what feeds carry of it whole. */
  article: (slug: string) => `article:${slug}`,
  /** Any page that shows the article's card or link: listings, « Plus d’articles sur… ». */
  card: (slug: string) => `card:${slug}`,
  /** Every page of a listing and its feeds: whatever joins, leaves or moves in it. */
  list: (list: ListName) => `list:${list}`,
  /** Any page showing this author's name or bio. */
  person: (slug: string) => `person:${slug}`,
  /** The sections in every page's header (largest first). */
  sections: 'sections',
  sitemap: 'sitemap',
  search: 'search',
} as const;

/** `home`, `section:<slug>`, `tag:<slug>` or `author:<slug>`. */
export type ListName = 'home' | `section:${string}` | `tag:${string}` | `author:${string}`;

/** The listings an article is in: the front page, its section, each of its tags, its author's page. */
export function listsOf(article: Pick<Article, 'category' | 'tags' | 'author'>): ListName[] {
  const lists: ListName[] = ['home', `section:${slugify(article.category)}`, `author:${article.author.slug}`];
  for (const tag of article.tags) {
    const slug = slugify(tag);
    if (slug) lists.push(`tag:${slug}`);
  }
  return [...new Set(lists)];
}
