import { expect, test } from '@playwright/test';

test('the front page links to the article, with its image, date and author', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  const card = page.getByRole('article', { name: 'Pour entraîner son IA, Mark Zuckerberg utilise vos photos Facebook et Instagram' });
  await expect(card).toBeVisible();
  await expect(card.getByRole('img')).toHaveAttribute('alt', /^Illustration de remplacement/);
  await expect(card.locator('time')).toHaveText('6 février 2024');
  await expect(card).toContainText('Sikagz');

  await card.getByRole('link', { name: /Pour entraîner son IA/ }).click();
  await expect(page).toHaveURL(/\/article\/mark-zuckerberg-ia-photos-facebook-instagram$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Mark Zuckerberg');
});

test('the author page presents the author and lists their articles', async ({ page }) => {
  const response = await page.goto('/auteur/sikagz');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sikagz');
  await expect(page.getByText('1 article', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: /Pour entraîner son IA/ })).toHaveAttribute(
    'href',
    '/article/mark-zuckerberg-ia-photos-facebook-instagram',
  );
});

test('the skip link takes keyboard users to the content', async ({ page }) => {
  await page.goto('/article/mark-zuckerberg-ia-photos-facebook-instagram');
  const skipLink = page.getByRole('link', { name: 'Aller au contenu' });
  // Hidden above the page until focused (this also proves the stylesheet loaded).
  await expect(skipLink).not.toBeInViewport();
  await page.keyboard.press('Tab');
  await expect(skipLink).toBeFocused();
  await expect(skipLink).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});
