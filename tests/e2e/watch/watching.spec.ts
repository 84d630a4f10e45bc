import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { frontMatterDate, writeArticle as writeArticleFile, type ArticleFile } from '../support/articleFile';
import { liveHeadingTime } from '../../../scripts/fixtureCorpus/parisClock';
import { WATCH_SERVER } from './watchServer';
import { collectViolations } from '../support/cspViolations';

// These tests change the content folder of one running server: one at a time.
test.describe.configure({ mode: 'serial' });

const articlesDir = path.join(WATCH_SERVER.contentDir, 'articles');

/** What the site promises: a new, changed or deleted file shows within 10 s, with no call. */
const LIVE_BOUND_MS = 10_000;

async function bodyOf(request: APIRequestContext, url: string): Promise<{ status: number; text: string; cache: string | undefined }> {
  const response = await request.get(url, { maxRedirects: 0 });
  return { status: response.status(), text: await response.text(), cache: response.headers()['x-nextjs-cache'] };
}

/** The sections of the header, largest first. */
async function headerSections(request: APIRequestContext): Promise<Array<{ name: string; path: string }>> {
  const home = (await bodyOf(request, '/')).text;
  const nav = /aria-label="Rubriques">(.*?)<\/nav>/s.exec(home)?.[1] ?? '';
  return [...nav.matchAll(/<a href="(\/rubrique\/[^"]+)">([^<]+)<\/a>/g)].map((match) => ({
    path: match[1] ?? '',
    name: (match[2] ?? '').replace(/&amp;/g, '&'),
  }));
}

/**
 * The new articles go to the largest section, first in every page's header:
 * one more cannot reorder the header, so pages they are not on keep their
 * cached copy. Another section's feed is one of those.
 */
let section: { name: string; path: string };
let otherSection: { name: string; path: string };
const writeArticle = (file: ArticleFile) => writeArticleFile(articlesDir, { category: section.name, ...file });

/** Where a new article must show: its page, the front page, its section, the sitemap and the feeds. */
async function showsEverywhere(request: APIRequestContext, slug: string, title: string): Promise<boolean> {
  const page = await bodyOf(request, `/article/${slug}`);
  if (page.status !== 200 || !page.text.includes(title)) return false;
  for (const place of ['/', section.path, '/sitemap.xml', '/rss.xml', '/feed.json']) {
    if (!(await bodyOf(request, place)).text.includes(slug)) return false;
  }
  return true;
}

/**
 * Polls until `check` holds, and returns how long that took. A connection
 * reset counts as « not yet »: after a wait longer than the server's
 * keep-alive (5 s), the client may reuse a socket the server is closing, which
 * a browser retries on its own.
 */
async function within(bound: number, check: () => Promise<boolean>): Promise<number> {
  const start = Date.now();
  await expect.poll(() => check().catch(() => false), { timeout: bound, intervals: [250] }).toBe(true);
  return Date.now() - start;
}

test.beforeAll(async ({ request }) => {
  const sections = await headerSections(request);
  if (!sections[0] || !sections[1]) throw new Error('fewer than two sections in the header');
  [section, otherSection] = [sections[0], sections[1]];
});

test('a new file shows on its page, the front page, its section, the sitemap and the feeds within 10 s; pages it is not on are not rendered again', async ({
  request,
}) => {
  const slug = 'publie-sous-surveillance';
  const title = 'Publié sous surveillance';
  // Pages the new article is not on, cached and fresh before it comes.
  const untouched = ['/article/mark-zuckerberg-ia-photos-facebook-instagram', `${otherSection.path}/rss.xml`];
  const before = new Map<string, string>();
  for (const url of untouched) {
    // Rendered once if it was not in the cache, or refreshed once if it was stale: then a hit.
    await expect.poll(async () => (await bodyOf(request, url)).cache, { timeout: 10_000 }).toBe('HIT');
    before.set(url, (await bodyOf(request, url)).text);
  }
  expect((await bodyOf(request, `/article/${slug}`)).status).toBe(404);

  await writeArticle({ slug, title });
  const took = await within(LIVE_BOUND_MS, () => showsEverywhere(request, slug, title));
  test.info().annotations.push({ type: 'visible après', description: `${(took / 1000).toFixed(1)} s` });

  for (const url of untouched) {
    const after = await bodyOf(request, url);
    expect(after.cache, url).toBe('HIT');
    expect(after.text, url).toBe(before.get(url));
  }
});

test('a changed title shows within 10 s; a deleted file answers 404 within 10 s and leaves the listings', async ({ request }) => {
  const slug = 'publie-sous-surveillance';
  await writeArticle({ slug, title: 'Titre corrigé sous surveillance' });
  await within(
    LIVE_BOUND_MS,
    async () =>
      (await bodyOf(request, `/article/${slug}`)).text.includes('Titre corrigé sous surveillance') &&
      (await bodyOf(request, '/rss.xml')).text.includes('Titre corrigé sous surveillance'),
  );

  await rm(path.join(articlesDir, `${slug}.md`));
  await within(LIVE_BOUND_MS, async () => (await bodyOf(request, `/article/${slug}`)).status === 404);
  for (const place of ['/', section.path, '/sitemap.xml', '/rss.xml']) expect((await bodyOf(request, place)).text, place).not.toContain(slug);
});

