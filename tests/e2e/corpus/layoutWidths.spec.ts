import { expect, test } from '@playwright/test';
import { corpusFacts } from './corpusFacts';

const facts = corpusFacts();

for (const width of [375, 1280]) {
  for (const [name, path] of [
    ['front-page', '/'],
    ['article', `/article/${facts.special.realArticle}`],
  ] as const) {
    test(`the ${name} fits a ${width} px wide screen: nothing reaches past its right edge`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(path);
      await page.evaluate(() => document.fonts.ready);
      // Past the right edge and not inside a box that scrolls or clips it (the sections' row scrolls sideways on a phone, on purpose).
      const tooWide = await page.evaluate(() => {
        const clipped = (element: Element) => {
          for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
            if (getComputedStyle(parent).overflowX !== 'visible') return true;
          }
          return false;
        };
        return [...document.body.querySelectorAll('*')]
          .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !clipped(element))
          .map((element) => `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ')[0]}` : ''}`)
          .slice(0, 5);
      });
      expect(tooWide).toStrictEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      // Saved for a person to look at (test-results/screenshots/), not compared pixel by pixel.
      const file = `test-results/screenshots/${name}-${width}.png`;
      await page.screenshot({ path: file, fullPage: true });
      await testInfo.attach(`${name}-${width}`, { path: file, contentType: 'image/png' });
    });
  }
}
