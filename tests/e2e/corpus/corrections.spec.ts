import { expect, test } from '@playwright/test';
import { corpusFacts, plainSpaces } from './corpusFacts';

const facts = corpusFacts();
const twice = facts.articles.find((article) => article.corrections.length === 2);

/** « 13 novembre 2023 à 11:40 », Paris time, computed here with Intl rather than by the site's code. */
function parisDateTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '';
  const day = part('day') === '1' ? '1er' : part('day');
  return `${day} ${part('month')} ${part('year')} à ${part('hour')}:${part('minute')}`;
}

test('a corrected article lists its corrections at the end, newest first, and its last change at the top', async ({ page }) => {
  if (!twice) throw new Error('the corpus has no article corrected twice');
  await page.goto(`/article/${twice.slug}`);
  const block = page.getByRole('region', { name: 'Rectificatifs' });
  const items = block.getByRole('listitem');
  // Playwright compares with every run of spaces as one (the site's are narrow no-break spaces before « : » and « ; »).
  await expect(items).toHaveText(twice.corrections.map((correction) => plainSpaces(`Rectificatif du ${parisDateTime(correction.date)} : ${correction.text}`)));
  const times = await items.locator('time').evaluateAll((all) => all.map((time) => Date.parse(time.getAttribute('datetime') ?? '')));
  expect(times).toStrictEqual(twice.corrections.map((correction) => Date.parse(correction.date)));
  // The byline's « Mis à jour le » is the latest correction.
  const updated = page.locator('.byline time').filter({ hasText: 'Mis à jour le' });
  await expect(updated).toHaveText(`Mis à jour le ${parisDateTime(twice.corrections[0]?.date ?? '')}`);
  expect(Date.parse((await updated.getAttribute('datetime')) ?? '')).toBe(Date.parse(twice.corrections[0]?.date ?? ''));
  // The block comes after the body, before the tags.
  const order: string[] = await page
    .locator('article .article-body, article .corrections, article .tags')
    .evaluateAll((all) => all.map((element) => element.classList[0] ?? ''));
  expect(order).toStrictEqual(['article-body', 'corrections', 'tags']);
});

test('an article without corrections has no corrections block', async ({ page }) => {
  const plain = facts.articles.find((article) => article.corrections.length === 0);
  await page.goto(`/article/${plain?.slug ?? ''}`);
  await expect(page.locator('.corrections')).toHaveCount(0);
});
