import { test } from '@playwright/test';
import { corpusFacts } from './corpusFacts';

const facts = corpusFacts();

// Saved for a person to look at (test-results/screenshots/), not compared pixel by pixel.
for (const width of [375, 1280]) {
  for (const [name, path] of [
    ['front-page', '/'],
    ['article', `/article/${facts.special.realArticle}`],
  ] as const) {
    test(`screenshot of the ${name} at ${width} px`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(path);
      await page.evaluate(() => document.fonts.ready);
      const file = `test-results/screenshots/${name}-${width}.png`;
      await page.screenshot({ path: file, fullPage: true });
      await testInfo.attach(`${name}-${width}`, { path: file, contentType: 'image/png' });
    });
  }
}
