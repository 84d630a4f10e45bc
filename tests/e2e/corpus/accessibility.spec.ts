import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { corpusFacts } from './corpusFacts';

const facts = corpusFacts();

/** One URL for each kind of page a reader can reach. */
const pageTypes: Record<string, string> = {
  'front page': '/',
  'front page, page 2': '/page/2',
  article: `/article/${facts.special.realArticle}`,
  'article with corrections': `/article/${facts.articles.find((article) => article.corrections.length > 1)?.slug ?? ''}`,
  'article with three authors': `/article/${facts.articles.find((article) => article.authors.length === 3)?.slug ?? ''}`,
  'live coverage': `/article/${facts.articles.find((article) => article.live)?.slug ?? ''}`,
  dossier: `/dossier/${Object.keys(facts.dossiers)[0] ?? ''}`,
  'article in a dossier': `/article/${Object.values(facts.dossiers)[0]?.parts[1] ?? ''}`,
  'article with embeds': `/article/${facts.articles.find((article) => article.embeds.length > 0)?.slug ?? ''}`,
  section: '/rubrique/cinema',
  tag: '/tag/ia',
  author: '/auteur/camille-durand',
  'search results': '/recherche?q=entrainer',
  'search without results': '/recherche?q=xylophone-introuvable',
  'empty search': '/recherche',
  'not found': '/article/introuvable',
};

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`in ${colorScheme} mode`, () => {
    test.use({ colorScheme });

    for (const [pageType, path] of Object.entries(pageTypes)) {
      test(`axe finds no violation on the ${pageType}`, async ({ page }) => {
        await page.goto(path);
        // Embeds: checked with the consent island's buttons in place.
        if (pageType === 'article with embeds') await expect(page.locator('.embed-show').first()).toBeVisible();
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
        const summary = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
        expect(summary).toEqual([]);
      });
    }
  });
}

test('headings never skip a level on any page type', async ({ page }) => {
  for (const path of Object.values(pageTypes)) {
    await page.goto(path);
    const levels = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((headings) => headings.map((heading) => Number(heading.tagName[1])));
    expect(levels[0], path).toBe(1);
    levels.forEach((level, index) => {
      if (index > 0) expect(level - (levels[index - 1] ?? 1), `${path}: h${levels[index - 1]} then h${level}`).toBeLessThanOrEqual(1);
    });
    await expect(page.getByRole('heading', { level: 1 }), path).toHaveCount(1);
  }
});

test('the landmarks are there on every page type', async ({ page }) => {
  for (const path of Object.values(pageTypes)) {
    await page.goto(path);
    await expect(page.getByRole('banner'), path).toHaveCount(1);
    await expect(page.getByRole('main'), path).toHaveCount(1);
    await expect(page.getByRole('contentinfo'), path).toHaveCount(1);
    await expect(page.getByRole('navigation', { name: 'Rubriques' }), path).toHaveCount(1);
  }
});
