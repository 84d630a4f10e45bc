import { expect, test, type APIRequestContext } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { foldSpaces, siteFacts } from './contentFacts';

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'sitemap'].includes(name), parseTagValue: false });

async function fetchXml(request: APIRequestContext, path: string): Promise<Record<string, unknown>> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()['content-type']).toContain('xml');
  const text = await response.text();
  expect(XMLValidator.validate(text), `${path} is well-formed XML`).toBe(true);
  return parser.parse(text) as Record<string, unknown>;
}

interface UrlEntry {
  loc: string;
  lastmod?: string;
  'news:news'?: {
    'news:publication': { 'news:name': string; 'news:language': string };
    'news:publication_date': string;
    'news:title': string;
  };
}

/** The URLs of /sitemap.xml, following the index when there is one. */
async function sitemapUrls(request: APIRequestContext): Promise<UrlEntry[]> {
  const root = await fetchXml(request, '/sitemap.xml');
  if ('urlset' in root) return (root.urlset as { url: UrlEntry[] }).url;
  const index = root.sitemapindex as { sitemap: { loc: string }[] };
  const files = await Promise.all(index.sitemap.map((sitemap) => fetchXml(request, sitemap.loc)));
  return files.flatMap((file) => (file.urlset as { url: UrlEntry[] }).url);
}

test('the sitemap lists every public article with its last change, and every URL in it answers 200', async ({ request }) => {
  test.setTimeout(120_000);
  const { baseUrl, articles, published } = siteFacts();
  const urls = await sitemapUrls(request);
  const byLoc = new Map(urls.map((url) => [url.loc, url]));
  expect(byLoc.size, 'no URL twice').toBe(urls.length);

  for (const article of published) {
    const entry = byLoc.get(`${baseUrl}/article/${article.slug}`);
    expect(entry, article.slug).toBeDefined();
    expect(entry?.lastmod, article.slug).toBe(article.modified);
  }
  for (const draft of articles.filter((article) => article.draft)) expect(byLoc.has(`${baseUrl}/article/${draft.slug}`)).toBe(false);
  expect(byLoc.has(`${baseUrl}/`)).toBe(true);
  const kinds = new Set(urls.map((url) => new URL(url.loc).pathname.split('/')[1]));
  for (const kind of ['article', 'rubrique', 'tag', 'auteur']) expect(kinds, kind).toContain(kind);

  for (const { loc } of urls) {
    expect(loc.startsWith(`${baseUrl}/`), loc).toBe(true);
    expect((await request.get(loc)).status(), loc).toBe(200);
  }
});

test('the news sitemap holds exactly the articles of the last two days, in the Google News format', async ({ request }) => {
  const { baseUrl, published } = siteFacts();
  const root = await fetchXml(request, '/news-sitemap.xml');
  const urlset = root.urlset as { url?: UrlEntry[]; '@_xmlns:news': string };
  expect(urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
  const urls = urlset.url ?? [];

  const now = Date.now();
  const twoDays = 2 * 24 * 3_600_000;
  // A margin of a few minutes either side of the window: the file may be up to five minutes old.
  const surelyIn = published.filter((article) => article.publishedMs <= now && now - article.publishedMs < twoDays - 10 * 60_000);
  const surelyOut = published.filter((article) => now - article.publishedMs > twoDays + 10 * 60_000);
  const listed = new Set(urls.map((url) => url.loc));
  for (const article of surelyIn) expect(listed, article.slug).toContain(`${baseUrl}/article/${article.slug}`);
  for (const article of surelyOut) expect(listed, article.slug).not.toContain(`${baseUrl}/article/${article.slug}`);
  expect(urls.length).toBeLessThanOrEqual(1000);

  const bySlug = new Map(published.map((article) => [`${baseUrl}/article/${article.slug}`, article]));
  for (const url of urls) {
    const article = bySlug.get(url.loc);
    expect(article, url.loc).toBeDefined();
    const news = url['news:news'];
    expect(news?.['news:publication']).toEqual({ 'news:name': 'kiosque', 'news:language': 'fr' });
    expect(news?.['news:publication_date']).toBe(article?.published);
    expect(foldSpaces(news?.['news:title'] ?? '')).toBe(foldSpaces(article?.title ?? ''));
    expect((await request.get(url.loc)).status()).toBe(200);
  }
});

test('robots.txt lets crawlers in and names both sitemaps', async ({ request }) => {
  const { baseUrl } = siteFacts();
  const response = await request.get('/robots.txt');
  expect(response.status()).toBe(200);
  const lines = (await response.text()).split('\n').map((line) => line.trim());
  expect(lines).toContain('User-Agent: *');
  expect(lines).toContain('Allow: /');
  expect(lines).toContain(`Sitemap: ${baseUrl}/sitemap.xml`);
  expect(lines).toContain(`Sitemap: ${baseUrl}/news-sitemap.xml`);
});
