import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { issuePreviewToken, PREVIEW_COOKIE } from '../../../lib/preview/previewToken';
import { frontMatterDate, writeArticle as writeArticleFile, type ArticleFile } from '../support/articleFile';
import { LIVE_SERVER } from './liveServer';

// These tests change the content folder of one running server, whose content watcher is
// off (CONTENT_WATCH=off): each change shows after their call to the API. One at a time.
test.describe.configure({ mode: 'serial' });

const articlesDir = path.join(LIVE_SERVER.contentDir, 'articles');

/** Writes an article into the live server's content folder. */
const writeArticle = (file: ArticleFile) => writeArticleFile(articlesDir, file);

/** Revalidates, and returns the cache tags the site says changed (a CDN in front purges by them). */
async function revalidateNow(request: APIRequestContext): Promise<string[]> {
  const response = await request.post('/api/revalidate', { headers: { Authorization: `Bearer ${LIVE_SERVER.secrets.revalidate}` } });
  expect(response.status()).toBe(200);
  const { paths, tags } = (await response.json()) as { paths: string[]; tags: string[] };
  // The server read its content before (the warm-up requests): it names what changed, not every page.
  expect(paths).toEqual([]);
  return tags;
}

async function bodyOf(request: APIRequestContext, url: string): Promise<{ status: number; text: string }> {
  const response = await request.get(url, { maxRedirects: 0 });
  return { status: response.status(), text: await response.text() };
}

/** Where a new article must show: its page, the front page, its section, the sitemap and the feed. */
const PLACES = (slug: string) => [`/article/${slug}`, '/', '/rubrique/tech', '/sitemap.xml', '/rss.xml', '/feed.json'];

async function showsEverywhere(request: APIRequestContext, slug: string, title: string): Promise<boolean> {
  const page = await bodyOf(request, `/article/${slug}`);
  if (page.status !== 200 || !page.text.includes(title)) return false;
  for (const place of PLACES(slug).slice(1)) {
    if (!(await bodyOf(request, place)).text.includes(slug)) return false;
  }
  return true;
}

test('after POST /api/revalidate a new file shows at once; without the secret the call is refused', async ({ request }) => {
  expect((await request.post('/api/revalidate')).status()).toBe(401);
  expect((await request.post('/api/revalidate', { headers: { Authorization: 'Bearer mauvais-secret' } })).status()).toBe(401);

  const slug = 'publie-en-direct-avec-appel';
  const title = 'Publié en direct avec appel';
  // Search pages are cached too: one for a word of the new title, warmed before it exists.
  const search = '/recherche?q=appel';
  // Warm the caches first, so only the call can explain a fresh page.
  for (const place of [...PLACES(slug), search, search]) await bodyOf(request, place);
  expect((await bodyOf(request, search)).text).not.toContain(slug);
  await writeArticle({ slug, title });
  expect(await revalidateNow(request)).toEqual(
    expect.arrayContaining([`article:${slug}`, `card:${slug}`, 'list:home', 'list:section:tech', 'list:tag:ia', 'list:author:lea-martin', 'sitemap', 'search']),
  );
  expect(await revalidateNow(request)).toEqual([]);
  expect(await showsEverywhere(request, slug, title)).toBe(true);
  expect((await bodyOf(request, search)).text).toContain(slug);
});

test('a changed title shows on the page and in the feed; a deleted file answers 404 and leaves the listings', async ({ request }) => {
  const slug = 'publie-en-direct-avec-appel';
  await writeArticle({ slug, title: 'Titre corrigé après publication' });
  await revalidateNow(request);
  expect((await bodyOf(request, `/article/${slug}`)).text).toContain('Titre corrigé après publication');
  expect((await bodyOf(request, '/rss.xml')).text).toContain('Titre corrigé après publication');

  await rm(path.join(articlesDir, `${slug}.md`));
  await revalidateNow(request);
  expect((await bodyOf(request, `/article/${slug}`)).status).toBe(404);
  for (const place of ['/', '/sitemap.xml', '/rss.xml']) expect((await bodyOf(request, place)).text, place).not.toContain(slug);
});

test('an invalid new file is not published and every other page keeps serving', async ({ request }) => {
  const slug = 'fichier-invalide-en-direct';
  await writeArticle({ slug, title: 'Fichier invalide', publishedAt: '2024-02-30T10:00:00+01:00' });
  await revalidateNow(request);
  expect((await bodyOf(request, `/article/${slug}`)).status).toBe(404);
  const home = await bodyOf(request, '/');
  expect(home.status).toBe(200);
  expect(home.text).not.toContain(slug);
  expect((await bodyOf(request, '/article/mark-zuckerberg-ia-photos-facebook-instagram')).status).toBe(200);
  await rm(path.join(articlesDir, `${slug}.md`));
});

test('while the articles folder is missing, every page keeps serving its last good version; once back, edits show again', async ({ request }) => {
  const away = `${articlesDir}-ailleurs`;
  await rename(articlesDir, away);
  try {
    await revalidateNow(request);
    for (const url of ['/', '/article/mark-zuckerberg-ia-photos-facebook-instagram', '/rubrique/actualite', '/rss.xml', '/sitemap.xml']) {
      const { status, text } = await bodyOf(request, url);
      expect(status, url).toBe(200);
      expect(text, url).toContain('mark-zuckerberg-ia-photos-facebook-instagram');
    }
  } finally {
    await rename(away, articlesDir);
  }
  const slug = 'publie-apres-la-panne';
  await writeArticle({ slug, title: 'Publié après la panne' });
  await revalidateNow(request);
  expect(await showsEverywhere(request, slug, 'Publié après la panne')).toBe(true);
});

