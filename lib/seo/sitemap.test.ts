import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Author } from '../content/article';
import { buildArticle, newestFirst } from '../content/testing/buildArticle';
import { absoluteUrl } from '../siteConfig';
import { newestLastmod, renderSitemapIndex, renderUrlset, sitemapEntries, splitSitemap, type SitemapEntry } from './sitemap';

const parser = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'url' || name === 'sitemap' });

interface Urlset {
  urlset: { url?: { loc: string; lastmod?: string }[] };
}

interface SitemapIndex {
  sitemapindex: { sitemap: { loc: string; lastmod?: string }[] };
}

const sikagz: Author = { slug: 'sikagz', name: 'Sikagz', bio: 'Rédacteur.', sourcePath: 'content/authors/sikagz.md' };
const claire: Author = { slug: 'claire', name: 'Claire', bio: 'Critique.', sourcePath: 'content/authors/claire.md' };
const silent: Author = { slug: 'muet', name: 'Muet', bio: 'N’a rien signé.', sourcePath: 'content/authors/muet.md' };

const articles = newestFirst([
  // Oldest, but updated last of all: it sets the site's lastmod.
  buildArticle({
    slug: 'ancien',
    category: 'Tech',
    tags: ['IA'],
    publishedAt: { date: new Date('2024-02-06T15:17:00Z'), iso: '2024-02-06T16:17:00+01:00' },
    updatedAt: { date: new Date('2024-07-14T08:30:00Z'), iso: '2024-07-14T10:30:00+02:00' },
  }),
  buildArticle({
    slug: 'recent',
    category: 'Cinéma',
    tags: ['IA', 'Cannes'],
    authors: [claire],
    publishedAt: { date: new Date('2024-05-20T18:00:00Z'), iso: '2024-05-20T20:00:00+02:00' },
  }),
]);

const entries = sitemapEntries(articles, [sikagz, claire, silent]);
const lastmodOf = (path: string) => entries.find((entry) => entry.loc === absoluteUrl(path))?.lastmod;

function manyEntries(count: number): SitemapEntry[] {
  return Array.from({ length: count }, (_, index) => ({ loc: absoluteUrl(`/article/article-${index}`), lastmod: '2024-02-06T16:17:00+01:00' }));
}

describe('sitemapEntries', () => {
  it('lists the front page, every article, section and tag, and the authors who signed something', () => {
    expect(entries.map((entry) => entry.loc).sort()).toEqual(
      ['/', '/article/recent', '/article/ancien', '/rubrique/cinema', '/rubrique/tech', '/tag/ia', '/tag/cannes', '/auteur/sikagz', '/auteur/claire']
        .map(absoluteUrl)
        .sort(),
    );
  });

  it('dates each page by its newest change, with the offset as written', () => {
    expect(lastmodOf('/')).toBe('2024-07-14T10:30:00+02:00');
    expect(lastmodOf('/article/ancien')).toBe('2024-07-14T10:30:00+02:00');
    expect(lastmodOf('/article/recent')).toBe('2024-05-20T20:00:00+02:00');
    expect(lastmodOf('/rubrique/cinema')).toBe('2024-05-20T20:00:00+02:00');
    expect(lastmodOf('/tag/ia')).toBe('2024-07-14T10:30:00+02:00');
    expect(lastmodOf('/tag/cannes')).toBe('2024-05-20T20:00:00+02:00');
    expect(lastmodOf('/auteur/claire')).toBe('2024-05-20T20:00:00+02:00');
  });

  it('lists each dossier some article names, dated by its newest part, and no other', () => {
    const parts = articles.map((article) => (article.slug === 'recent' ? { ...article, dossier: 'serie' } : article));
    const dossier = (slug: string) => ({ slug, title: slug, description: 'Une série.', intro: '', sourcePath: `content/dossiers/${slug}.md` });
    const withDossiers = sitemapEntries(
      parts,
      [],
      new Map([
        ['serie', dossier('serie')],
        ['vide', dossier('vide')],
      ]),
    );
    expect(withDossiers.filter((entry) => entry.loc.includes('/dossier/'))).toStrictEqual([
      { loc: absoluteUrl('/dossier/serie'), lastmod: '2024-05-20T20:00:00+02:00' },
    ]);
  });
});

