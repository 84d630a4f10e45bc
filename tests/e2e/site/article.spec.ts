import { expect, test } from '@playwright/test';
import { folded, shippedArticle } from './shippedArticle';

test.describe('article page', () => {
  test('shows the title, standfirst, byline and the French Paris-time date', async ({ page }) => {
    const article = shippedArticle();
    const response = await page.goto(article.path);
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    expect(folded(await page.title())).toContain(folded(article.title));

    const headings = page.getByRole('heading', { level: 1 });
    await expect(headings).toHaveCount(1);
    expect(folded(await headings.textContent())).toBe(folded(article.title));
    await expect(page.locator('.article-header .category')).toHaveText(article.category);
    expect(folded(await page.locator('.article-header .standfirst').textContent())).toBe(folded(article.description));

    for (const [index, name] of article.authorNames.entries()) {
      await expect(page.getByRole('link', { name })).toHaveAttribute('href', `/auteur/${article.authors[index] ?? ''}`);
    }
    const published = page.locator('.byline time').first();
    await expect(published).toHaveAttribute('datetime', article.published);
    await expect(published).toHaveText(`Le ${article.publishedDay} à ${article.publishedTime}`);
    await expect(page.locator('.byline')).toContainText(/\d+ min de lecture/);
  });

  test('shows every quote with its speaker and where it was said', async ({ page }) => {
    const article = shippedArticle();
    test.skip(article.quotes.length === 0, 'the shipped article quotes nobody');
    await page.goto(article.path);
    const quotes = page.locator('.article-body figure.quote');
    await expect(quotes).toHaveCount(article.quotes.length);
    for (const [index, quote] of article.quotes.entries()) {
      const figure = quotes.nth(index);
      expect(folded(await figure.locator('blockquote').textContent())).toContain(folded(quote.opening));
      expect(folded(await figure.locator('figcaption').textContent())).toBe(folded(quote.caption));
      if (quote.where) expect(folded(await figure.locator('figcaption cite').textContent())).toBe(folded(quote.where));
    }
  });

  test('shows the images with their credits and sizes, loaded without layout shift', async ({ page }) => {
    const article = shippedArticle();
    await page.goto(article.path);
    const hero = page.locator('figure.hero img');
    await expect(hero).toHaveAttribute('alt', article.image.alt);
    await expect(hero).toHaveAttribute('width', String(article.hero.width));
    await expect(hero).toHaveAttribute('height', String(article.hero.height));
    expect(folded(await page.locator('figure.hero figcaption').textContent())).toBe(folded(article.image.credit));

    const inline = page.locator('.article-body figure.media img');
    await expect(inline).toHaveCount(article.images.length);
    for (const [index, image] of article.images.entries()) {
      await expect(inline.nth(index)).toHaveAttribute('alt', image.alt);
      await expect(inline.nth(index)).toHaveAttribute('width', String(image.width));
      await expect(inline.nth(index)).toHaveAttribute('height', String(image.height));
      expect(folded(await page.locator('.article-body figure.media figcaption small').nth(index).textContent())).toBe(folded(image.credit));
    }

    const pictures = [hero, ...Array.from({ length: article.images.length }, (_, index) => inline.nth(index))];
    for (const image of pictures) {
      await image.scrollIntoViewIfNeeded();
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
    const article = shippedArticle();
    await page.goto(article.path);
    const body = page.locator('.article-body');
    await expect(body).not.toContainText('Plus d’articles sur');
    await expect(body).not.toContainText(`${article.category} Actualités`);
    const tags = page.getByRole('region', { name: 'Sujets' }).getByRole('listitem');
    await expect(tags).toHaveText(article.tags);
  });
});

test('an unknown article answers 404 with the site’s not-found page', async ({ page }) => {
  const response = await page.goto('/article/cet-article-n-existe-pas');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
  await expect(page.getByRole('link', { name: 'Revenir à la une' })).toHaveAttribute('href', '/');
});

test('a slug that is not a file name cannot reach the file system', async ({ request }) => {
  const [author = ''] = shippedArticle().authors;
  // An author's slug is a file of another folder: not an article.
  for (const path of ['/article/..%2F..%2Fpackage.json', '/article/%2e%2e%2fcontent%2farticles', `/article/${author}`]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
  }
});
