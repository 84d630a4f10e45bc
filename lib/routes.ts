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
