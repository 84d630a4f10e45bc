import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Article } from '../content/article';
import { buildArticle } from '../content/testing/buildArticle';
import { absoluteUrl } from '../siteConfig';
import { NEWS_MAX_URLS, newsArticles, renderNewsSitemap } from './newsSitemap';

const HOUR = 60 * 60 * 1000;
const now = new Date('2024-02-06T15:17:00Z');

/** An article published `hours` before `now` (after it when negative). */
function publishedHoursAgo(slug: string, hours: number): Article {
  const date = new Date(now.getTime() - hours * HOUR);
  return buildArticle({ slug, publishedAt: { date, iso: date.toISOString() } });
}

interface NewsUrlset {
  urlset: {
    url: {
      loc: string;
      'news:news': {
        'news:publication': { 'news:name': string; 'news:language': string };
        'news:publication_date': string;
        'news:title': string;
      };
    }[];
  };
}

const parser = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'url' });

describe('newsArticles', () => {
  it('keeps the articles of the last 48 hours, none from the future, newest first', () => {
    const articles = [
      publishedHoursAgo('hier', 24),
      publishedHoursAgo('limite', 48),
      publishedHoursAgo('trop-vieux', 48.01),
      publishedHoursAgo('futur', -1),
      publishedHoursAgo('maintenant', 0),
      publishedHoursAgo('ce-matin', 2),
    ];
    expect(newsArticles(articles, now).map((article) => article.slug)).toEqual(['maintenant', 'ce-matin', 'hier', 'limite']);
  });

  it('keeps at most 1,000 articles, the newest', () => {
    const articles = Array.from({ length: NEWS_MAX_URLS + 1 }, (_, index) => publishedHoursAgo(`article-${index}`, index / 60)).reverse();
    const kept = newsArticles(articles, now);
    expect(kept).toHaveLength(NEWS_MAX_URLS);
    expect(kept[0]?.slug).toBe('article-0');
    expect(kept.map((article) => article.slug)).not.toContain(`article-${NEWS_MAX_URLS}`);
  });
});

describe('renderNewsSitemap', () => {
  const article = buildArticle({
    slug: 'meta-ia',
    title: 'Meta & l’IA : <b>« non »</b>',
    publishedAt: { date: new Date('2024-02-06T15:17:00Z'), iso: '2024-02-06T16:17:00+01:00' },
  });
  const xml = renderNewsSitemap([article]);

  it('writes valid XML naming the publication, its language and the date as written', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const [url] = (parser.parse(xml) as NewsUrlset).urlset.url;
    expect(url?.loc).toBe(absoluteUrl('/article/meta-ia'));
    expect(url?.['news:news']['news:publication']).toEqual({ 'news:name': 'kiosque', 'news:language': 'fr' });
    expect(url?.['news:news']['news:publication_date']).toBe('2024-02-06T16:17:00+01:00');
  });

  it('escapes the title so it reads back unchanged', () => {
    expect(xml).toContain('<news:title>Meta &amp; l’IA : &lt;b&gt;« non »&lt;/b&gt;</news:title>');
    const [url] = (parser.parse(xml) as NewsUrlset).urlset.url;
    expect(url?.['news:news']['news:title']).toBe(article.title);
  });

  it('stays valid with no recent article', () => {
    expect(XMLValidator.validate(renderNewsSitemap([]))).toBe(true);
  });
});
