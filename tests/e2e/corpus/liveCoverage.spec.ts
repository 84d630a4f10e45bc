import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { corpusFacts } from './corpusFacts';
import { slugOf } from '../crawlers/contentFacts';
import { scriptsLoadedBy } from '../support/scriptsLoaded';

const facts = corpusFacts();
const liveArticle = facts.articles.find((article) => article.live && article.live.length > 0);
const entries = liveArticle?.live ?? [];
const path = `/article/${liveArticle?.slug ?? ''}`;

/** « 22:55 », Paris time, computed with Intl rather than by the site's code. */
function parisTime(iso: string): string {
  return new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** The requests the page makes for new entries, as paths. */
function entryRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith(`${path}/direct/`)) seen.push(url.pathname);
  });
  return seen;
}

test.beforeAll(() => {
  if (!liveArticle) throw new Error('the corpus has no live article with entries');
});

test('a live article shows « En direct », its key entries on top, and every entry newest first with its anchor and time', async ({ page }) => {
  await page.goto(path);
  await expect(page.locator('.article-header .live-badge')).toHaveText('En direct');
  const list = page.locator('.live-coverage > ol.live-entries > li > article');
  await expect(list).toHaveCount(entries.length);
  expect(await list.evaluateAll((all) => all.map((entry) => entry.id))).toStrictEqual(entries.map((entry) => entry.id));
  for (const [index, entry] of entries.entries()) {
    const item = list.nth(index);
    await expect(item.getByRole('heading', { level: 2 })).toContainText(entry.title);
    const time = item.locator('time');
    expect(Date.parse((await time.getAttribute('datetime')) ?? '')).toBe(Date.parse(entry.date));
    await expect(time).toContainText(parisTime(entry.date));
    await expect(item.locator('a.live-entry-time')).toHaveAttribute('href', `#${entry.id}`);
  }
  const key = page.getByRole('navigation', { name: 'L’essentiel' });
  await expect(key.getByRole('link')).toHaveText(entries.filter((entry) => entry.key).map((entry) => new RegExp(`${parisTime(entry.date)} ${entry.title}$`)));
  await key.getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`#${entries.find((entry) => entry.key)?.id ?? ''}$`));
  // The byline's last change is the newest entry.
  expect(Date.parse((await page.locator('.byline time').last().getAttribute('datetime')) ?? '')).toBe(Date.parse(entries[0]?.date ?? ''));
});

test('its card says « En direct » in the listings, and no other card does', async ({ page }) => {
  const others = facts.articles.filter((article) => article.slug !== liveArticle?.slug && article.live !== undefined);
  expect(others, 'the corpus has one live article').toStrictEqual([]);
  for (const listing of ['/', `/rubrique/${slugOf(liveArticle?.category ?? '')}`]) {
    await page.goto(listing);
    const card = page.locator('article.card').filter({ has: page.locator(`a[href="${path}"]`) });
    await expect(card, listing).toHaveCount(1);
    await expect(card.locator('.category .live-badge'), listing).toHaveText('En direct');
    await expect(page.locator('article.card .live-badge'), listing).toHaveCount(1);
  }
});

test('its structured data is a LiveBlogPosting with one update per entry, at its anchor', async ({ page }) => {
  await page.goto(path);
  const graphs = await page
    .locator('script[type="application/ld+json"]')
    .evaluateAll((all) => all.map((script) => JSON.parse(script.textContent ?? '{}') as { '@graph'?: Array<Record<string, unknown>> }));
  const posting = graphs.flatMap((graph) => graph['@graph'] ?? []).find((node) => node['@type'] === 'LiveBlogPosting');
  expect(posting?.coverageStartTime).toBeDefined();
  expect(Date.parse(String(posting?.coverageStartTime))).toBe(Date.parse(liveArticle?.publishedAt ?? ''));
  const updates = posting?.liveBlogUpdate as Array<{ '@type': string; headline: string; datePublished: string; url: string }>;
  expect(updates.map((update) => [update['@type'], update.headline, Date.parse(update.datePublished), new URL(update.url).hash])).toStrictEqual(
    entries.map((entry) => ['BlogPosting', entry.title, Date.parse(entry.date), `#${entry.id}`]),
  );
});

