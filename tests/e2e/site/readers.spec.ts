import { expect, test } from '@playwright/test';

const ARTICLE_PATH = '/article/mark-zuckerberg-ia-photos-facebook-instagram';

test('each quote is a figure named by its speaker, so screen readers announce who speaks', async ({ page }) => {
  await page.goto(ARTICLE_PATH);
  await expect(page.getByRole('figure', { name: /Kaaris, au micro de Dose Rap/ })).toBeVisible();
  await expect(page.getByRole('figure', { name: /Mark Zuckerberg, lors de la présentation/ })).toBeVisible();
});

test('keyboard users see where the focus is and reach the search and the sections', async ({ page }) => {
  await page.goto(ARTICLE_PATH);
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
  expect(reached).toContain('Actualité');
});

test('the print stylesheet keeps the article and its credits, and drops navigation and sharing', async ({ page }) => {
  await page.goto(ARTICLE_PATH);
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
  await page.goto(ARTICLE_PATH);
  const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(light).not.toBe(dark);
  const luminance = (rgb: string) => (rgb.match(/\d+/g) ?? []).slice(0, 3).reduce((sum, value) => sum + Number(value), 0);
  expect(luminance(dark)).toBeLessThan(luminance(light));
});