test('an article scheduled a few seconds ahead appears at its time, with no edit and no call', async ({ request }) => {
  test.setTimeout(60_000);
  const slug = 'programme-sous-surveillance';
  const title = 'Programmé sous surveillance';
  const publishAt = new Date(Date.now() + 8_000);
  await writeArticle({ slug, title, publishedAt: frontMatterDate(publishAt) });
  // Seen by the watcher, and hidden until its time.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  expect((await bodyOf(request, `/article/${slug}`)).status).toBe(404);
  expect((await bodyOf(request, '/')).text).not.toContain(slug);

  await new Promise((resolve) => setTimeout(resolve, Math.max(0, publishAt.getTime() - Date.now())));
  const late = await within(LIVE_BOUND_MS, () => showsEverywhere(request, slug, title));
  test.info().annotations.push({ type: 'visible après son heure', description: `${(late / 1000).toFixed(1)} s` });
});

/** The live article of the watched corpus: its file and slug. */
async function liveArticleFile(): Promise<{ file: string; slug: string }> {
  for (const name of await readdir(articlesDir)) {
    const file = path.join(articlesDir, name);
    if (name.endsWith('.md') && /^live: true$/m.test(await readFile(file, 'utf8'))) return { file, slug: path.basename(file, '.md') };
  }
  throw new Error('no live article in the corpus');
}

test('an entry saved in a live article reaches a page left open, without a reload, through the island', async ({ page, request }) => {
  const { file, slug } = await liveArticleFile();
  const before = await readFile(file, 'utf8');
  await page.clock.install();
  await page.goto(`/article/${slug}`);
  await expect(page.locator('.live-coverage [role="status"][data-watching]')).toBeAttached();
  const newest = await page.locator('.live-entries article').first().getAttribute('id');
  const title = 'Une entrée écrite pendant les tests';
  await writeFile(file, `${before.trimEnd()}\n\n## ${liveHeadingTime(Date.now() - 60_000)} ${title}\n\nElle doit apparaître sans recharger la page.\n`);
  try {
    const saved = await within(LIVE_BOUND_MS, async () => {
      const answer = (await (await request.get(`/article/${slug}/direct/${newest ?? ''}`)).json()) as { entries?: Array<{ title: string }> };
      return answer.entries?.[0]?.title === title;
    });
    test.info().annotations.push({ type: 'entrée servie après', description: `${(saved / 1000).toFixed(1)} s` });
    const asked = page.waitForRequest((sent) => sent.url().endsWith(`/direct/${newest ?? ''}`));
    await page.clock.runFor(31_000);
    await asked;
    await expect(page.locator('.live-entries article').first()).toContainText(title);
    await expect(page.getByRole('status')).toHaveText(`Nouvelle entrée : ${title}`);
  } finally {
    await writeFile(file, before);
  }
});

