import { slugify } from '../../slugify';
import type { Article } from '../article';

/**
 * The cache tags a cached page or file carries, so that a content change
 * revalidates exactly the pages it shows on (lib/content/index/invalidation.ts
 * computes them). Plain strings of at most 256 characters, as Next and CDNs
 * take them.
 */
export const cacheTags = {
  /** The article's own page, its crops and share card, and what feeds carry of it whole. */
  article: (slug: string) => `article:${slug}`,
  /** Any page that shows the article's card or link: listings, « Plus d’articles sur… ». */
  card: (slug: string) => `card:${slug}`,
  /** A listing's newest page and its feeds: whatever joins, leaves or moves in its newest articles. */
  list: (list: ListName) => `list:${list}`,
  /** One archive page of a listing (numbered from the oldest: lib/pagination.ts), when what it holds changes. */
  archivePage: (list: ListName, page: number) => `list:${list}:page:${page}`,
  /** Every archive page of a listing: when which pages changed is not worked out (an index compared whole). */
  archive: (list: ListName) => `list:${list}:archive`,
  /** Any page showing this author's name or bio. */
  person: (slug: string) => `person:${slug}`,
  /** The sections in every page's header (largest first). */
  sections: 'sections',
  sitemap: 'sitemap',
  search: 'search',
} as const;

/**
 * Marks the `unstable_cache` calls that only tag a response (app/_cache/tagEntry.ts):
 * lib/cache/siteCache.ts spells it too: Node loads the handler as is, and this
 * module's imports, spelled without their extension, are not for Node.
 */
export const ENTRY_TAGS_MARKER = 'kiosque:entry-tags';

/** `home`, `section:<slug>`, `tag:<slug>`, `author:<slug>` or `dossier:<slug>`. */
export type ListName = 'home' | `section:${string}` | `tag:${string}` | `author:${string}` | `dossier:${string}`;

/** The listings an article is in: the front page, its section, each of its tags, each of its authors' pages, its dossier's. */
export function listsOf(article: Pick<Article, 'category' | 'tags' | 'authors' | 'dossier'>): ListName[] {
  const lists: ListName[] = ['home', `section:${slugify(article.category)}`, ...article.authors.map((author): ListName => `author:${author.slug}`)];
  if (article.dossier) lists.push(`dossier:${article.dossier}`);
  for (const tag of article.tags) {
    const slug = slugify(tag);
    if (slug) lists.push(`tag:${slug}`);
  }
  return [...new Set(lists)];
}

/** A listing page: the listing's newest page or one of its archive pages, and the card and authors of each article it shows. */
export function listingTags(list: ListName, shown: readonly Pick<Article, 'slug' | 'authors'>[], archivePage?: number): string[] {
  const own = archivePage === undefined ? [cacheTags.list(list)] : [cacheTags.archivePage(list, archivePage), cacheTags.archive(list)];
  return [...new Set([...own, ...shown.flatMap((article) => [cacheTags.card(article.slug), ...personTags(article)])])];
}

/**
 * An article page: itself, its authors, and the cards of « Plus d’articles
 * sur… »; in a dossier, its listing too (a part joining, leaving or moving
 * renumbers « partie 2 sur 4 » on every part, as a new dossier title does)
 * and the cards of the parts it links to.
 */
export function articlePageTags(article: Pick<Article, 'slug' | 'authors' | 'dossier'>, related: readonly Pick<Article, 'slug'>[], dossierNeighbours: readonly Pick<Article, 'slug'>[] = []): string[] {
  return [
    cacheTags.article(article.slug),
    ...personTags(article),
    ...related.map((other) => cacheTags.card(other.slug)),
    ...(article.dossier ? [cacheTags.list(`dossier:${article.dossier}`), ...dossierNeighbours.map((other) => cacheTags.card(other.slug))] : []),
  ];
}

const personTags = (article: Pick<Article, 'authors'>) => article.authors.map((author) => cacheTags.person(author.slug));

/**
 * A feed carries its articles whole: a body edit changes it too. Their article
 * tags are enough (every change to a card also revalidates the article tag),
 * which keeps the header of a twenty-item feed short.
 */
export function feedTags(list: ListName, items: readonly Pick<Article, 'slug' | 'authors'>[]): string[] {
  return [...new Set([cacheTags.list(list), ...items.flatMap((article) => [cacheTags.article(article.slug), ...personTags(article)])])];
}
