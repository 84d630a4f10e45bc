import { describe, expect, it } from 'vitest';
import { buildArticle, newestFirst } from '../testing/buildArticle';
import { groupByAuthor, groupBySection, groupByTag, sortTermsBySize } from './taxonomy';

const articles = newestFirst([
  buildArticle({ slug: 'a', day: 1, category: 'Actualité', tags: ['IA', 'Meta'] }),
  buildArticle({ slug: 'b', day: 2, category: 'actualite', tags: ['ia'] }),
  buildArticle({ slug: 'c', day: 3, category: 'Cinéma', tags: ['Festival de Cannes', 'IA', 'I.A.'] }),
]);

describe('groupBySection', () => {
  it('files articles under accent-free slugs, merging names that slug alike, newest first', () => {
    const sections = groupBySection(articles);
    expect([...sections.keys()].sort()).toEqual(['actualite', 'cinema']);
    expect(sections.get('actualite')?.articles.map((article) => article.slug)).toEqual(['b', 'a']);
    // The name is the one the newest article wrote.
    expect(sections.get('actualite')?.name).toBe('actualite');
    expect(sections.get('cinema')?.name).toBe('Cinéma');
  });

  it('computes once per list of articles', () => {
    expect(groupBySection(articles)).toBe(groupBySection(articles));
  });
});

describe('groupByTag', () => {
  it('counts an article once per tag even when two of its tags slug alike', () => {
    const tags = groupByTag(articles);
    expect(tags.get('ia')?.articles.map((article) => article.slug)).toEqual(['c', 'b', 'a']);
    expect(tags.get('festival-de-cannes')?.name).toBe('Festival de Cannes');
    expect(tags.get('i-a')?.articles).toHaveLength(1);
  });
});

describe('groupByAuthor', () => {
  it('lists each author’s articles newest first, once per list of articles', () => {
    const other = { slug: 'lea-martin', name: 'Léa Martin', bio: 'Journaliste.', sourcePath: 'content/authors/lea-martin.md' };
    const mixed = newestFirst([...articles, buildArticle({ slug: 'd', day: 4, authors: [other] })]);
    const byAuthor = groupByAuthor(mixed);
    expect(byAuthor.get('sikagz')?.map((article) => article.slug)).toEqual(['c', 'b', 'a']);
    expect(byAuthor.get('lea-martin')?.map((article) => article.slug)).toEqual(['d']);
    expect(byAuthor.has('inconnu')).toBe(false);
    expect(groupByAuthor(mixed)).toBe(byAuthor);
  });
});

describe('sortTermsBySize', () => {
  it('puts the largest first, then French alphabetical order', () => {
    const sorted = sortTermsBySize(groupByTag(articles).values()).map((term) => term.slug);
    expect(sorted[0]).toBe('ia');
    expect(sorted.slice(1)).toEqual(['festival-de-cannes', 'i-a', 'meta']);
  });
});
