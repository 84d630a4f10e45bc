import { describe, expect, it } from 'vitest';
import type { Dossier } from '../article';
import { buildArticle, newestFirst } from '../testing/buildArticle';
import { dossierPlace, dossiersWithParts } from './dossierParts';

const serie: Dossier = { slug: 'serie', title: 'La série', description: 'Quatre parties.', intro: '', sourcePath: 'content/dossiers/serie.md' };
const dossiers = new Map([[serie.slug, serie]]);
const parts = [1, 2, 3].map((day) => buildArticle({ slug: `partie-${day}`, day, dossier: 'serie' }));
const other = buildArticle({ slug: 'ailleurs', day: 4 });
const published = newestFirst([...parts, other]);

describe('dossierPlace', () => {
  it('numbers the parts in the order they came out, with the one before and the one after', () => {
    expect(parts.map((part) => dossierPlace(part, dossiers, published)).map((place) => [place?.part, place?.count, place?.previous?.slug, place?.next?.slug])).toStrictEqual([
      [1, 3, undefined, 'partie-2'],
      [2, 3, 'partie-1', 'partie-3'],
      [3, 3, 'partie-2', undefined],
    ]);
  });

  it('lists the dossiers some public article names, with their parts newest first, and no other', () => {
    const empty: Dossier = { ...serie, slug: 'vide', sourcePath: 'content/dossiers/vide.md' };
    const listed = dossiersWithParts(new Map([[serie.slug, serie], [empty.slug, empty]]), published);
    expect([...listed].map(([slug, { parts: own }]) => [slug, own.map((part) => part.slug)])).toStrictEqual([['serie', ['partie-3', 'partie-2', 'partie-1']]]);
  });

  it('gives no number to a part not public yet, and no place to an article outside any dossier', () => {
    const preview = buildArticle({ slug: 'partie-4', day: 5, dossier: 'serie' });
    expect(dossierPlace(preview, dossiers, published)).toStrictEqual({ dossier: serie, count: 3 });
    expect(dossierPlace(other, dossiers, published)).toBeUndefined();
  });
});