test('an article dated a few seconds ahead is hidden until its time, then published', async ({ request }) => {
  test.setTimeout(60_000);
  const slug = 'publication-programmee';
  const title = 'Publication programmée';
  const publishAt = new Date(Date.now() + 12_000);
  await writeArticle({ slug, title, publishedAt: frontMatterDate(publishAt) });
  await revalidateNow(request);
  expect((await bodyOf(request, `/article/${slug}`)).status).toBe(404);
  expect((await bodyOf(request, '/')).text).not.toContain(slug);

  await new Promise((resolve) => setTimeout(resolve, Math.max(0, publishAt.getTime() - Date.now()) + 500));
  await revalidateNow(request);
  expect(await showsEverywhere(request, slug, title)).toBe(true);
});

test('an old slug listed in redirectFrom answers a permanent redirect to the current address', async ({ request }) => {
  const slug = 'nouvelle-adresse-en-direct';
  await writeArticle({ slug, title: 'Article renommé', extra: ['redirectFrom: [ancienne-adresse-en-direct]'] });
  await revalidateNow(request);
  // proxy.ts looks at the content folder at most once a second.
  await expect.poll(async () => (await request.get('/article/ancienne-adresse-en-direct', { maxRedirects: 0 })).status(), { timeout: 5_000 }).toBe(308);
  const response = await request.get('/article/ancienne-adresse-en-direct', { maxRedirects: 0 });
  expect(new URL(response.headers().location ?? '', 'http://x').pathname).toBe(`/article/${slug}`);
});

/** Opens a preview the way an editor does: the form at /apercu, the secret in the body of a POST. */
async function openPreview(page: Page, slug: string, secret: string) {
  await page.goto('/apercu');
  await page.getByLabel('Article').fill(slug);
  await page.getByLabel('Secret d’aperçu').fill(secret);
  const [response] = await Promise.all([
    page.waitForResponse(
      (answer) => answer.request().method() === 'GET' && new URL(answer.url()).pathname !== '/apercu' && answer.request().resourceType() === 'document',
    ),
    page.getByRole('button', { name: 'Ouvrir l’aperçu' }).click(),
  ]);
  return response;
}

test('a draft answers 404 to readers and shows, marked as such, in a preview opened by the form, the secret never in an address', async ({ page, request }) => {
  const draft = 'brouillon-lunettes-connectees-arrivent-france';
  expect((await bodyOf(request, `/article/${draft}`)).status).toBe(404);
  // The old address with the secret in its query string is not taken, even with the right secret.
  const byAddress = await request.get(`/api/draft?secret=${LIVE_SERVER.secrets.draft}&slug=${draft}`, { maxRedirects: 0 });
  expect(byAddress.status()).toBe(405);
  expect(byAddress.headers()['set-cookie']).toBeUndefined();
  expect((await request.post('/api/draft', { form: { slug: draft, secret: 'faux' }, maxRedirects: 0 })).status()).toBe(401);

  const addresses: string[] = [];
  page.on('request', (sent) => addresses.push(sent.url()));
  const preview = await openPreview(page, draft, LIVE_SERVER.secrets.draft);
  expect(new URL(page.url()).pathname).toBe(`/article/${draft}`);
  expect(addresses.filter((address) => address.includes(LIVE_SERVER.secrets.draft))).toEqual([]);
  // A preview is for this editor only: no cache in front may keep it.
  expect(preview.headers()['cache-control']).toContain('no-store');
  expect(preview.headers()['cache-control']).toContain('private');
  // Rendered for this request: a nonce, no inline script allowed otherwise.
  expect(preview.headers()['content-security-policy']).toMatch(/script-src 'nonce-[^']+' 'strict-dynamic'/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('lunettes connectées');
  await expect(page.getByRole('status').filter({ hasText: 'brouillon non publié' })).toBeVisible();
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);

  await page.getByRole('link', { name: 'Quitter l’aperçu' }).click();
  const response = await page.goto(`/article/${draft}`);
  expect(response?.status()).toBe(404);
});

test('a preview closes when DRAFT_SECRET changes: a token signed with another secret shows readers’ pages, and its cookies are cleared', async ({
  page,
  context,
}) => {
  const draft = 'brouillon-lunettes-connectees-arrivent-france';
  await openPreview(page, draft, LIVE_SERVER.secrets.draft);
  await expect(page.getByRole('status').filter({ hasText: 'brouillon non publié' })).toBeVisible();
  // What the server sees once its secret is rotated: the token in the editor's browser no longer checks.
  const { origin } = new URL(page.url());
  await context.addCookies([{ name: PREVIEW_COOKIE, value: issuePreviewToken('un secret d’avant la rotation', new Date()), url: origin }]);
  const response = await page.goto(`/article/${draft}`);
  expect(response?.status()).toBe(404);
  const names = (await context.cookies()).map(({ name }) => name);
  expect(names).not.toContain(PREVIEW_COOKIE);
  expect(names).not.toContain('__prerender_bypass');
  // A published page is the readers' cached one again, with its hashed policy.
  const home = await page.goto('/');
  expect(home?.headers()['content-security-policy']).toMatch(/script-src 'self' 'sha256-/);
});
