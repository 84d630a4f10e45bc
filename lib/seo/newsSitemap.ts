import type { Article } from '../content/article';
import { articlePath } from '../routes';
import { absoluteUrl, siteConfig } from '../siteConfig';
import { element } from './xml';

/** Google News reads only the last two days, and at most 1,000 URLs per news sitemap. */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;
export const NEWS_MAX_URLS = 1000;

/** Articles published in the two days before `now` (not after it), newest first. */
export function newsArticles(articles: readonly Article[], now: Date): Article[] {
  const since = now.getTime() - NEWS_WINDOW_MS;
  return articles
    .filter((article) => {
      const published = article.publishedAt.date.getTime();
      return published >= since && published <= now.getTime();
    })
    .sort((a, b) => b.publishedAt.date.getTime() - a.publishedAt.date.getTime())
    .slice(0, NEWS_MAX_URLS);
}

/** The Google News sitemap format: publication name and language, date with offset, title. */
export function renderNewsSitemap(articles: readonly Article[]): string {
  const publication = `<news:publication>${element('news:name', siteConfig.publisher.name)}${element('news:language', 'fr')}</news:publication>`;
  const urls = articles
    .map(
      (article) =>
        `<url>${element('loc', absoluteUrl(articlePath(article.slug)))}<news:news>${publication}` +
        `${element('news:publication_date', article.publishedAt.iso)}${element('news:title', article.title)}</news:news></url>\n`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n' +
    `${urls}</urlset>\n`
  );
}
