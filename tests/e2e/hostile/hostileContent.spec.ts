import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import { activeContentIn } from '../../../lib/content/testing/htmlElements';
import { HOSTILE_SERVER } from './hostileServer';

/**
 * Every file of tests/hostile/ sits in this server's content folder (added at
 * run time). Readers' browsers must never run anything from them: each page
 * that shows them is opened in Chromium, with a listener on dialogs (what
 * `alert(1)` opens), uncaught errors and console errors.
 */
const expectationsSchema = z.record(z.string(), z.object({ outcome: z.enum(['rendered', 'rejected']) }));
const expectations = expectationsSchema.parse(JSON.parse(readFileSync('tests/hostile/expectations.json', 'utf8')));

const slugOf = (file: string) => path.basename(file, '.md');
const rendered = Object.entries(expectations)
  .filter(([, expected]) => expected.outcome === 'rendered')
  .map(([file]) => slugOf(file));
// Files whose name is a valid address but whose content is refused: their address must answer 404.
const rejected = Object.entries(expectations)
  .filter(([file, expected]) => expected.outcome === 'rejected' && /^[a-z0-9-]+$/.test(slugOf(file)) && !rendered.includes(slugOf(file)))
  .map(([file]) => slugOf(file));

/** Collects what must never happen while a page is open. */
function watch(page: Page): string[] {
  const incidents: string[] = [];
  page.on('dialog', (dialog) => {
    incidents.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => incidents.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') incidents.push(`console: ${message.text()}`);
  });
  page.on('request', (request) => {
    const { hostname } = new URL(request.url());
    if (hostname !== '127.0.0.1' && hostname !== 'localhost') incidents.push(`request to ${request.url()}`);
  });
  return incidents;
}

/**
 * Active content inside the elements, as the browser built them: their DOM,
 * serialized by the browser, read by the same inspection as the unit tests.
 */
async function activeContent(page: Page, selector: string): Promise<string[]> {
  const serialized = await page.locator(selector).evaluateAll((elements) => elements.map((element) => element.innerHTML));
  return serialized.flatMap(activeContentIn);
}

test.beforeAll(async ({ request }) => {
  // The copied build predates the fixtures: make every page rebuild from the content folder.
  const response = await request.post('/api/revalidate', { headers: { Authorization: `Bearer ${HOSTILE_SERVER.secrets.revalidate}` } });
  expect(response.status()).toBe(200);
});

test('the expectations name both outcomes', () => {
  expect(rendered.length).toBeGreaterThan(10);
  expect(rejected.length).toBeGreaterThan(10);
});

for (const slug of rendered) {
  test(`${slug}: the page serves, and nothing in it runs or reaches out`, async ({ page }) => {
    const incidents = watch(page);
    const response = await page.goto(`/article/${slug}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(await activeContent(page, '.article-body')).toEqual([]);
    // Links that leave the site never hand it the page (window.opener) nor its address.
    const external = await page
      .locator('.article-body a[href^="http"]')
      .evaluateAll((links) =>
        links.filter((link) => new URL((link as HTMLAnchorElement).href).host !== location.host).map((link) => link.getAttribute('rel') ?? ''),
      );
    for (const rel of external) expect(rel).toBe('noopener noreferrer');
    expect(incidents).toEqual([]);
  });
}

test('refused files answer 404 at their address, and every other page keeps serving', async ({ request }) => {
  for (const slug of rejected) expect((await request.get(`/article/${slug}`)).status(), slug).toBe(404);
  for (const url of ['/', '/article/mark-zuckerberg-ia-photos-facebook-instagram', '/rubrique/tech', '/rss.xml', '/sitemap.xml']) {
    expect((await request.get(url)).status(), url).toBe(200);
  }
});

test('the pages that list the hostile articles run nothing either', async ({ page }) => {
  const incidents = watch(page);
  for (const url of ['/', '/rubrique/securite', '/tag/securite', '/auteur/sikagz', '/recherche?q=piege', '/recherche?q=script']) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    await page.waitForLoadState('networkidle');
    // Listings show the articles' titles, standfirsts and snippets: text only.
    expect(await activeContent(page, 'main h2, main h3, main p'), url).toEqual([]);
  }
  // Their section does list them.
  await page.goto('/rubrique/securite');
  await expect(page.locator('main h2 a').first()).toBeVisible();
  expect(incidents).toEqual([]);
});

/** The article HTML each feed item carries, as a feed reader decodes it. */
function feedItemHtml(format: 'rss' | 'atom' | 'json', body: string): string[] {
  if (format === 'json') return (JSON.parse(body) as { items: { content_html: string }[] }).items.map((item) => item.content_html);
  const root = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' || name === 'entry' }).parse(body) as {
    rss?: { channel: { item?: { 'content:encoded': string; description: string }[] } };
    feed?: { entry?: { content: { '#text': string }; summary?: unknown }[] };
  };
  if (format === 'rss') return (root.rss?.channel.item ?? []).flatMap((item) => [String(item['content:encoded']), String(item.description)]);
  return (root.feed?.entry ?? []).map((entry) => String(entry.content['#text']));
}

test('the feeds carry no active content from them', async ({ request }) => {
  const feeds = [
    ['/rss.xml', 'rss'],
    ['/atom.xml', 'atom'],
    ['/feed.json', 'json'],
    ['/rubrique/securite/rss.xml', 'rss'],
    ['/rubrique/securite/feed.json', 'json'],
  ] as const;
  for (const [url, format] of feeds) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    const body = await response.text();
    expect(body, url).toContain('Sécurité');
    const items = feedItemHtml(format, body);
    expect(items.length, url).toBeGreaterThan(0);
    for (const html of items) expect(activeContentIn(html), url).toEqual([]);
  }
});
