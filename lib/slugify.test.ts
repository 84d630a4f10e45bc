import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN, slugify, slugifyTitle } from './slugify';

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

describe('slugifyTitle', () => {
  it.each([
    ['Pour entraîner son IA, Mark Zuckerberg utilise vos photos Facebook et Instagram', 'entrainer-ia-mark-zuckerberg-utilise-photos-facebook-instagram'],
    ['L’IA de Meta !', 'ia-meta'],
    ['Et de la', 'et-de-la'],
    ['Cœur à l’ouvrage', 'coeur-ouvrage'],
    ['!!!', ''],
  ])('%j → %j', (title, slug) => {
    expect(slugifyTitle(title)).toBe(slug);
  });

  it('cuts a long title at a word boundary, without a stray letter at the cut', () => {
    expect(slugifyTitle('Apple lance enfin son casque Vision Pro en France à 3 499 euros', 40)).toBe('apple-lance-enfin-casque-vision-pro');
    expect(slugifyTitle('Apple lance enfin son casque Vision Pro en France à 3 499 euros', 44)).toBe('apple-lance-enfin-casque-vision-pro-france');
    const long = slugifyTitle('Élection présidentielle : les candidats, leurs programmes et leurs soutiens, région par région, département par département');
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).toBe('election-presidentielle-candidats-programmes-soutiens-region-region-departement');
  });

  it('cuts a single word longer than the limit', () => {
    expect(slugifyTitle('a'.repeat(100))).toBe('a'.repeat(80));
  });
});
