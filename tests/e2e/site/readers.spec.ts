import { expect, test } from '@playwright/test';
import { shippedArticle } from './shippedArticle';

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('each quote is a figure named by its speaker, so screen readers announce who speaks', async ({ page }) => {
  const article = shippedArticle();
  test.skip(article.quotes.length === 0, 'the shipped article quotes nobody');
  await page.goto(article.path);
  for (const quote of article.quotes)
    await expect(page.getByRole('figure', { name: new RegExp(escaped(quote.where ? `${quote.speaker}, ${quote.where}` : quote.speaker)) })).toBeVisible();
});

test('keyboard users see where the focus is and reach the search and the sections', async ({ page }) => {
  const article = shippedArticle();
  await page.goto(article.path);
  const reached: string[] = [];
  for (let press = 0; press < 8; press += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      if (!(element instanceof HTMLElement)) return null;
      const style = getComputedStyle(element);
      return { name: element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '', outline: style.outlineStyle, tag: element.tagName };
    });
    if (!focused) continue;
    expect(focused.outline, `${focused.tag} « ${focused.name} » has no visible focus`).not.toBe('none');
    reached.push(focused.name);
  }
  expect(reached).toContain('Rechercher');
  expect(reached).toContain(article.category);
});

test('the print stylesheet keeps the article and its credits, and drops navigation and sharing', async ({ page }) => {
  await page.goto(shippedArticle().path);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('figure.hero figcaption')).toBeVisible();
  await expect(page.locator('.article-body figure.quote figcaption').first()).toBeVisible();
  for (const hidden of ['nav[aria-label="Rubriques"]', 'nav[aria-label="Fil d’Ariane"]', '.share', '.related', '.site-footer', '.site-header form']) {
    await expect(page.locator(hidden)).toBeHidden();
  }
});

test('dark mode follows the system preference', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(shippedArticle().path);
  const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(light).not.toBe(dark);
  const luminance = (rgb: string) => (rgb.match(/\d+/g) ?? []).slice(0, 3).reduce((sum, value) => sum + Number(value), 0);
  expect(luminance(dark)).toBeLessThan(luminance(light));
});
