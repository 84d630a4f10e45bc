import { describe, expect, it } from 'vitest';
import type { Article, Author, Dossier } from '../article';
import { invalidatedTags, readPublicSummary, summarizePublicState, tagsBetween, type PublicState } from './invalidation';
import { selectPublic } from './publication';
import { buildArticle, newestFirst } from '../testing/buildArticle';

const sikagz: Author = { slug: 'sikagz', name: 'Sikagz', bio: 'Rédacteur.', sourcePath: 'content/authors/sikagz.md' };
const lea: Author = { slug: 'lea-martin', name: 'Léa Martin', bio: 'Journaliste tech.', sourcePath: 'content/authors/lea-martin.md' };

const meta = buildArticle({ slug: 'meta', day: 6, category: 'Tech', tags: ['IA', 'Meta'], authors: [sikagz] });
const cinema = buildArticle({ slug: 'cinema', day: 5, category: 'Cinéma', tags: ['Cannes'], authors: [lea] });
const sport = buildArticle({ slug: 'sport', day: 4, category: 'Sport', tags: [], authors: [lea] });
const tech = buildArticle({ slug: 'tech', day: 3, category: 'Tech', tags: ['IA'], authors: [lea] });

function state(articles: Article[], options: { authors?: Author[]; dossiers?: Dossier[]; redirects?: Array<[string, string]> } = {}): PublicState {
  return {
    articles: newestFirst(articles),
    authors: new Map((options.authors ?? [sikagz, lea]).map((author) => [author.slug, author])),
    dossiers: new Map((options.dossiers ?? []).map((dossier) => [dossier.slug, dossier])),
    redirects: new Map(options.redirects ?? []),
  };
}

const base = state([meta, cinema, sport, tech]);
const edited = (article: Article, changes: Partial<Article>): Article => ({ ...article, ...changes, revision: `${article.revision}-edited` });
const withArticle = (replacement: Article) => state([meta, cinema, sport, tech].map((article) => (article.slug === replacement.slug ? replacement : article)));

