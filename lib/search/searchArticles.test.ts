import { describe, expect, it } from 'vitest';
import { buildArticle, newestFirst } from '../content/testing/buildArticle';
import { foldText } from './foldText';
import { buildSnippet, MAX_QUERY_LENGTH, normalizeQuery, searchArticles } from './searchArticles';

const articles = newestFirst([
  buildArticle({
    slug: 'meta-photos',
    day: 6,
    title: 'Pour entraîner son IA, Mark Zuckerberg utilise vos photos',
    text: 'Meta a présenté ses résultats aux investisseurs.',
  }),
  buildArticle({
    slug: 'body-only',
    day: 7,
    title: 'Les festivals de l’été',
    text: 'Un long texte. Les modèles doivent entraîner leurs réseaux sur des photos, dit-on.',
  }),
  buildArticle({ slug: 'cinema', day: 8, title: 'Le cinéma français en forme', text: 'Les salles se remplissent.' }),
]);

const slugsFor = (query: string) => searchArticles(articles, query).map((hit) => hit.article.slug);

describe('searchArticles', () => {
  it('ignores accents and case', () => {
    expect(slugsFor('entrainer')).toContain('meta-photos');
    expect(slugsFor('ENTRAÎNER')).toContain('meta-photos');
    expect(slugsFor('cinema')).toEqual(['cinema']);
    expect(slugsFor('ete')).toEqual(['body-only']);
  });

  it('ranks a title match above a body match, whatever the dates', () => {
    expect(slugsFor('entraîner')).toEqual(['meta-photos', 'body-only']);
  });

  it('requires every word of the query', () => {
    expect(slugsFor('photos investisseurs')).toEqual(['meta-photos']);
    expect(slugsFor('photos salles')).toEqual([]);
  });

  it('finds words by their beginning', () => {
    expect(slugsFor('zuckerb')).toEqual(['meta-photos']);
  });

  it('answers an empty, blank or hostile query without throwing', () => {
    expect(slugsFor('')).toEqual([]);
    expect(slugsFor('   ')).toEqual([]);
    expect(slugsFor('<script>alert(1)</script>')).toEqual([]);
    expect(() => slugsFor('a'.repeat(10_000))).not.toThrow();
    expect(() => slugsFor('*(){}[]?+\\^$|.')).not.toThrow();
  });

  it('builds the index once per list of articles', () => {
    const first = searchArticles(articles, 'cinema')[0]?.article;
    expect(searchArticles(articles, 'cinema')[0]?.article).toBe(first);
  });
});

describe('normalizeQuery', () => {
  it('collapses spaces and cuts very long queries', () => {
    expect(normalizeQuery('  Mark \n  Zuckerberg ')).toBe('Mark Zuckerberg');
    expect(normalizeQuery('x'.repeat(10_000))).toHaveLength(MAX_QUERY_LENGTH);
  });

  it('turns control characters into spaces', () => {
    expect(normalizeQuery('a\u0000b\u0007c\u007f')).toBe('a b c');
    expect(normalizeQuery('\u0000')).toBe('');
  });
});

describe('buildSnippet', () => {
  it('highlights whole words around the first match, keeping the original accents', () => {
    const snippet = buildSnippet(
      { description: 'Un chapô sans rapport.', text: 'Les modèles doivent entraîner leurs réseaux sur des photos.' },
      ['entrainer'],
    );
    expect(snippet.filter((part) => part.match).map((part) => part.text)).toEqual(['entraîner']);
    expect(snippet.map((part) => part.text).join('')).toBe('Les modèles doivent entraîner leurs réseaux sur des photos.');
  });

  it('marks cut ends with an ellipsis', () => {
    const text = `${'début '.repeat(40)}cible ${'fin '.repeat(40)}`.trim();
    const snippet = buildSnippet({ description: 'Chapô.', text }, ['cible']);
    expect(snippet[0]?.text).toBe('… ');
    expect(snippet.at(-1)?.text).toBe(' …');
    expect(snippet.find((part) => part.match)?.text).toBe('cible');
  });

  it('falls back to the standfirst when nothing matches', () => {
    expect(buildSnippet({ description: 'Le chapô.', text: 'Texte.' }, ['absent'])).toEqual([{ text: 'Le chapô.', match: false }]);
  });
});

describe('foldText', () => {
  it('strips accents and case without moving positions', () => {
    expect(foldText('Entraîner l’Été À Noël')).toBe('entrainer l’ete a noel');
    for (const text of ['œuvre', 'İstanbul', 'emoji 🎬 ok', 'ﬁn']) expect(foldText(text)).toHaveLength(text.length);
  });
});
