import { expect, test } from '@playwright/test';
import { siteFacts, slugOf } from './contentFacts';

/** `s-maxage=86400, stale-while-revalidate=518400` → its two numbers. */
function sharedCacheWindow(header: string | undefined): { maxAge: number; staleWhileRevalidate: number } | undefined {
  const match = /^s-maxage=(\d+), stale-while-revalidate=(\d+)$/.exec(header ?? '');
  return match ? { maxAge: Number(match[1]), staleWhileRevalidate: Number(match[2]) } : undefined;
}

test('cached pages, feeds and sitemaps tell a CDN how long to keep them, and how long it may serve them stale', async ({ request }) => {
  const [article] = siteFacts().published;
  if (!article) throw new Error('no article');
  const urls = [
    '/',
    `/article/${article.slug}`,
    `/rubrique/${slugOf(article.category)}`,
    `/auteur/${article.author}`,
    '/recherche?q=ia',
    '/rss.xml',
    '/feed.json',
    '/sitemap.xml',
    '/news-sitemap.xml',
  ];
  for (const url of urls) {
    const window = sharedCacheWindow((await request.get(url)).headers()['cache-control']);
    expect(window, url).toBeDefined();
    // Fresh for at most the site's safety net (a day: changes are purged by tag sooner); stale, while it revalidates, for at most a week.
    expect(window?.maxAge, url).toBeLessThanOrEqual(86_400);
    expect((window?.maxAge ?? 0) + (window?.staleWhileRevalidate ?? Infinity), url).toBeLessThanOrEqual(604_800);
  }
});

test('hashed assets are immutable; not-found pages, search without a query and the API are never stored', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const script = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(script).toBeDefined();
  expect((await request.get(script ?? '')).headers()['cache-control']).toBe('public, max-age=31536000, immutable');

  for (const url of ['/page-qui-n-existe-pas', '/recherche']) {
    const header = (await request.get(url)).headers()['cache-control'] ?? '';
    expect(header, url).toContain('private');
    expect(header, url).toContain('no-store');
  }
  const api = [
    await request.post('/api/revalidate'),
    await request.get('/api/draft?secret=faux&slug=x'),
    await request.get('/api/draft/disable', { maxRedirects: 0 }),
  ];
  for (const response of api) expect(response.headers()['cache-control'], response.url()).toBe('private, no-store');
});

test('cached responses carry their cache tags for a CDN to purge by, on the first answer and on hits', async ({ request }) => {
  const [article] = siteFacts().published;
  if (!article) throw new Error('no article');
  const expected: Array<[string, string[]]> = [
    ['/', ['list:home', `card:${article.slug}`, `person:${article.author}`, 'sections']],
    [`/article/${article.slug}`, [`article:${article.slug}`, `person:${article.author}`, 'sections']],
    [`/rubrique/${slugOf(article.category)}`, [`list:section:${slugOf(article.category)}`, `card:${article.slug}`]],
    [`/auteur/${article.author}`, [`list:author:${article.author}`, `card:${article.slug}`]],
    ['/rss.xml', ['list:home', `article:${article.slug}`]],
    ['/sitemap.xml', ['sitemap']],
    ['/news-sitemap.xml', ['sitemap']],
    ['/recherche?q=ia', ['search']],
  ];
  for (const [url, tags] of expected) {
    for (const attempt of ['first', 'again']) {
      const headers = (await request.get(url)).headers();
      const cacheTag = (headers['cache-tag'] ?? '').split(',');
      expect(cacheTag, `${url} (${attempt})`).toEqual(expect.arrayContaining(tags));
      expect(
        cacheTag.some((tag) => tag.startsWith('_N_T_') || tag === 'kiosque:entry-tags'),
        url,
      ).toBe(false);
      expect((headers['surrogate-key'] ?? '').split(' ').sort(), url).toEqual([...cacheTag].sort());
    }
  }
});