describe('invalidatedTags', () => {
  it('is empty when nothing readers see changed', () => {
    expect(invalidatedTags(base, state([tech, sport, cinema, meta]))).toEqual([]);
  });

  it('a body edit: the article, the sitemaps and search, no listing', () => {
    expect(invalidatedTags(base, withArticle(edited(cinema, {})))).toEqual(['article:cinema', 'search', 'sitemap']);
  });

  it('a new title: also every page that shows its card, but no listing order', () => {
    expect(invalidatedTags(base, withArticle(edited(cinema, { title: 'Nouveau titre' })))).toEqual(['article:cinema', 'card:cinema', 'search', 'sitemap']);
  });

  it('tags added and removed: the listings it joins and leaves, not those it stays in (cards show no tags)', () => {
    const retagged = edited(meta, { tags: ['IA', 'Vie privée'] });
    expect(invalidatedTags(base, withArticle(retagged))).toEqual(['article:meta', 'list:tag:meta', 'list:tag:meta:archive', 'list:tag:vie-privee', 'list:tag:vie-privee:archive', 'search', 'sitemap']);
  });

  it('a section change: both sections, and the header when the sections it lists change', () => {
    const moved = edited(sport, { category: 'Cinéma' });
    expect(invalidatedTags(base, withArticle(moved))).toEqual(['article:sport', 'card:sport', 'list:section:cinema', 'list:section:cinema:archive', 'list:section:sport', 'list:section:sport:archive', 'search', 'sections', 'sitemap']);
  });

  it('an author change: both authors’ pages', () => {
    const resigned = edited(tech, { authors: [sikagz] });
    expect(invalidatedTags(base, withArticle(resigned))).toEqual(['article:tech', 'card:tech', 'list:author:lea-martin', 'list:author:lea-martin:archive', 'list:author:sikagz', 'list:author:sikagz:archive', 'search', 'sitemap']);
  });

  it('an author’s new bio: every page naming them, nothing else', () => {
    const after = state([meta, cinema, sport, tech], { authors: [sikagz, { ...lea, bio: 'Autre bio.' }] });
    expect(invalidatedTags(base, after)).toEqual(['person:lea-martin']);
  });

  it('an article joining a dossier: its listing, which every part’s page carries for « partie 2 sur 4 »', () => {
    const serie: Dossier = { slug: 'serie', title: 'Série', description: 'Une série.', intro: '', sourcePath: 'content/dossiers/serie.md' };
    const inDossier = state([meta, cinema, sport, tech], { dossiers: [serie] });
    expect(invalidatedTags(inDossier, state([meta, edited(cinema, { dossier: 'serie' }), sport, tech], { dossiers: [serie] }))).toEqual(['article:cinema', 'list:dossier:serie', 'list:dossier:serie:archive', 'search', 'sitemap']);
  });

  it('a dossier’s new title: its listing and archive (its page, its feeds, every part), nothing else', () => {
    const serie: Dossier = { slug: 'serie', title: 'Série', description: 'Une série.', intro: '', sourcePath: 'content/dossiers/serie.md' };
    const parts = [meta, edited(cinema, { dossier: 'serie' }), sport, tech];
    expect(invalidatedTags(state(parts, { dossiers: [serie] }), state(parts, { dossiers: [{ ...serie, title: 'Série, saison 2' }] }))).toEqual(['list:dossier:serie', 'list:dossier:serie:archive']);
  });

  it('a deletion: its page, its card, every listing it was in, the header whose order of sections it changes', () => {
    expect(invalidatedTags(base, state([meta, cinema, sport]))).toEqual([
      'article:tech',
      'card:tech',
      'list:author:lea-martin', 'list:author:lea-martin:archive',
      'list:home', 'list:home:archive',
      'list:section:tech', 'list:section:tech:archive',
      'list:tag:ia', 'list:tag:ia:archive',
      'search',
      'sections',
      'sitemap',
    ]);
  });

  it('a new date moves the article in every listing it is in', () => {
    const redated = edited(sport, { publishedAt: { iso: '2024-01-09T12:00:00.000Z', date: new Date('2024-01-09T12:00:00Z') } });
    expect(invalidatedTags(base, withArticle(redated))).toEqual(['article:sport', 'card:sport', 'list:author:lea-martin', 'list:author:lea-martin:archive', 'list:home', 'list:home:archive', 'list:section:sport', 'list:section:sport:archive', 'search', 'sitemap']);
  });

  it('a schedule coming due is a publication, with no edit', () => {
    const scheduled = buildArticle({ slug: 'plus-tard', category: 'Sport', tags: ['JO'], authors: [sikagz], publishedAt: { iso: '2024-02-01T09:00:00+01:00', date: new Date('2024-02-01T08:00:00Z') } });
    const all = newestFirst([meta, cinema, sport, tech, scheduled]);
    const authors = new Map([sikagz, lea].map((author) => [author.slug, author]));
    const at = (instant: string): PublicState => ({ articles: selectPublic(all, new Date(instant)).articles, authors, dossiers: new Map(), redirects: new Map() });
    expect(invalidatedTags(at('2024-02-01T07:59:00Z'), at('2024-02-01T07:59:30Z'))).toEqual([]);
    expect(invalidatedTags(at('2024-02-01T07:59:00Z'), at('2024-02-01T08:00:00Z'))).toEqual([
      'article:plus-tard',
      'card:plus-tard',
      'list:author:sikagz', 'list:author:sikagz:archive',
      'list:home', 'list:home:archive',
      'list:section:sport', 'list:section:sport:archive',
      'list:tag:jo', 'list:tag:jo:archive',
      'search',
      'sections',
      'sitemap',
    ]);
  });

  it('a redirect added: the old address, which now leads somewhere', () => {
    const renamed = edited(cinema, { redirectFrom: ['ancien-cinema'] });
    const after = { ...withArticle(renamed), redirects: new Map([['ancien-cinema', 'cinema']]) };
    expect(invalidatedTags(base, after)).toEqual(['article:ancien-cinema', 'article:cinema', 'search', 'sitemap']);
  });

  it('a coverage started, given an end or ended by an edit: the page and the card, which shows « En direct »', () => {
    const until = { date: new Date('2024-01-05T20:00:00Z'), iso: '2024-01-05T21:00:00+01:00' };
    const live = edited(cinema, { live: { entries: [] } });
    expect(invalidatedTags(base, withArticle(live))).toEqual(['article:cinema', 'card:cinema', 'search', 'sitemap']);
    expect(invalidatedTags(withArticle(live), withArticle(edited(live, { live: { until, entries: [] } })))).toContain('card:cinema');
    expect(invalidatedTags(withArticle(live), withArticle(edited(cinema, {})))).toContain('card:cinema');
  });

  it('a replaced photo: the page and the card (its hash is in every URL made from it)', () => {
    const rephotographed = { ...cinema, image: { ...cinema.image, hash: 'fedcba9876543210' } };
    expect(invalidatedTags(base, withArticle(rephotographed))).toEqual(['article:cinema', 'card:cinema', 'search', 'sitemap']);
  });
});

describe('public summaries', () => {
  it('survive JSON: the build’s summary, read back by a server, gives the same tags as the states themselves', () => {
    const after = state([meta, edited(cinema, { title: 'Nouveau titre' }), sport]);
    const stored = readPublicSummary(JSON.parse(JSON.stringify(summarizePublicState(base))));
    expect(stored).toBeDefined();
    expect(tagsBetween(stored!, summarizePublicState(after))).toEqual(invalidatedTags(base, after));
    expect(tagsBetween(stored!, summarizePublicState(base))).toEqual([]);
  });

  it('a file of another shape is refused rather than trusted', () => {
    const good = JSON.parse(JSON.stringify(summarizePublicState(base))) as Record<string, unknown>;
    expect(readPublicSummary(null)).toBeUndefined();
    expect(readPublicSummary([])).toBeUndefined();
    expect(readPublicSummary({ ...good, sections: 3 })).toBeUndefined();
    expect(readPublicSummary({ ...good, articles: { meta: { page: 'x' } } })).toBeUndefined();
    expect(readPublicSummary({ ...good, authors: { sikagz: 1 } })).toBeUndefined();
  });

  it('a slug named like an object property is an article like any other', () => {
    const odd = buildArticle({ slug: 'constructor', day: 7 });
    expect(invalidatedTags(base, state([meta, cinema, sport, tech, odd]))).toContain('article:constructor');
    expect(invalidatedTags(state([meta, cinema, sport, tech, odd]), state([meta, cinema, sport, tech, odd]))).toEqual([]);
  });
});
