import { expect, test, type Page } from '@playwright/test';
import { corpusFacts, PAGE_SIZE, type CorpusArticle } from './corpusFacts';

const facts = corpusFacts();

/** The article slugs a listing page links to, in the order shown. */
async function listedSlugs(page: Page): Promise<string[]> {
  const hrefs = await page.locator('main article h2 a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return hrefs.map((href) => href.replace('/article/', ''));
}

/** Follows « Articles plus anciens » from `start` to the end, collecting every article on the way. */
async function walkPages(page: Page, start: string): Promise<{ slugs: string[]; pages: number }> {
  const slugs: string[] = [];
  let pages = 0;
  let next: string | null = start;
  while (next) {
    const response = await page.goto(next);
    expect(response?.status(), next).toBe(200);
    pages += 1;
    slugs.push(...(await listedSlugs(page)));
    const nextLink = page.locator('nav[aria-label="Pagination"] a[rel="next"]');
    next = (await nextLink.count()) > 0 ? await nextLink.getAttribute('href') : null;
    const headNext = page.locator('head link[rel="next"]');
    expect(await headNext.count(), `head rel=next on ${pages}`).toBe(next ? 1 : 0);
    expect(pages).toBeLessThan(20);
  }
  return { slugs, pages };
}

const slugsOf = (articles: CorpusArticle[]) => articles.map((article) => article.slug);

test('the front page leads with the newest article and paginates through every article, newest first', async ({ page }) => {
  await page.goto('/');
  const lead = page.locator('main article.card-lead');
  await expect(lead).toHaveCount(1);
  await expect(lead.getByRole('link')).toHaveAttribute('href', `/article/${facts.articles[0]?.slug}`);

  const { slugs, pages } = await walkPages(page, '/');
  expect(slugs).toEqual(slugsOf(facts.articles));
  expect(pages).toBe(Math.ceil(facts.articles.length / PAGE_SIZE));
  // The walk ends on archive page 1, the oldest articles, which leads to newer ones.
  await expect(page).toHaveURL(/\/page\/1$/);
  await expect(page.locator('head link[rel="prev"]')).toHaveAttribute('href', pages > 2 ? '/page/2' : '/');
});

test('archive pages are numbered from the oldest, so a new article does not move them; the newest leads back to the front page', async ({ page }) => {
  const archived = facts.articles.slice(PAGE_SIZE);
  const last = Math.ceil(archived.length / PAGE_SIZE);
  await page.goto('/page/1');
  // Page 1 holds the oldest articles (newest first within the page); the newest archive page, what is left.
  expect(await listedSlugs(page)).toEqual(slugsOf(archived.slice(-PAGE_SIZE)));
  await expect(page.locator('nav[aria-label="Pagination"] [aria-current="page"]')).toContainText('Archives, page 1 : du ');
  await page.goto(`/page/${last}`);
  expect(await listedSlugs(page)).toEqual(slugsOf(archived.slice(0, archived.length - (last - 1) * PAGE_SIZE)));
  await expect(page.locator('nav[aria-label="Pagination"] a[rel="prev"]')).toHaveAttribute('href', '/');
  await expect(page.locator('nav[aria-label="Pagination"] a[rel="prev"]')).toHaveText('← Articles plus récents');
});

test('pages past the last and malformed pages answer 404', async ({ request }) => {
  const last = Math.ceil((facts.articles.length - PAGE_SIZE) / PAGE_SIZE);
  for (const path of [
    `/page/${last + 1}`,
    '/page/0',
    '/page/abc',
    '/page/02',
    '/rubrique/cinema/page/2',
    '/rubrique/cinema/page/1',
    '/rubrique/cinema/autre',
  ]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});

test('each section page lists its articles newest first, with a heading and a count', async ({ page }) => {
  for (const [slug, { name, count }] of Object.entries(facts.categories)) {
    const { slugs } = await walkPages(page, `/rubrique/${slug}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page.locator('.listing-count')).toContainText(`${count} article`);
    expect(slugs, slug).toEqual(slugsOf(facts.articles.filter((article) => article.category === name)));
  }
});

test('section slugs strip accents and the header links every section', async ({ page }) => {
  await page.goto('/');
  const sections = page.getByRole('navigation', { name: 'Rubriques' }).getByRole('link');
  await expect(sections).toHaveCount(Object.keys(facts.categories).length);
  await sections.filter({ hasText: 'Culture et société' }).click();
  await expect(page).toHaveURL(/\/rubrique\/culture-et-societe$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Culture et société');
});

test('tag pages list their articles newest first', async ({ page }) => {
  const largest = Object.entries(facts.tags)
    .sort(([, a], [, b]) => b.count - a.count)
    .slice(0, 3);
  for (const [slug, { name, count }] of largest) {
    const { slugs } = await walkPages(page, `/tag/${slug}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page.locator('.listing-count')).toContainText(`${count} articles`);
    expect(slugs).toEqual(slugsOf(facts.articles.filter((article) => article.tags.includes(name))));
  }
});

test('author pages show the bio and paginate through all their articles, co-signed ones included', async ({ page }) => {
  const authors = Object.entries(facts.authors).sort(([, a], [, b]) => b.count - a.count);
  expect(authors[0]?.[1].count).toBeGreaterThan(PAGE_SIZE);
  for (const [slug, { name, count }] of authors) {
    const { slugs, pages } = await walkPages(page, `/auteur/${slug}`);
    expect(pages).toBe(Math.max(1, Math.ceil(count / PAGE_SIZE)));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page.locator('.listing-intro')).not.toBeEmpty();
    expect(slugs).toEqual(slugsOf(facts.articles.filter((article) => article.authors.includes(slug))));
  }
});

test('unknown sections, tags and authors answer 404', async ({ request }) => {
  for (const path of ['/rubrique/inconnue', '/tag/inconnu', '/auteur/personne', '/rubrique/Cinéma', '/tag/IA']) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});
