import type { Article, Dossier } from '../article';
import { groupByDossier } from './taxonomy';

/**
 * The dossiers some public article names, each with its parts (newest first,
 * as every list), by slug: what has a page, feeds and a sitemap entry. A
 * dossier no article names yet has none of them (the editors' check says so).
 */
export function dossiersWithParts(dossiers: ReadonlyMap<string, Dossier>, publicArticles: readonly Article[]): Map<string, { dossier: Dossier; parts: readonly Article[] }> {
  const byDossier = groupByDossier(publicArticles);
  return new Map(
    [...dossiers].flatMap(([slug, dossier]) => {
      const parts = byDossier.get(slug);
      return parts ? [[slug, { dossier, parts }] as const] : [];
    }),
  );
}

/** Where an article stands in its dossier: « partie 2 sur 4 », and the parts before and after it. */
export interface DossierPlace {
  dossier: Dossier;
  /** From 1, in the order of publication; undefined for an article not public yet (a preview). */
  part?: number;
  count: number;
  previous?: Article;
  next?: Article;
}

/**
 * The article's place in its dossier among the public articles: parts are
 * numbered in the order they came out, so a new part is the last and no
 * earlier part changes number.
 */
export function dossierPlace(article: Pick<Article, 'slug' | 'dossier'>, dossiers: ReadonlyMap<string, Dossier>, publicArticles: readonly Article[]): DossierPlace | undefined {
  const dossier = article.dossier === undefined ? undefined : dossiers.get(article.dossier);
  if (!dossier) return undefined;
  // Newest first, as every list.
  const parts = groupByDossier(publicArticles).get(dossier.slug) ?? [];
  const index = parts.findIndex((part) => part.slug === article.slug);
  if (index === -1) return { dossier, count: parts.length };
  return { dossier, part: parts.length - index, count: parts.length, previous: parts[index + 1], next: parts[index - 1] };
}
