import { describe, expect, it } from 'vitest';
import { buildArticle } from '../content/testing/buildArticle';
import { shareCardVersion } from './imageVersions';
import { absoluteUrl } from '../siteConfig';
import { articleMetadata, pageMetadata } from './pageMetadata';

const FEED_TYPES = ['application/rss+xml', 'application/atom+xml', 'application/feed+json'];

const section = pageMetadata({
  path: '/rubrique/tech',
  title: 'Tech',
  description: 'La rubrique tech.',
  feeds: [{ listingPath: '/rubrique/tech', title: 'kiosque — Tech' }],
});

const article = buildArticle({
  slug: 'meta-ia',
  category: 'Tech',
  tags: ['IA', 'Meta'],
  publishedAt: { date: new Date('2024-02-06T15:17:00Z'), iso: '2024-02-06T16:17:00+01:00' },
  updatedAt: { date: new Date('2024-07-14T08:30:00Z'), iso: '2024-07-14T10:30:00+02:00' },
});

/** The feed URLs a page links to for one media type, in order. */
function feedUrls(metadata: ReturnType<typeof pageMetadata>, type: string): string[] {
  const links = metadata.alternates?.types?.[type];
  if (!Array.isArray(links)) throw new Error(`no ${type} links`);
  return links.map((link) => String(link.url));
}

describe('pageMetadata', () => {
  it('gives the absolute canonical URL, also to Open Graph', () => {
    expect(section.alternates?.canonical).toBe(absoluteUrl('/rubrique/tech'));
    expect(section.openGraph).toMatchObject({ type: 'website', url: absoluteUrl('/rubrique/tech'), title: 'Tech', locale: 'fr_FR' });
  });

  it('lets search engines index the page with large image previews', () => {
    expect(section.robots).toMatchObject({ index: true, follow: true, 'max-image-preview': 'large' });
  });

  it('keeps the page out of indexes when asked, links still followed', () => {
    const search = pageMetadata({ path: '/recherche', title: 'Recherche', description: 'Chercher.', noindex: true });
    expect(search.robots).toEqual({ index: false, follow: true });
  });

  it('links the three feed formats, the site’s before the page’s own', () => {
    expect(Object.keys(section.alternates?.types ?? {})).toEqual(FEED_TYPES);
    expect(feedUrls(section, 'application/rss+xml')).toEqual([absoluteUrl('/rss.xml'), absoluteUrl('/rubrique/tech/rss.xml')]);
    expect(feedUrls(section, 'application/atom+xml')).toEqual([absoluteUrl('/atom.xml'), absoluteUrl('/rubrique/tech/atom.xml')]);
    expect(feedUrls(section, 'application/feed+json')).toEqual([absoluteUrl('/feed.json'), absoluteUrl('/rubrique/tech/feed.json')]);
    expect(section.alternates?.types?.['application/rss+xml']).toMatchObject([{ title: 'kiosque (RSS)' }, { title: 'kiosque — Tech (RSS)' }]);
  });

  it('links only the site’s feeds when the page has none of its own', () => {
    const home = pageMetadata({ path: '/', title: 'kiosque', description: 'Accueil.' });
    for (const type of FEED_TYPES) expect(feedUrls(home, type)).toHaveLength(1);
  });
});

describe('articleMetadata', () => {
  const metadata = articleMetadata(article);

  it('describes an Open Graph article with its dates as written, author, section and tags', () => {
    expect(metadata.alternates?.canonical).toBe(absoluteUrl('/article/meta-ia'));
    expect(metadata.openGraph).toMatchObject({
      type: 'article',
      url: absoluteUrl('/article/meta-ia'),
      publishedTime: '2024-02-06T16:17:00+01:00',
      modifiedTime: '2024-07-14T10:30:00+02:00',
      authors: [absoluteUrl('/auteur/sikagz')],
      section: 'Tech',
      tags: ['IA', 'Meta'],
    });
    expect(metadata.authors).toEqual([{ name: 'Sikagz', url: absoluteUrl('/auteur/sikagz') }]);
  });

  it('gives the publication time as modification time for an article never updated', () => {
    const fresh = articleMetadata(buildArticle({ slug: 'frais', publishedAt: article.publishedAt }));
    expect(fresh.openGraph).toMatchObject({ modifiedTime: '2024-02-06T16:17:00+01:00' });
  });

  it('shares the article’s own 1200×630 card, large on X too', () => {
    // Named by a version of what the card draws, so a social network fetches it again after a change.
    const card = { url: absoluteUrl(`/og/article/meta-ia.${shareCardVersion(article)}.png`), width: 1200, height: 630, type: 'image/png' };
    expect(metadata.openGraph?.images).toMatchObject([card]);
    expect(metadata.twitter).toMatchObject({ card: 'summary_large_image', images: [card] });
  });

  it('keeps a previewed scheduled article out of indexes, though it is no draft', () => {
    expect(articleMetadata(article, { preview: true }).robots).toEqual({ index: false, follow: true });
  });

  it('keeps a draft out of indexes', () => {
    expect(articleMetadata({ ...article, draft: true }).robots).toEqual({ index: false, follow: true });
    expect(metadata.robots).toMatchObject({ index: true, 'max-image-preview': 'large' });
  });

  it('gives one article:author, one author link and one pair of feeds per author', () => {
    const lea = { slug: 'lea-martin', name: 'Léa Martin', bio: 'Journaliste.', sourcePath: 'content/authors/lea-martin.md' };
    const coSigned = articleMetadata({ ...article, authors: [...article.authors, lea] });
    expect(coSigned.openGraph).toMatchObject({ authors: [absoluteUrl('/auteur/sikagz'), absoluteUrl('/auteur/lea-martin')] });
    expect(coSigned.authors).toEqual([
      { name: 'Sikagz', url: absoluteUrl('/auteur/sikagz') },
      { name: 'Léa Martin', url: absoluteUrl('/auteur/lea-martin') },
    ]);
    expect(feedUrls(coSigned, 'application/rss+xml')).toEqual([
      absoluteUrl('/rss.xml'),
      absoluteUrl('/rubrique/tech/rss.xml'),
      absoluteUrl('/auteur/sikagz/rss.xml'),
      absoluteUrl('/auteur/lea-martin/rss.xml'),
    ]);
  });

  it('links the site’s, the section’s and the author’s feeds', () => {
    expect(feedUrls(metadata, 'application/atom+xml')).toEqual([
      absoluteUrl('/atom.xml'),
      absoluteUrl('/rubrique/tech/atom.xml'),
      absoluteUrl('/auteur/sikagz/atom.xml'),
    ]);
  });
});
