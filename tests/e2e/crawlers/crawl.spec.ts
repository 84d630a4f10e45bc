import { expect, test } from '@playwright/test';
import { siteFacts } from './contentFacts';
import { metaContent, parseHtml } from './html';

/** Bounds for the crawl: far above what the fixture corpus needs, so a link loop fails fast. */
const MAX_URLS = 3000;

interface Problem {
  url: string;
  from: string;
  problem: string;
}

test('a crawler starting at / reaches every public article and finds no broken link or image and no page without title, description or canonical', async ({
  request,
}) => {
  test.setTimeout(300_000);
  const { baseUrl, published } = siteFacts();
  const origin = new URL(baseUrl).origin;
  const queue: { url: string; from: string }[] = [{ url: `${baseUrl}/`, from: '(start)' }];
  const seen = new Set([`${baseUrl}/`]);
  const problems: Problem[] = [];
  const htmlPages: string[] = [];

  const enqueue = (raw: string | undefined, from: string) => {
    if (!raw || raw.startsWith('mailto:') || raw.startsWith('data:')) return;
    const url = new URL(raw, from);
    if (url.origin !== origin) return;
    url.hash = '';
    const key = url.toString();
    if (!seen.has(key) && seen.size < MAX_URLS) {
      seen.add(key);
      queue.push({ url: key, from });
    }
  };

  for (let next = queue.shift(); next; next = queue.shift()) {
    const response = await request.get(next.url, { maxRedirects: 0 });
    const status = response.status();
    if (status >= 400) {
      problems.push({ ...next, problem: `HTTP ${status}` });
      continue;
    }
    if (status >= 300) {
      enqueue(response.headers().location, next.url);
      continue;
    }
    if (!response.headers()['content-type']?.startsWith('text/html')) continue;

    htmlPages.push(next.url);
    const root = parseHtml(await response.text());
    const title = root.querySelector('head title')?.textContent.trim();
    if (!title) problems.push({ ...next, problem: 'no <title>' });
    if (!metaContent(root, 'description')) problems.push({ ...next, problem: 'no meta description' });
    const canonical = root.querySelector('head link[rel="canonical"]')?.getAttribute('href');
    if (!canonical) problems.push({ ...next, problem: 'no canonical' });
    // Next writes the root's canonical without its slash, which names the same URL.
    else if (canonical !== baseUrl && !canonical.startsWith(`${baseUrl}/`)) problems.push({ ...next, problem: `canonical not absolute: ${canonical}` });
    const headings = root.querySelectorAll('h1').length;
    if (headings !== 1) problems.push({ ...next, problem: `${headings} h1` });

    for (const link of root.querySelectorAll('a[href]')) enqueue(link.getAttribute('href'), next.url);
    for (const link of root.querySelectorAll('head link[href]')) {
      if (link.getAttribute('rel') !== 'preconnect' && link.getAttribute('rel') !== 'dns-prefetch') enqueue(link.getAttribute('href'), next.url);
    }
    for (const image of root.querySelectorAll('img')) {
      enqueue(image.getAttribute('src'), next.url);
      // The largest candidate of a srcset: the one a big screen would fetch.
      enqueue(image.getAttribute('srcset')?.split(',').at(-1)?.trim().split(/\s+/)[0], next.url);
    }
    for (const meta of root.querySelectorAll('meta[property="og:image"], meta[name="twitter:image"]')) enqueue(meta.getAttribute('content'), next.url);
  }

  expect(seen.size, 'crawl stayed within its bound').toBeLessThan(MAX_URLS);
  expect(problems, JSON.stringify(problems.slice(0, 20), null, 2)).toEqual([]);
  for (const article of published) expect(htmlPages, article.slug).toContain(`${baseUrl}/article/${article.slug}`);
});
