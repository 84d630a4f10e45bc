import { slugify } from './slugify';

/** Every internal URL is built here, so a route change is one edit. */

export function articlePath(slug: string): string {
  return `/article/${slug}`;
}

export function authorPath(slug: string, page = 1): string {
  return withPage(`/auteur/${slug}`, page);
}

/** A section (rubrique) by its name as written in front matter: "Actualité" → /rubrique/actualite. */
export function sectionPath(name: string, page = 1): string {
  return withPage(`/rubrique/${slugify(name)}`, page);
}

export function tagPath(name: string, page = 1): string {
  return withPage(`/tag/${slugify(name)}`, page);
}

export function homePath(page = 1): string {
  return page <= 1 ? '/' : `/page/${page}`;
}

export function searchPath(query: string, page = 1): string {
  const parameters = new URLSearchParams({ q: query });
  if (page > 1) parameters.set('page', String(page));
  return `/recherche?${parameters.toString()}`;
}

function withPage(base: string, page: number): string {
  return page <= 1 ? base : `${base}/page/${page}`;
}

export type FeedFormat = 'rss' | 'atom' | 'json';

export const FEED_FILE_NAMES: Readonly<Record<FeedFormat, string>> = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' };

/** `feedPath('', 'rss')` → `/rss.xml`; `feedPath(sectionPath('Tech'), 'atom')` → `/rubrique/tech/atom.xml`. */
export function feedPath(listingPath: string, format: FeedFormat): string {
  return `${listingPath.replace(/\/$/, '')}/${FEED_FILE_NAMES[format]}`;
}

/** The three crops of a hero image that structured data offers search engines. */
export type ImageRatio = '16x9' | '4x3' | '1x1';

export function articleImagePath(slug: string, ratio: ImageRatio): string {
  return `/article/${slug}/image/${ratio}.jpg`;
}

/** The 1200×630 share card of an article, or of the site when no slug is given. */
export function shareImagePath(slug?: string): string {
  return slug === undefined ? '/og/site.png' : `/og/article/${slug}.png`;
}

/**
 * A path parameter as the visitor typed it. Next hands over parameters of
 * rewritten paths still percent-encoded (`intelligence%20artificielle`); a
 * value that does not decode is kept as it came.
 */
export function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
