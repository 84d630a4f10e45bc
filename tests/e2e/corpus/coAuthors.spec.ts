import { expect, test } from '@playwright/test';
import { corpusFacts } from './corpusFacts';

const facts = corpusFacts();
const nameOf = (slug: string) => facts.authors[slug]?.name ?? slug;
const threeAuthors = facts.articles.find((article) => article.authors.length === 3);
const twoAuthors = facts.articles.find((article) => article.authors.length === 2);

test('a co-signed article names every author in its byline, each a link, « A, B et C »', async ({ page }) => {
  for (const article of [twoAuthors, threeAuthors]) {
    if (!article) throw new Error('the corpus has no co-signed article');
    await page.goto(`/article/${article.slug}`);
    const names = article.authors.map(nameOf);
    const written = names.length === 2 ? `${names[0]} et ${names[1]}` : `${names[0]}, ${names[1]} et ${names[2]}`;
    await expect(page.locator('.byline > span').first()).toHaveText(`Par ${written}`);
    const links = page.locator('.byline a[rel="author"]');
    await expect(links).toHaveText(names);
    expect(await links.evaluateAll((all) => all.map((link) => link.getAttribute('href')))).toStrictEqual(article.authors.map((slug) => `/auteur/${slug}`));
  }
});

test('crawlers get one article:author and one JSON-LD Person per author, in order', async ({ page }) => {
  if (!threeAuthors) throw new Error('the corpus has no article signed by three');
  await page.goto(`/article/${threeAuthors.slug}`);
  const base = test.info().project.use.baseURL ?? '';
  const urls = threeAuthors.authors.map((slug) => `${base}/auteur/${slug}`);
  expect(await page.locator('head meta[property="article:author"]').evaluateAll((metas) => metas.map((meta) => meta.getAttribute('content')))).toStrictEqual(
    urls,
  );
  const graphs = await page
    .locator('script[type="application/ld+json"]')
    .evaluateAll((scripts) => scripts.map((script) => JSON.parse(script.textContent ?? '{}') as unknown));
  const nodes = graphs.flatMap((graph) => ((graph as { '@graph'?: unknown[] })['@graph'] ?? [graph]) as Array<Record<string, unknown>>);
  const news = nodes.find((node) => node['@type'] === 'NewsArticle');
  expect(news?.author).toStrictEqual(threeAuthors.authors.map((slug, index) => ({ '@type': 'Person', name: nameOf(slug), url: urls[index] })));
});

test('each co-author’s feeds carry the article, naming every author', async ({ request }) => {
  if (!twoAuthors) throw new Error('the corpus has no co-signed article');
  let checked = 0;
  for (const slug of twoAuthors.authors) {
    const own = facts.articles.filter((article) => article.authors.includes(slug));
    // Feeds carry the 20 newest of the listing.
    if (own.slice(0, 20).every((article) => article.slug !== twoAuthors.slug)) continue;
    const feed = (await (await request.get(`/auteur/${slug}/feed.json`)).json()) as { items: Array<{ url: string; authors: Array<{ name: string }> }> };
    const item = feed.items.find((entry) => entry.url.endsWith(`/article/${twoAuthors.slug}`));
    expect(
      item?.authors.map((author) => author.name),
      slug,
    ).toStrictEqual(twoAuthors.authors.map(nameOf));
    const rss = await (await request.get(`/auteur/${slug}/rss.xml`)).text();
    const rssItem = rss.split('<item>').find((chunk) => chunk.includes(`/article/${twoAuthors.slug}<`)) ?? '';
    expect([...rssItem.matchAll(/<dc:creator>([^<]*)<\/dc:creator>/g)].map((match) => match[1])).toStrictEqual(twoAuthors.authors.map(nameOf));
    checked += 1;
  }
  expect(checked).toBeGreaterThan(0);
});
