import { expect, test } from '@playwright/test';
import { slugOf } from '../crawlers/contentFacts';
import { corpusFacts, plainSpaces, type CorpusArticle } from './corpusFacts';

const facts = corpusFacts();
const bySlug = new Map(facts.articles.map((article) => [article.slug, article]));
const slugify = slugOf;

/** The spec of "Plus d’articles sur": most shared tags first, then recency; then the same section. */
function expectedRelated(subject: CorpusArticle): string[] {
  const others = facts.articles.filter((article) => article.slug !== subject.slug);
  const shared = (article: CorpusArticle) => article.tags.filter((tag) => subject.tags.includes(tag)).length;
  const byTags = others.filter((article) => shared(article) > 0).sort((a, b) => shared(b) - shared(a) || b.publishedAt.localeCompare(a.publishedAt));
  const bySection = others.filter((article) => shared(article) === 0 && article.category === subject.category);
  return [...byTags, ...bySection].slice(0, 4).map((article) => article.slug);
}

test('an article has a breadcrumb, linked tags, reading time and share links with its canonical URL', async ({ page }) => {
  const article = facts.articles[5];
  if (!article) throw new Error('corpus too small');
  await page.goto(`/article/${article.slug}`);

  const breadcrumb = page.getByRole('navigation', { name: 'Fil d’Ariane' });
  await expect(breadcrumb.getByRole('link', { name: 'Accueil' })).toHaveAttribute('href', '/');
  await expect(breadcrumb.getByRole('link', { name: article.category })).toHaveAttribute('href', `/rubrique/${slugify(article.category)}`);
  await expect(breadcrumb.locator('[aria-current="page"]')).toHaveText(plainSpaces(article.title));

  const tags = page.getByRole('region', { name: 'Sujets' }).getByRole('link');
  await expect(tags).toHaveText(article.tags);
  for (const tag of article.tags) await expect(tags.filter({ hasText: tag }).first()).toHaveAttribute('href', `/tag/${slugify(tag)}`);

  await expect(page.locator('.byline')).toContainText(/\d+ min de lecture/);

  const share = page.getByRole('region', { name: 'Partager' }).getByRole('link');
  await expect(share).toHaveCount(5);
  // The build's SITE_URL is the test server itself, so the canonical URL is reachable.
  const canonicalUrl = `${test.info().project.use.baseURL}/article/${article.slug}`;
  await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute('href', canonicalUrl);
  const canonical = encodeURIComponent(canonicalUrl);
  for (const href of await share.evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))) {
    expect(href).toContain(canonical);
  }
});

test('the long read says how long it takes to read', async ({ page }) => {
  await page.goto(`/article/${facts.special.long}`);
  const minutes = Number((await page.locator('.byline').innerText()).match(/(\d+) min de lecture/)?.[1]);
  expect(minutes).toBeGreaterThanOrEqual(5);
});

test('related articles are the ones sharing most tags, never the article itself', async ({ page }) => {
  for (const subject of [facts.articles[0], facts.articles[10], facts.articles[30]]) {
    if (!subject) throw new Error('corpus too small');
    await page.goto(`/article/${subject.slug}`);
    const related = page.getByRole('region', { name: 'Plus d’articles sur' });
    await expect(related.locator('.related-topics a').first()).toHaveText(subject.category);
    const hrefs = await related.locator('.related-articles a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(
      hrefs.map((href) => href.replace('/article/', '')),
      subject.slug,
    ).toEqual(expectedRelated(subject));
  }
});

test('the article-type label shows when the front matter gives one', async ({ page }) => {
  const typed = facts.articles.find((article) => article.type);
  const untyped = facts.articles.find((article) => !article.type);
  if (!typed?.type || !untyped) throw new Error('the corpus should hold typed and untyped articles');
  await page.goto(`/article/${typed.slug}`);
  await expect(page.locator('.article-header .article-type')).toHaveText(typed.type);
  await page.goto(`/article/${untyped.slug}`);
  await expect(page.locator('.article-header .article-type')).toHaveCount(0);
});

test('French typography: narrow no-break spaces before « : ? » in titles and text, not in URLs', async ({ page }) => {
  const questionTitle = facts.articles.find((article) => / \?$/.test(article.title));
  if (!questionTitle) throw new Error('the corpus should hold a title ending with a question mark');
  await page.goto(`/article/${questionTitle.slug}`);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/\u202F\?$/);

  await page.goto(`/article/${facts.special.realArticle}`);
  const body = (await page.locator('.article-body').textContent()) ?? '';
  expect(body).toContain('au micro de Dose Rap\u202F:');
  expect(body).not.toMatch(/ [:;!?]/);
  const hrefs = await page.locator('a[href^="http"]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  for (const href of hrefs) expect(href).not.toMatch(/[\u00A0\u202F]/);
});

test('every article of the corpus answers 200 with its title', async ({ request }) => {
  for (const article of facts.articles) {
    const response = await request.get(`/article/${article.slug}`);
    expect(response.status(), article.slug).toBe(200);
    expect(plainSpaces(await response.text())).toContain(bySlug.get(article.slug)?.title.split(' ')[0] ?? '');
  }
});
