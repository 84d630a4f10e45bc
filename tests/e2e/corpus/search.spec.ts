import { expect, test, type Page } from '@playwright/test';
import { corpusFacts } from './corpusFacts';

const facts = corpusFacts();

async function resultSlugs(page: Page): Promise<string[]> {
  const hrefs = await page.locator('.search-results h2 a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return hrefs.map((href) => href.replace('/article/', ''));
}

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the header form searches, and an accent-free word finds the accented titles', async ({ page }) => {
    await page.goto('/');
    const box = page.getByRole('banner').getByRole('searchbox');
    await box.fill('entrainer');
    await box.press('Enter');
    await expect(page).toHaveURL(/\/recherche\?q=entrainer$/);
    const slugs = await resultSlugs(page);
    expect(slugs.slice(0, facts.special.titleSearch.slugs.length).sort()).toEqual([...facts.special.titleSearch.slugs].sort());
    const marks = await page.locator('.search-results mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark.toLowerCase()).toMatch(/^entra[iî]n/);
  });
});

test('a title match ranks above a body match', async ({ page }) => {
  const { word, titleSlug, bodySlug } = facts.special.titleOverBody;
  await page.goto(`/recherche?q=${encodeURIComponent(word)}`);
  const slugs = await resultSlugs(page);
  expect(slugs[0]).toBe(titleSlug);
  expect(slugs).toContain(bodySlug);
  await expect(page.locator('.listing-count')).toContainText('articles trouvés');
});

test('results are paginated and the pages link to each other', async ({ page }) => {
  await page.goto('/recherche?q=le');
  await expect(page.locator('.search-results > li')).toHaveCount(10);
  await page.locator('nav[aria-label="Pagination"] a[rel="next"]').click();
  await expect(page).toHaveURL(/\/recherche\?q=le&page=2$/);
  const secondPage = await resultSlugs(page);
  expect(secondPage.length).toBeGreaterThan(0);
  await page.goto('/recherche?q=le&page=999');
  await expect(page.locator('.search-results > li')).toHaveCount(10);
});

test('hostile or absurd queries get a calm page, never an error or a script', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  for (const query of [
    '',
    '   ',
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    'a'.repeat(10_000),
    '%',
    '*?+[(){}',
    'xylophone-introuvable',
  ]) {
    const response = await page.goto(`/recherche?q=${encodeURIComponent(query)}`);
    expect(response?.status(), query.slice(0, 30)).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('status')).not.toBeEmpty();
  }
  const tooMany = await page.goto('/recherche?q=a&q=b&page=-3&page=x');
  expect(tooMany?.status()).toBe(200);
  expect(dialogs).toEqual([]);
  expect(await page.locator('script:not([src])').evaluateAll((scripts) => scripts.filter((script) => script.textContent?.includes('alert(1)')).length)).toBe(0);
});

test('every article is found by the longest word of its title', async ({ request }) => {
  for (const article of facts.articles) {
    const word = article.title.split(/[^\p{L}\p{N}]+/u).sort((a, b) => b.length - a.length)[0] ?? '';
    const html = await (await request.get(`/recherche?q=${encodeURIComponent(word)}`)).text();
    expect(html, `« ${word} » should find ${article.slug}`).toContain(`href="/article/${article.slug}"`);
  }
});

test('a query’s page is rendered once, then served from the cache; a query that cannot be a path is answered too', async ({ request }) => {
  const url = `/recherche?q=${encodeURIComponent(facts.special.titleOverBody.word)}`;
  await request.get(url);
  const cached = await request.get(url);
  expect(cached.headers()['x-nextjs-cache']).toMatch(/HIT|STALE/);
  expect(await cached.text()).toContain(facts.special.titleOverBody.titleSlug);
  for (const query of ['100 %', 'a/b', '..', 'été?', '#1']) {
    const response = await request.get(`/recherche?q=${encodeURIComponent(query)}`);
    expect(response.status(), query).toBe(200);
    expect(await response.text(), query).toContain('<h1');
  }
  // Sent to the cached route with the same words: searched for once, then served from the cache.
  const slashed = `/recherche?q=${encodeURIComponent(`/${facts.special.titleOverBody.word}/`)}`;
  expect((await request.get(slashed, { maxRedirects: 0 })).status()).toBe(307);
  await request.get(slashed);
  const again = await request.get(slashed);
  expect(new URL(again.url()).searchParams.get('q')).toBe(facts.special.titleOverBody.word);
  expect(again.headers()['x-nextjs-cache']).toMatch(/HIT|STALE/);
  expect(await again.text()).toContain(facts.special.titleOverBody.titleSlug);
});