describe('renderUrlset', () => {
  it('writes valid XML that reads back to the same URLs, ampersands escaped', () => {
    const withQuery: SitemapEntry[] = [...entries, { loc: absoluteUrl('/recherche?q=a&page=2') }];
    const xml = renderUrlset(withQuery);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('/recherche?q=a&amp;page=2</loc>');
    const urls = (parser.parse(xml) as Urlset).urlset.url ?? [];
    expect(urls.map((url) => url.loc)).toEqual(withQuery.map((entry) => entry.loc));
    expect(urls.map((url) => url.lastmod)).toEqual(withQuery.map((entry) => entry.lastmod));
  });
});

describe('renderSitemapIndex', () => {
  it('writes a valid index that reads back to the same files and dates', () => {
    const files: SitemapEntry[] = [
      { loc: absoluteUrl('/sitemaps/0.xml'), lastmod: '2024-07-14T10:30:00+02:00' },
      { loc: absoluteUrl('/sitemaps/1.xml?v=1&x=2') },
    ];
    const xml = renderSitemapIndex(files);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toMatch(/&(?!amp;)/);
    const sitemaps = (parser.parse(xml) as SitemapIndex).sitemapindex.sitemap;
    expect(sitemaps).toEqual([{ loc: files[0]?.loc, lastmod: files[0]?.lastmod }, { loc: files[1]?.loc }]);
  });
});

describe('splitSitemap', () => {
  it('starts a new file when the URL limit is reached, keeping the order', () => {
    const all = manyEntries(7);
    const files = splitSitemap(all, { urls: 3, bytes: 10_000 });
    expect(files.map((file) => file.length)).toEqual([3, 3, 1]);
    expect(files.flat()).toEqual(all);
  });

  it('starts a new file before one would outgrow the byte limit', () => {
    const all = manyEntries(20);
    const limit = Math.floor(Buffer.byteLength(renderUrlset(all)) / 3);
    const files = splitSitemap(all, { urls: 1000, bytes: limit });
    expect(files.length).toBeGreaterThan(3);
    expect(files.flat()).toEqual(all);
    for (const file of files) {
      expect(file.length).toBeGreaterThan(0);
      expect(Buffer.byteLength(renderUrlset(file))).toBeLessThanOrEqual(limit);
    }
    // Files are filled: the first entry of the next file would not have fitted.
    for (const [index, file] of files.slice(0, -1).entries()) {
      const withNext = [...file, ...(files[index + 1] ?? []).slice(0, 1)];
      expect(Buffer.byteLength(renderUrlset(withNext))).toBeGreaterThan(limit);
    }
  });

  it('returns one empty file rather than none, so the index still lists a valid sitemap', () => {
    const files = splitSitemap([]);
    expect(files).toEqual([[]]);
    expect(XMLValidator.validate(renderUrlset(files[0] ?? []))).toBe(true);
  });
});

describe('newestLastmod', () => {
  it('compares instants, not strings, and returns the date as written', () => {
    // 16:17+01:00 is 15:17 UTC, earlier than 15:30Z though it sorts after it as text.
    const dates = [{ loc: 'a', lastmod: '2024-02-06T16:17:00+01:00' }, { loc: 'b', lastmod: '2024-02-06T15:30:00Z' }, { loc: 'c' }];
    expect(newestLastmod(dates)).toBe('2024-02-06T15:30:00Z');
  });

  it('is undefined when no entry has a date', () => {
    expect(newestLastmod([{ loc: 'a' }])).toBeUndefined();
    expect(newestLastmod([])).toBeUndefined();
  });
});
