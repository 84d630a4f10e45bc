import { expect, test } from '@playwright/test';
import { siteFacts } from '../crawlers/contentFacts';
import { folded, shippedArticle } from './shippedArticle';

test('the front page links to the newest article, with its image, date and author', async ({ page }) => {
  const article = shippedArticle();
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  const card = page.getByRole('article', { name: article.title });
  await expect(card).toBeVisible();
  await expect(card.getByRole('img')).toHaveAttribute('alt', article.image.alt);
  await expect(card.locator('time')).toHaveText(article.publishedDay);
  for (const name of article.authorNames) await expect(card).toContainText(name);

  await card.getByRole('link', { name: article.title }).click();
  await expect(page).toHaveURL(new RegExp(`${article.path}$`));
  expect(folded(await page.getByRole('heading', { level: 1 }).textContent())).toBe(folded(article.title));
});

test('the author page presents the author and lists their articles', async ({ page }) => {
  const article = shippedArticle();
  const [author = ''] = article.authors;
  const count = siteFacts().published.filter((published) => published.authors.includes(author)).length;
  const response = await page.goto(`/auteur/${author}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.authorNames[0] ?? '');
  await expect(page.getByText(`${count} article${count > 1 ? 's' : ''}`, { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: article.title })).toHaveAttribute('href', article.path);
});

test('the skip link takes keyboard users to the content', async ({ page }) => {
  await page.goto(shippedArticle().path);
  const skipLink = page.getByRole('link', { name: 'Aller au contenu' });
  // Hidden above the page until focused (this also proves the stylesheet loaded).
  await expect(skipLink).not.toBeInViewport();
  await page.keyboard.press('Tab');
  await expect(skipLink).toBeFocused();
  await expect(skipLink).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});
