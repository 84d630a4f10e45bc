import { slugify } from './slugify';

/** Every internal URL is built here, so a route change is one edit. */

export function articlePath(slug: string): string {
  return `/article/${slug}`;
}

/** The entries of a live article newer than the one with id `after`, as JSON (app/article/[slug]/direct/[after]). */
export function liveEntriesPath(slug: string, after: string): string {
  return `/article/${slug}/direct/${after}`;
}

export function authorPath(slug: string, page?: number): string {
  return withPage(`/auteur/${slug}`, page);
}

/** A dossier (series) by its slug: /dossier/<slug>. */
export function dossierPath(slug: string, page?: number): string {
  return withPage(`/dossier/${slug}`, page);
}

/** A section (rubrique) by its name as written in front matter: "Actualité" → /rubrique/actualite. */
export function sectionPath(name: string, page?: number): string {
  return withPage(`/rubrique/${slugify(name)}`, page);
}

export function tagPath(name: string, page?: number): string {
  return withPage(`/tag/${slugify(name)}`, page);
}

export function homePath(page?: number): string {
  return page === undefined ? '/' : `/page/${page}`;
}

/** The search form, with no query: rendered per request (proxy.ts gives it a nonce). */
export const SEARCH_FORM_PATH = '/recherche';

/** Where editors open a preview (app/apercu), the address its form posts to, and the one that leaves it. */
export const PREVIEW_PATHS = { form: '/apercu', open: '/api/draft', leave: '/api/draft/disable' } as const;

export function searchPath(query: string, page = 1): string {
  const parameters = new URLSearchParams({ q: query });
  if (page > 1) parameters.set('page', String(page));
  return `/recherche?${parameters.toString()}`;
}

/**
 * The route handlers whose answers Next caches (`force-static`, or a
 * `revalidate`), as app/ names them: a revalidation of everything
 * (app/api/revalidate) revalidates each by its route, since pages go with the
 * root layout and these do not. lib/routes.test.ts checks the list against app/.
 */
export const CACHED_ROUTE_HANDLERS = [
  '/rss.xml',
  '/atom.xml',
  '/feed.json',
  '/sitemap.xml',
  '/news-sitemap.xml',
  '/sitemaps/[file]',
  '/og/site.png',
  '/article/[slug]/direct/[after]',
  '/rubrique/[slug]/rss.xml',
  '/rubrique/[slug]/atom.xml',
  '/rubrique/[slug]/feed.json',
  '/auteur/[slug]/rss.xml',
  '/auteur/[slug]/atom.xml',
  '/auteur/[slug]/feed.json',
  '/dossier/[slug]/rss.xml',
  '/dossier/[slug]/atom.xml',
  '/dossier/[slug]/feed.json',
] as const;

/** A listing's newest articles at its own address, its archive pages (numbered from the oldest, lib/pagination.ts) under `page/`. */
function withPage(base: string, page: number | undefined): string {
  return page === undefined ? base : `${base}/page/${page}`;
}

export type FeedFormat = 'rss' | 'atom' | 'json';

export const FEED_FILE_NAMES: Readonly<Record<FeedFormat, string>> = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' };

/** `feedPath('', 'rss')` → `/rss.xml`; `feedPath(sectionPath('Tech'), 'atom')` → `/rubrique/tech/atom.xml`. */
export function feedPath(listingPath: string, format: FeedFormat): string {
  return `${listingPath.replace(/\/$/, '')}/${FEED_FILE_NAMES[format]}`;
}

/** The three crops of a hero image that structured data offers search engines. */
export type ImageRatio = '16x9' | '4x3' | '1x1';

/**
 * `/article/<slug>/image/16x9.<version>.jpg`: the version changes with the
 * photo and its focus point, so each URL keeps its bytes for ever.
 */
export function articleImagePath(slug: string, ratio: ImageRatio, version: string): string {
  return `/article/${slug}/image/${ratio}.${version}.jpg`;
}

/** The 1200×630 share card of an article (versioned like its crops), or of the site when no article is given. */
export function shareImagePath(article?: { slug: string; version: string }): string {
  return article === undefined ? '/og/site.png' : `/og/article/${article.slug}.${article.version}.png`;
}

/** Reads `<name>.<version>.<extension>` (crops, share cards); a name without a version gives `version: undefined`. */
export function splitVersionedFile(file: string, extension: string): { name: string; version?: string } | undefined {
  const match = new RegExp(`^([a-z0-9-]+)(?:\\.([0-9a-f]{12}))?\\.${extension}$`).exec(file);
  if (!match?.[1]) return undefined;
  return match[2] === undefined ? { name: match[1] } : { name: match[1], version: match[2] };
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

/** `/sitemaps/<n>.xml`, counted from 1: the files of a sitemap split past the protocol's limits. */
export function sitemapFilePath(index: number): string {
  return `/sitemaps/${index + 1}.xml`;
}

/**
 * The index a sitemap file's name stands for (`3.xml` → 2), or undefined for
 * any other spelling of a number (`03.xml`, `0.xml`, `+3.xml`): one file has
 * one address, and a crawler's variants are not each answered and cached.
 */
export function sitemapFileIndex(name: string): number | undefined {
  const match = /^([1-9]\d{0,5})\.xml$/.exec(name);
  return match?.[1] === undefined ? undefined : Number(match[1]) - 1;
}