test('the island asks only for the entries newer than the newest shown, every 30 s, and not while the tab is hidden', async ({ page }) => {
  await page.clock.install();
  const requests = entryRequests(page);
  await page.goto(path);
  // The first turn is counted from the island's start, after hydration.
  await expect(page.locator('.live-coverage [role="status"][data-watching]')).toBeAttached();
  await page.clock.runFor(29_000);
  expect(requests).toStrictEqual([]);
  const answered = page.waitForResponse((response) => response.url().endsWith(`/direct/${entries[0]?.id ?? ''}`));
  await page.clock.runFor(2_000);
  const answer = (await (await answered).json()) as { live: boolean; entries: unknown[]; shown: string; all: string };
  expect(Object.keys(answer).sort()).toStrictEqual(['all', 'entries', 'live', 'shown']);
  expect(answer).toMatchObject({ live: true, entries: [] });
  // Nothing newer: the entries the page has are all of them, unchanged.
  expect(answer.shown).toBe(answer.all);
  expect(requests).toStrictEqual([`${path}/direct/${entries[0]?.id ?? ''}`]);
  // Hidden: no request however long; visible again after that long: one at once.
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.clock.runFor(120_000);
  expect(requests).toHaveLength(1);
  const again = page.waitForResponse((response) => response.url().includes('/direct/'));
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.clock.runFor(100);
  await again;
  expect(requests).toHaveLength(2);
});

test('the entries answer refuses what is not an entry id, and gives all entries from the start', async ({ request }) => {
  expect((await request.get(`${path}/direct/pas-une-entree`)).status()).toBe(404);
  const all = (await (await request.get(`${path}/direct/debut`)).json()) as { entries: Array<{ id: string; html: string }> };
  expect(all.entries.map((entry) => entry.id)).toStrictEqual(entries.map((entry) => entry.id));
  expect(all.entries.every((entry) => entry.html.startsWith('<p>'))).toBe(true);
  const older = entries[1]?.id ?? '';
  const newer = (await (await request.get(`${path}/direct/${older}`)).json()) as { entries: Array<{ id: string }> };
  expect(newer.entries.map((entry) => entry.id)).toStrictEqual([entries[0]?.id]);
  expect((await request.get(`/article/${facts.special.realArticle}/direct/debut`)).status()).toBe(404);
});

test('its islands weigh under 3 KB gzipped: what the live page loads beyond another article’s scripts, the entries’ island and the consent one for the videos entries may bring', async ({
  page,
}) => {
  const plain = await scriptsLoadedBy(page, `/article/${facts.special.realArticle}`);
  const live = await scriptsLoadedBy(page, path);
  const extra = [...live].filter(([name]) => !plain.has(name));
  expect(extra.length).toBeGreaterThan(0);
  // The extra code is the island's: it holds the text it shows when entries arrive.
  expect(extra.some(([, body]) => body.toString('utf8').includes('Nouvelle'))).toBe(true);
  expect(extra.some(([, body]) => body.toString('utf8').includes('Toujours afficher les contenus'))).toBe(true);
  const gzipped = extra.reduce((sum, [, body]) => sum + gzipSync(body, { level: 9 }).length, 0);
  test.info().annotations.push({ type: 'îlot du direct', description: `${gzipped} octets gzip (${extra.map(([name]) => name).join(', ')})` });
  expect(gzipped).toBeLessThan(3 * 1024);
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('every entry is on the page, and nothing asks for more', async ({ page }) => {
    const requests = entryRequests(page);
    await page.goto(path);
    await expect(page.locator('.live-entries > li > article')).toHaveCount(entries.length);
    await expect(page.getByRole('navigation', { name: 'L’essentiel' })).toBeVisible();
    expect(requests).toStrictEqual([]);
  });
});
