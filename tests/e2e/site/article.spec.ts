import { expect, test } from '@playwright/test';

const ARTICLE_PATH = '/article/mark-zuckerberg-ia-photos-facebook-instagram';

test.describe('article page', () => {
  test('shows the title, standfirst, byline and the French Paris-time date', async ({ page }) => {
    const response = await page.goto(ARTICLE_PATH);
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page).toHaveTitle(/Pour entraîner son IA, Mark Zuckerberg utilise vos photos Facebook et Instagram/);

    const headings = page.getByRole('heading', { level: 1 });
    await expect(headings).toHaveCount(1);
    await expect(headings).toHaveText('Pour entraîner son IA, Mark Zuckerberg utilise vos photos Facebook et Instagram');
    await expect(page.locator('.article-header .category')).toHaveText('Actualité');
    await expect(page.locator('.article-header .standfirst')).toContainText('Ce jeudi 1er février, Mark Zuckerberg');

    const author = page.getByRole('link', { name: 'Sikagz' });
    await expect(author).toHaveAttribute('href', '/auteur/sikagz');
    const published = page.locator('.byline time').first();
    await expect(published).toHaveAttribute('datetime', '2024-02-06T16:17:00+01:00');
    await expect(published).toHaveText('Le 6 février 2024 à 16:17');
    await expect(page.locator('.byline')).toContainText('2 min de lecture');
  });

  test('shows both quotes with their speakers and where they were said', async ({ page }) => {
    await page.goto(ARTICLE_PATH);
    const quotes = page.locator('.article-body figure.quote');
    await expect(quotes).toHaveCount(2);
    await expect(quotes.nth(0).locator('blockquote')).toContainText('Tu ne peux pas lutter contre l’évolution frère.');
    await expect(quotes.nth(0).locator('figcaption')).toHaveText('— Kaaris, au micro de Dose Rap');
    await expect(quotes.nth(0).locator('figcaption cite')).toHaveText('au micro de Dose Rap');
    await expect(quotes.nth(1).locator('blockquote')).toContainText('plus grand que le Common Crawl');
    await expect(quotes.nth(1).locator('figcaption')).toContainText('— Mark Zuckerberg, lors de la présentation des résultats de Meta');
  });

  test('shows the images with their credits, loaded without layout shift', async ({ page }) => {
    await page.goto(ARTICLE_PATH);
    const hero = page.locator('figure.hero img');
    await expect(hero).toHaveAttribute('alt', /^Illustration de remplacement/);
    await expect(hero).toHaveAttribute('width', '1600');
    await expect(hero).toHaveAttribute('height', '900');
    await expect(page.locator('figure.hero figcaption')).toHaveText('© GettyImages');

    const inline = page.locator('.article-body figure.media img');
    await expect(inline).toHaveAttribute('width', '1200');
    await expect(inline).toHaveAttribute('height', '800');
    await expect(page.locator('.article-body figure.media figcaption small')).toHaveText('© GettyImages');

    await inline.scrollIntoViewIfNeeded();
    for (const image of [hero, inline]) {
      await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBeGreaterThan(0);
    }
    const cumulativeLayoutShift = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          new PerformanceObserver((list) => {
            const shifts = list.getEntries().map((entry) => ('value' in entry && typeof entry.value === 'number' ? entry.value : 0));
            resolve(shifts.reduce((sum, value) => sum + value, 0));
          }).observe({ type: 'layout-shift', buffered: true });
          // The observer only calls back when there are entries: none means no shift at all.
          setTimeout(() => resolve(0), 500);
        }),
    );
    expect(cumulativeLayoutShift).toBeLessThan(0.01);
  });

  test('keeps the page furniture out of the text and lists the tags', async ({ page }) => {
    await page.goto(ARTICLE_PATH);
    const body = page.locator('.article-body');
    await expect(body).not.toContainText('Plus d’articles sur');
    await expect(body).not.toContainText('Actualité Actualités');
    const tags = page.getByRole('region', { name: 'Sujets' }).getByRole('listitem');
    await expect(tags).toHaveText(['Meta', 'Mark Zuckerberg', 'IA', 'Facebook', 'Instagram', 'Kaaris', 'Llama', 'Elon Musk', 'Grok']);
  });
});

test('an unknown article answers 404 with the site’s not-found page', async ({ page }) => {
  const response = await page.goto('/article/cet-article-n-existe-pas');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
  await expect(page.getByRole('link', { name: 'Revenir à la une' })).toHaveAttribute('href', '/');
});

test('a slug that is not a file name cannot reach the file system', async ({ request }) => {
  for (const path of ['/article/..%2F..%2Fpackage.json', '/article/%2e%2e%2fcontent%2farticles', '/article/sikagz']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
  }
});
