import { describe, expect, it } from 'vitest';
import { feedTitle, listingWording } from './listingTitles';
import { siteConfig } from './siteConfig';

describe('listing wording', () => {
  it('names a feed after the site and its listing, and the site’s own feed after the site alone', () => {
    expect(feedTitle(listingWording.section('Actualité'))).toBe(`${siteConfig.name} — Actualité`);
    expect(feedTitle(listingWording.dossier({ title: 'La ville en 2040', description: 'x' }))).toBe(`${siteConfig.name} — Dossier\u202f: La ville en 2040`);
    expect(feedTitle()).toBe(siteConfig.name);
  });

  it('describes sections and tags in French, authors by their bio and dossiers by their own description', () => {
    expect(listingWording.section('Sciences').description).toBe('Les articles de la rubrique Sciences.');
    expect(listingWording.tag('IA').description).toBe('Les articles sur IA.');
    expect(listingWording.author({ name: 'Hugo Lefèvre', bio: 'Journaliste.' })).toStrictEqual({ title: 'Hugo Lefèvre', description: 'Journaliste.' });
  });
});
