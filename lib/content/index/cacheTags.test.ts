import { describe, expect, it } from 'vitest';
import { buildArticle } from '../testing/buildArticle';
import { articlePageTags, feedTags, listingTags, listsOf } from './cacheTags';

const sikagz = { slug: 'sikagz', name: 'Sikagz', bio: 'Rédacteur.', sourcePath: 'content/authors/sikagz.md' };
const lea = { slug: 'lea-martin', name: 'Léa Martin', bio: 'Journaliste.', sourcePath: 'content/authors/lea-martin.md' };
const coSigned = buildArticle({ slug: 'a-deux', category: 'Tech', tags: ['IA', 'ia', 'Meta'], authors: [sikagz, lea] });
const alone = buildArticle({ slug: 'seul', category: 'Tech', authors: [lea] });

describe('cache tags of a co-signed article', () => {
  it('puts it in each author’s listing, and each tag once', () => {
    expect(listsOf(coSigned)).toStrictEqual(['home', 'section:tech', 'author:sikagz', 'author:lea-martin', 'tag:ia', 'tag:meta']);
  });

  it('ties its page, the listings and feeds showing it to each author, each tag named once', () => {
    expect(articlePageTags(coSigned, [alone])).toStrictEqual(['article:a-deux', 'person:sikagz', 'person:lea-martin', 'card:seul']);
    expect(listingTags('section:tech', [coSigned, alone])).toStrictEqual(['list:section:tech', 'card:a-deux', 'person:sikagz', 'person:lea-martin', 'card:seul']);
    expect(feedTags('author:lea-martin', [coSigned, alone])).toStrictEqual(['list:author:lea-martin', 'article:a-deux', 'person:sikagz', 'person:lea-martin', 'article:seul']);
  });
});

describe('cache tags of a part of a dossier', () => {
  const part = buildArticle({ slug: 'partie-2', category: 'Tech', authors: [lea], dossier: 'serie' });

  it('puts it in its dossier’s listing, and its page under that listing and its neighbours’ cards', () => {
    expect(listsOf(part)).toContain('dossier:serie');
    expect(articlePageTags(part, [], [{ slug: 'partie-1' }, { slug: 'partie-3' }])).toStrictEqual(['article:partie-2', 'person:lea-martin', 'list:dossier:serie', 'card:partie-1', 'card:partie-3']);
    expect(articlePageTags(alone, [], [])).toStrictEqual(['article:seul', 'person:lea-martin']);
  });
});
