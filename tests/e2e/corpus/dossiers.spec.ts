import { expect, test } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { corpusFacts } from './corpusFacts';

const facts = corpusFacts();
const [slug = '', dossier] = Object.entries(facts.dossiers)[0] ?? [];
const parts = (dossier?.parts ?? []).map((partSlug) => {
  const article = facts.articles.find((candidate) => candidate.slug === partSlug);
  if (!article) throw new Error(`part ${partSlug} is not in the summary`);
  return article;
});
const path = `/dossier/${slug}`;

test.beforeAll(() => {
  if (!dossier || parts.length < 3) throw new Error('the corpus needs a dossier of three parts or more');
});

test('the dossier’s page: its title, description and introduction, then its parts, newest first, with its feeds', async ({ page }) => {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Dossier\u202f: ${dossier?.title ?? ''}`);
  await expect(page.locator('.listing-intro')).toHaveText(dossier?.description ?? '');
  await expect(page.locator('.dossier-intro strong')).toHaveText('dossier');
  await expect(page.locator('.listing-count')).toHaveText(`${parts.length} articles`);
  const cards = page.locator('.card-grid article h2 a');
  await expect(cards).toHaveText([...parts].reverse().map((part) => part.title));
  for (const [type, file] of [
    ['application/rss+xml', 'rss.xml'],
    ['application/atom+xml', 'atom.xml'],
    ['application/feed+json', 'feed.json'],
  ]) {
    await expect(page.locator(`head link[rel="alternate"][type="${type}"][href$="${path}/${file}"]`)).toHaveCount(1);
  }
});

test('each part says which it is, « partie 2 sur 4 », and links to the dossier and the parts around it', async ({ page }) => {
  for (const [index, part] of parts.entries()) {
    await page.goto(`/article/${part.slug}`);
    const line = page.locator('.article-header .dossier-part');
    await expect(line).toHaveText(`Dossier\u202f: ${dossier?.title ?? ''} — partie ${index + 1} sur ${parts.length}`);
    await expect(line.getByRole('link')).toHaveAttribute('href', path);
    const nav = page.getByRole('navigation', { name: `Dossier : ${dossier?.title ?? ''}` });
    const previous = parts[index - 1];
    const next = parts[index + 1];
    await expect(nav.locator('.dossier-previous a')).toHaveCount(previous ? 1 : 0);
    await expect(nav.locator('.dossier-next a')).toHaveCount(next ? 1 : 0);
    if (previous) await expect(nav.locator('.dossier-previous a')).toHaveAttribute('href', `/article/${previous.slug}`);
    if (previous) await expect(nav.locator('.dossier-previous a')).toHaveText(previous.title);
    if (next) await expect(nav.locator('.dossier-next a')).toHaveAttribute('href', `/article/${next.slug}`);
  }
  // An article outside any dossier says nothing of one.
  await page.goto(`/article/${facts.special.realArticle}`);
  await expect(page.locator('.dossier-part, .dossier-nav')).toHaveCount(0);
});

test('a part’s structured data says it is part of the dossier, a series with its page', async ({ page }) => {
  await page.goto(`/article/${parts[1]?.slug ?? ''}`);
  const nodes = await page
    .locator('script[type="application/ld+json"]')
    .evaluateAll((all) => all.flatMap((script) => (JSON.parse(script.textContent ?? '{}') as { '@graph'?: Array<Record<string, unknown>> })['@graph'] ?? []));
  const article = nodes.find((node) => node['@type'] === 'NewsArticle' || node['@type'] === 'LiveBlogPosting');
  const isPartOf = article?.isPartOf as { '@type': string; name: string; url: string } | undefined;
  expect(isPartOf?.['@type']).toBe('CreativeWorkSeries');
  expect(isPartOf?.name).toBe(dossier?.title);
  expect(new URL(isPartOf?.url ?? 'http://x/').pathname).toBe(path);
});

test('its feeds carry its parts, newest first, and the sitemap lists its page', async ({ request }) => {
  const rssText = await (await request.get(`${path}/rss.xml`)).text();
  expect(XMLValidator.validate(rssText)).toBe(true);
  const rss = new XMLParser({ isArray: (name) => name === 'item' }).parse(rssText) as { rss: { channel: { title: string; item: Array<{ link: string }> } } };
  expect(rss.rss.channel.title).toContain(dossier?.title ?? '');
  expect(rss.rss.channel.item.map((item) => new URL(item.link).pathname)).toStrictEqual([...parts].reverse().map((part) => `/article/${part.slug}`));
  const json = (await (await request.get(`${path}/feed.json`)).json()) as { items: Array<{ url: string }> };
  expect(json.items.map((item) => new URL(item.url).pathname)).toStrictEqual([...parts].reverse().map((part) => `/article/${part.slug}`));
  const atom = await request.get(`${path}/atom.xml`);
  expect(atom.status()).toBe(200);

  const locsOf = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? '').pathname);
  const root = await (await request.get('/sitemap.xml')).text();
  // One file, or an index of files.
  const files = root.includes('<sitemapindex') ? await Promise.all(locsOf(root).map(async (file) => (await request.get(file)).text())) : [root];
  expect(files.flatMap(locsOf)).toContain(path);
});

test('an unknown dossier answers 404', async ({ request }) => {
  expect((await request.get('/dossier/pas-un-dossier')).status()).toBe(404);
  expect((await request.get('/dossier/pas-un-dossier/rss.xml')).status()).toBe(404);
});
