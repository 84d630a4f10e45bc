import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN, slugify } from './slugify';

describe('slugify', () => {
  it.each([
    ['Actualité', 'actualite'],
    ['L’IA de Meta !', 'l-ia-de-meta'],
    ['Mon Article', 'mon-article'],
    ['Œuvres et cœur', 'oeuvres-et-coeur'],
    ['Ægée', 'aegee'],
    ['Ça coûte 10 € à Noël', 'ca-coute-10-a-noel'],
    ['  --Deux   espaces--  ', 'deux-espaces'],
    ['ﬁn de l’été', 'fin-de-l-ete'],
    ['!!!', ''],
  ])('%j → %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('always gives a valid slug or nothing', () => {
    for (const text of ['Élection présidentielle 2027 : ce qu’il faut savoir', '« Citation » — auteur', '日本語', '-a--b-']) {
      const slug = slugify(text);
      if (slug !== '') expect(slug).toMatch(SLUG_PATTERN);
    }
  });
});

describe('SLUG_PATTERN', () => {
  it.each(['mon-article', 'article-2024', 'a', '2024'])('accepts %j', (slug) => {
    expect(SLUG_PATTERN.test(slug)).toBe(true);
  });

  it.each(['', 'Mon-article', 'mon--article', '-mon', 'mon-', 'mon_article', 'été', 'mon article', 'a/b', '..'])('refuses %j', (slug) => {
    expect(SLUG_PATTERN.test(slug)).toBe(false);
  });
});
