import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import servers from '../servers.json' with { type: 'json' };

/** Articles of the corpus whose body has a gallery: two image lines in a row, read from the files themselves. */
const withGallery = readdirSync(path.join(servers.corpus.contentDir, 'articles'))
  .filter((file) => /^!\[.*\n!\[/m.test(readFileSync(path.join(servers.corpus.contentDir, 'articles', file), 'utf8')))
  .filter((file) => !/^draft: true$/m.test(readFileSync(path.join(servers.corpus.contentDir, 'articles', file), 'utf8')))
  .map((file) => path.basename(file, '.md'));

test.describe('a gallery, with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('shows each photo with its caption and credit, and scrolls with the arrow keys once it has focus', async ({ page }) => {
    const [slug] = withGallery;
    if (!slug) throw new Error('the corpus has no gallery');
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`/article/${slug}`);
    const gallery = page.locator('figure.gallery');
    await expect(gallery).toHaveCount(1);
    await expect(gallery).toHaveAttribute('aria-label', 'Galerie de 2 photos');
    const items = gallery.locator('li > figure.media');
    await expect(items).toHaveCount(2);
    await expect(items.nth(0).locator('figcaption small')).toHaveText(/^©/);
    await expect(items.nth(1).locator('figcaption')).toHaveText(/Vue d’ensemble\s+© Kiosque/);
    // The focus point written after the second photo keeps its point in the 3:2 frame.
    await expect(items.nth(1).locator('img')).toHaveCSS('object-position', '70% 40%');

    const list = gallery.locator('ul.gallery-items');
    await list.scrollIntoViewIfNeeded();
    const scrollLeft = () => list.evaluate((element) => element.scrollLeft);
    expect(await scrollLeft()).toBe(0);
    // Reached by Tab like any control (it is in the tab order), then scrolled by the keyboard.
    await list.focus();
    await expect(list).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect.poll(scrollLeft).toBeGreaterThan(0);
    for (let press = 0; press < 12; press += 1) await page.keyboard.press('ArrowRight');
    await expect
      .poll(async () =>
        items.nth(1).evaluate((element) => {
          const box = element.getBoundingClientRect();
          const row = element.closest('ul')?.getBoundingClientRect();
          return row !== undefined && box.right <= row.right + 1 && box.left >= row.left - 1;
        }),
      )
      .toBe(true);
  });

  test('prints every photo of the gallery, none cut off', async ({ page }) => {
    const [slug] = withGallery;
    if (!slug) throw new Error('the corpus has no gallery');
    await page.emulateMedia({ media: 'print' });
    await page.goto(`/article/${slug}`);
    const list = page.locator('ul.gallery-items');
    await expect(list).toHaveCSS('display', 'grid');
    const fits = await list.evaluate((element) => element.scrollWidth <= element.clientWidth + 1);
    expect(fits).toBe(true);
  });
});
