import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  articleImagePath,
  CACHED_ROUTE_HANDLERS,
  articlePath,
  authorPath,
  decodePathSegment,
  feedPath,
  homePath,
  searchPath,
  sectionPath,
  shareImagePath,
  sitemapFileIndex,
  sitemapFilePath,
  splitVersionedFile,
  tagPath,
} from './routes';

describe('routes', () => {
  it('slugs section and tag names without accents', () => {
    expect(sectionPath('Actualité')).toBe('/rubrique/actualite');
    expect(sectionPath('Culture et société', 3)).toBe('/rubrique/culture-et-societe/page/3');
    expect(tagPath('Élections')).toBe('/tag/elections');
  });

  it('gives the newest articles the bare address, and each archive page (1 the oldest) its own', () => {
    expect(homePath()).toBe('/');
    expect(homePath(1)).toBe('/page/1');
    expect(homePath(2)).toBe('/page/2');
    expect(authorPath('sikagz')).toBe('/auteur/sikagz');
    expect(authorPath('sikagz', 1)).toBe('/auteur/sikagz/page/1');
    expect(articlePath('un-article')).toBe('/article/un-article');
  });

  it('encodes search queries', () => {
    expect(searchPath('l’été & <b>')).toBe('/recherche?q=l%E2%80%99%C3%A9t%C3%A9+%26+%3Cb%3E');
    expect(searchPath('ia', 2)).toBe('/recherche?q=ia&page=2');
  });

  it('puts each feed beside the listing it follows', () => {
    expect(feedPath('', 'rss')).toBe('/rss.xml');
    expect(feedPath('/', 'json')).toBe('/feed.json');
    expect(feedPath(sectionPath('Tech'), 'atom')).toBe('/rubrique/tech/atom.xml');
    expect(feedPath('/auteur/sikagz/', 'json')).toBe('/auteur/sikagz/feed.json');
  });

  it('addresses an article’s image crops and share cards, and the site’s', () => {
    expect(articleImagePath('un-article', '16x9', '0123456789ab')).toBe('/article/un-article/image/16x9.0123456789ab.jpg');
    expect(articleImagePath('un-article', '1x1', '0123456789ab')).toBe('/article/un-article/image/1x1.0123456789ab.jpg');
    expect(shareImagePath({ slug: 'un-article', version: '0123456789ab' })).toBe('/og/article/un-article.0123456789ab.png');
    expect(shareImagePath()).toBe('/og/site.png');
  });

  it('reads a versioned file name back, and a name without version', () => {
    expect(splitVersionedFile('16x9.0123456789ab.jpg', 'jpg')).toStrictEqual({ name: '16x9', version: '0123456789ab' });
    expect(splitVersionedFile('un-article.png', 'png')).toStrictEqual({ name: 'un-article' });
    expect(splitVersionedFile('un-article.0123.png', 'png')).toBeUndefined();
    expect(splitVersionedFile('../x.0123456789ab.jpg', 'jpg')).toBeUndefined();
    expect(splitVersionedFile('16x9.0123456789ab.png', 'jpg')).toBeUndefined();
  });
});

describe('decodePathSegment', () => {
  it('decodes what Next leaves percent-encoded, and keeps what does not decode', () => {
    expect(decodePathSegment('intelligence%20artificielle')).toBe('intelligence artificielle');
    expect(decodePathSegment('z%C3%A9phyr')).toBe('zéphyr');
    expect(decodePathSegment('zéphyr')).toBe('zéphyr');
    expect(decodePathSegment('%E0%A4%A')).toBe('%E0%A4%A');
  });
});

describe('sitemap files', () => {
  it('name each file once, from 1, and read back only that name', () => {
    expect(sitemapFilePath(0)).toBe('/sitemaps/1.xml');
    expect(sitemapFilePath(11)).toBe('/sitemaps/12.xml');
    for (const index of [0, 1, 11, 999]) expect(sitemapFileIndex(sitemapFilePath(index).split('/').pop() ?? '')).toBe(index);
    for (const name of ['01.xml', '001.xml', '0.xml', '+1.xml', '1.XML', '1.xml.gz', '1e3.xml', ' 1.xml', '1234567.xml'])
      expect(sitemapFileIndex(name), name).toBeUndefined();
  });
});

describe('CACHED_ROUTE_HANDLERS against app/', () => {
  it('names exactly the route handlers of app/ whose answers Next caches (force-static or a revalidate)', () => {
    const handlers = readdirSync('app', { recursive: true, encoding: 'utf8' })
      .map((file) => file.split(path.sep).join('/'))
      .filter((file) => /(^|\/)route\.tsx?$/.test(file));
    const cached = handlers.filter((file) => {
      const source = readFileSync(path.join('app', file), 'utf8');
      return !/export const dynamic = 'force-dynamic'/.test(source) && /export const (dynamic = 'force-static'|revalidate = )/.test(source);
    });
    expect(handlers.length).toBeGreaterThan(cached.length);
    const routes = cached.map((file) => `/${path.posix.dirname(file)}`.replace(/\/\([^)]+\)/g, ''));
    expect([...routes].sort()).toStrictEqual([...CACHED_ROUTE_HANDLERS].sort());
  });
});