test('an entry corrected and marked key after a page showed it reaches that page and « L’essentiel », without a reload', async ({ page, request }) => {
  const { file, slug } = await liveArticleFile();
  const before = await readFile(file, 'utf8');
  // The first entry of the file that is not a key one.
  const heading = [...before.matchAll(/^## ((?:\d{4}-\d{2}-\d{2} )?\d{1,2}[:h]\d{2}) (?!\[essentiel\])(.+)$/gm)].at(0);
  if (!heading?.[1] || !heading[2]) throw new Error('no plain entry in the live article');
  const corrected = `${heading[2]} (corrigé)`;
  await page.clock.install();
  await page.goto(`/article/${slug}`);
  await expect(page.locator('.live-coverage [role="status"][data-watching]')).toBeAttached();
  await expect(page.getByRole('navigation', { name: 'L’essentiel' })).not.toContainText(corrected);
  await writeFile(file, before.replace(heading[0], `## ${heading[1]} [essentiel] ${corrected}`));
  try {
    const saved = await within(LIVE_BOUND_MS, async () => (await bodyOf(request, `/article/${slug}`)).text.includes(corrected));
    test.info().annotations.push({ type: 'entrée corrigée servie après', description: `${(saved / 1000).toFixed(1)} s` });
    await page.clock.runFor(31_000);
    await expect(page.locator('.live-entries article').filter({ hasText: corrected })).toHaveCount(1);
    await expect(page.getByRole('navigation', { name: 'L’essentiel' }).getByRole('link').filter({ hasText: corrected })).toHaveCount(1);
    // The island that came with the new page is the one watching, and says what changed.
    await expect(page.locator('.live-coverage [role="status"][data-watching]')).toHaveCount(1);
    await page.clock.runFor(200);
    await expect(page.getByRole('status')).toHaveText('Le direct a été mis à jour');
  } finally {
    await writeFile(file, before);
  }
});

test('a video saved in a live entry reaches an open page as a placeholder that asks first, and its frame is allowed there', async ({ page, request }) => {
  const { file, slug } = await liveArticleFile();
  const before = await readFile(file, 'utf8');
  const violations = await collectViolations(page);
  await page.clock.install();
  await page.goto(`/article/${slug}`);
  await expect(page.locator('.live-coverage [role="status"][data-watching]')).toBeAttached();
  const newest = await page.locator('.live-entries article').first().getAttribute('id');
  const title = 'Une vidéo dans le direct';
  await writeFile(file, `${before.trimEnd()}\n\n## ${liveHeadingTime(Date.now() - 60_000)} ${title}\n\nhttps://www.youtube.com/watch?v=aqz-KE-bpKQ\n`);
  try {
    await within(LIVE_BOUND_MS, async () => {
      const answer = (await (await request.get(`/article/${slug}/direct/${newest ?? ''}`)).json()) as { entries?: Array<{ title: string }> };
      return answer.entries?.[0]?.title === title;
    });
    await page.clock.runFor(31_000);
    const entry = page.locator('.live-entries article').filter({ hasText: title });
    await expect(entry.locator('figure.embed[data-embed-provider="youtube"]')).toHaveCount(1);
    // Nothing is asked of YouTube until the reader says so.
    await expect(entry.locator('iframe')).toHaveCount(0);
    await entry.getByRole('button', { name: 'Afficher le contenu (YouTube)' }).click();
    await expect(entry.locator('iframe')).toHaveAttribute('src', 'https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ');
    expect(await violations()).toStrictEqual([]);
  } finally {
    await writeFile(file, before);
  }
});

/** The dossier of the corpus and its parts, as its files say (part 1 first: the oldest). */
async function corpusDossier(): Promise<{ slug: string; parts: string[] }> {
  const dossiersDir = path.join(WATCH_SERVER.contentDir, 'dossiers');
  const [file] = (await readdir(dossiersDir)).filter((name) => name.endsWith('.md'));
  if (!file) throw new Error('no dossier in the corpus');
  const slug = path.basename(file, '.md');
  const parts: Array<{ slug: string; at: number }> = [];
  for (const name of await readdir(articlesDir)) {
    const text = await readFile(path.join(articlesDir, name), 'utf8');
    if (new RegExp(`^dossier: ${slug}$`, 'm').test(text))
      parts.push({ slug: path.basename(name, '.md'), at: Date.parse(/^publishedAt: (.+)$/m.exec(text)?.[1] ?? '') });
  }
  return { slug, parts: parts.sort((a, b) => a.at - b.at).map((part) => part.slug) };
}

test('a new part of a dossier is numbered last, and the part before it shows the new count and links to it, within 10 s', async ({ request }) => {
  const { slug: dossier, parts } = await corpusDossier();
  const last = parts.at(-1) ?? '';
  const count = parts.length + 1;
  const slug = 'nouvelle-partie-du-dossier';
  const title = 'Une nouvelle partie du dossier, publiée pendant les tests';
  await writeArticle({ slug, title, extra: [`dossier: ${dossier}`] });
  try {
    const took = await within(LIVE_BOUND_MS, async () => {
      const [own, before, listing] = await Promise.all([
        bodyOf(request, `/article/${slug}`),
        bodyOf(request, `/article/${last}`),
        bodyOf(request, `/dossier/${dossier}`),
      ]);
      return (
        own.text.includes(`partie ${count} sur ${count}`) &&
        before.text.includes(`partie ${count - 1} sur ${count}`) &&
        before.text.includes(`href="/article/${slug}"`) &&
        listing.text.includes(title)
      );
    });
    test.info().annotations.push({ type: 'nouvelle partie numérotée partout', description: `${(took / 1000).toFixed(1)} s` });
  } finally {
    await rm(path.join(articlesDir, `${slug}.md`));
  }
  await within(LIVE_BOUND_MS, async () => (await bodyOf(request, `/article/${last}`)).text.includes(`partie ${count - 1} sur ${count - 1}`));
});

test('an embed saved into an article shows as a placeholder, its provider’s frames allowed on that page only, within 10 s', async ({ request }) => {
  const slug = 'article-avec-une-video';
  await writeArticle({ slug, title: 'Un article avec une vidéo', body: 'https://www.youtube.com/watch?v=aqz-KE-bpKQ\n' });
  try {
    await within(LIVE_BOUND_MS, async () => {
      const { status, text } = await bodyOf(request, `/article/${slug}`);
      return status === 200 && text.includes('data-embed-provider="youtube"') && text.includes('content="frame-src https://www.youtube-nocookie.com"');
    });
  } finally {
    await rm(path.join(articlesDir, `${slug}.md`));
  }
});
