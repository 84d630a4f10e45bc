import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import sharp from 'sharp';
import {
  colouredPhoto,
  decompressionBomb,
  absurdDimensions,
  photoWithMetadata,
  plainPhoto,
  SVG_WITH_SCRIPT,
  truncatedJpeg,
} from '../../../lib/images/testing/testPhotos';
import { jsonLdNodes, metaContent, parseHtml } from '../crawlers/html';
import { writeArticle as writeArticleFile, type ArticleFile } from '../support/articleFile';
import { fetchCleanImage, sameColours, srcsetUrls } from '../support/publishedImage';
import { LIVE_SERVER } from './liveServer';

// These tests change the content folder of one running server: one at a time
// (and after the publishing tests: playwright.config.ts).
test.describe.configure({ mode: 'serial' });

const articlesDir = path.join(LIVE_SERVER.contentDir, 'articles');
const imagesDir = path.join(LIVE_SERVER.contentDir, 'images');
const LIVE_BOUND_MS = 10_000;

const writeArticle = (file: ArticleFile) => writeArticleFile(articlesDir, file);

async function writePhoto(relativePath: string, bytes: Buffer): Promise<void> {
  const file = path.join(imagesDir, relativePath);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, bytes);
}

async function revalidateNow(request: APIRequestContext) {
  const response = await request.post('/api/revalidate', { headers: { Authorization: `Bearer ${LIVE_SERVER.secrets.revalidate}` } });
  expect(response.status()).toBe(200);
}

/** The path of a URL: the build the live server copies writes absolute URLs for the corpus server's address. */
const pathOf = (url: string) => {
  const parsed = new URL(url, 'http://localhost');
  return `${parsed.pathname}${parsed.search}`;
};

const HERO_COLOUR: [number, number, number] = [40, 150, 60];
const REPLACEMENT_COLOUR: [number, number, number] = [200, 60, 160];
const SLUG = 'photo-publiee-en-direct';
const HERO = 'direct/2026/photo-du-jour.jpg';

/** Every `<img>` of the page has loaded (the browser decoded it), and every photo request answered an image. */
async function expectImagesLoaded(page: Page) {
  const images = page.locator('main img');
  const count = await images.count();
  expect(count).toBeGreaterThan(0);
  for (let index = 0; index < count; index += 1) {
    const image = images.nth(index);
    await image.scrollIntoViewIfNeeded();
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth > 0), { timeout: 10_000 }).toBe(true);
  }
}

test('an article with a photo that did not exist at build time is published within 10 s, every picture re-encoded and clean', async ({ page, request }) => {
  test.setTimeout(LIVE_BOUND_MS + 90_000);
  // A camera's file: stored sideways with an orientation tag, EXIF with GPS, XMP and IPTC.
  await writePhoto(HERO, await photoWithMetadata(await colouredPhoto(1000, 1600, HERO_COLOUR, 'png')));
  await writePhoto('direct/detail.webp', await plainPhoto(1200, 800, 'webp'));
  await writePhoto('direct/galerie-1.png', await colouredPhoto(1200, 900, [30, 60, 200], 'png'));
  await writePhoto('direct/galerie-2.avif', await colouredPhoto(1200, 900, [220, 200, 40], 'avif'));
  await writeArticle({
    slug: SLUG,
    title: 'Une photo publiée en direct',
    image: `/images/${HERO}`,
    extra: ['  focus: 80% 50%'],
    body: [
      '![Un détail de la photo](/images/direct/detail.webp "Le détail © Kiosque")',
      '',
      '![Première photo de la galerie](/images/direct/galerie-1.png "Bleu © Agence A"){focus=20% 50%}',
      '![Seconde photo de la galerie](/images/direct/galerie-2.avif "Jaune © Agence B")',
      '',
    ].join('\n'),
  });
  const start = Date.now();
  await expect.poll(async () => (await request.get(`/article/${SLUG}`)).status(), { timeout: LIVE_BOUND_MS, intervals: [2_000] }).toBe(200);
  test.info().annotations.push({ type: 'visible après', description: `${Math.round((Date.now() - start) / 1000)} s` });

  await page.goto(`/article/${SLUG}`);
  await expectImagesLoaded(page);
  await expect(page.locator('figure.gallery figure.media')).toHaveCount(2);
  await expect(page.locator('figure.gallery figcaption')).toHaveText([/Bleu\s+© Agence A/, /Jaune\s+© Agence B/]);

  // The hero: upright (the sideways file shows 1600 × 1000), every width of its srcset served and clean.
  const hero = page.locator('.hero img');
  await expect(hero).toHaveAttribute('width', '1600');
  await expect(hero).toHaveAttribute('height', '1000');
  const heroUrls = srcsetUrls((await hero.getAttribute('srcset')) ?? '');
  expect(heroUrls.length).toBeGreaterThanOrEqual(6);
  for (const url of [...heroUrls, (await hero.getAttribute('src')) ?? '']) {
    const served = await fetchCleanImage(request, url);
    expect(served.width, url).toBeGreaterThan(served.height);
    expect(sameColours(served.mean, HERO_COLOUR), `${url} is the new photo`).toBe(true);
  }
  for (const accept of ['image/avif,image/webp,*/*', 'image/webp,*/*', 'image/*']) {
    const served = await fetchCleanImage(request, heroUrls[0] ?? '', accept);
    expect(served.contentType).toBe(accept.startsWith('image/avif') ? 'image/avif' : accept.startsWith('image/webp') ? 'image/webp' : 'image/jpeg');
  }
  // Body and gallery photos: every variant of every srcset.
  for (const image of await page.locator('.article-body img').all()) {
    for (const url of srcsetUrls((await image.getAttribute('srcset')) ?? '')) await fetchCleanImage(request, url);
  }

  // JSON-LD crops and the share card are cut from the new photo, around its focus point.
  const root = parseHtml(await (await request.get(`/article/${SLUG}`)).text());
  const news = jsonLdNodes(root).find((node) => node['@type'] === 'NewsArticle');
  const crops = (news?.image ?? []) as Array<{ url: string; width: string; height: string }>;
  expect(crops).toHaveLength(3);
  for (const crop of crops) {
    const served = await fetchCleanImage(request, pathOf(crop.url));
    expect([served.contentType, served.width, served.height]).toEqual(['image/jpeg', Number(crop.width), Number(crop.height)]);
    expect(sameColours(served.mean, HERO_COLOUR), `${crop.url} is cut from the new photo`).toBe(true);
  }
  const card = await fetchCleanImage(request, pathOf(metaContent(root, 'og:image') ?? ''));
  expect([card.contentType, card.width, card.height]).toEqual(['image/png', 1200, 630]);
  // stats() reads its input, not the pipeline: the photo frame is cut out first.
  const cardPhoto = await sharp(await sharp(card.bytes).extract({ left: 720, top: 20, width: 460, height: 560 }).toBuffer()).stats();
  expect(sameColours([cardPhoto.channels[0]?.mean ?? 0, cardPhoto.channels[1]?.mean ?? 0, cardPhoto.channels[2]?.mean ?? 0], HERO_COLOUR, 40)).toBe(true);

  // Feeds carry the photo as a clean JPEG.
  const rss = await (await request.get('/rss.xml')).text();
  const item = rss.slice(rss.indexOf(`/article/${SLUG}`));
  const enclosure = /<enclosure\s[^>]*>/.exec(item)?.[0] ?? '';
  const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(enclosure)?.[1] ?? '';
  expect(attribute('type'), 'the new article’s enclosure').toBe('image/jpeg');
  const enclosed = await fetchCleanImage(request, pathOf(attribute('url')), '*/*');
  expect(enclosed.contentType).toBe('image/jpeg');
  expect(enclosed.bytes.length).toBe(Number(attribute('length')));
  expect(sameColours(enclosed.mean, HERO_COLOUR)).toBe(true);
});

test('a replaced photo gets a new URL; the old URL leads to the new picture', async ({ request }) => {
  const pageBefore = await (await request.get(`/article/${SLUG}`)).text();
  const before = /<img src="([^"]+)"[^>]*fetchPriority/.exec(pageBefore)?.[1] ?? '';
  expect(before).toMatch(/^\/photos\/[0-9a-f]{16}\//);
  await writePhoto(HERO, await colouredPhoto(1600, 1000, REPLACEMENT_COLOUR));
  await revalidateNow(request);
  const pageAfter = await (await request.get(`/article/${SLUG}`)).text();
  const after = /<img src="([^"]+)"[^>]*fetchPriority/.exec(pageAfter)?.[1] ?? '';
  expect(after).toMatch(/^\/photos\/[0-9a-f]{16}\//);
  expect(after).not.toBe(before);
  expect(sameColours((await fetchCleanImage(request, after)).mean, REPLACEMENT_COLOUR)).toBe(true);
  const old = await request.get(before, { maxRedirects: 0 });
  expect(old.status()).toBe(307);
  expect(old.headers()['cache-control']).toBe('no-store');
  expect(old.headers().location).toBe(after);
  expect((await request.get(after)).headers()['cache-control']).toBe('public, max-age=31536000, immutable');
});

test('a deleted photo makes its article a content error; every other page keeps serving', async ({ request }) => {
  await rm(path.join(imagesDir, HERO));
  await revalidateNow(request);
  expect((await request.get(`/article/${SLUG}`)).status()).toBe(404);
  for (const url of ['/', '/article/mark-zuckerberg-ia-photos-facebook-instagram', '/rss.xml', '/sitemap.xml']) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    expect(await response.text(), url).not.toContain(SLUG);
  }
});

test('hostile media are each refused by name, with no crash, and the rest keeps serving', async ({ request }) => {
  const hostile: Record<string, Buffer> = {
    'hostile/bombe.png': decompressionBomb(),
    'hostile/coupee.jpg': await truncatedJpeg(),
    'hostile/png-deguise.jpg': await plainPhoto(1200, 800, 'png'),
    'hostile/script.svg': SVG_WITH_SCRIPT,
    'hostile/vide.jpg': Buffer.alloc(0),
    'hostile/geante.png': absurdDimensions(),
  };
  for (const [name, bytes] of Object.entries(hostile)) {
    await writePhoto(name, bytes);
    await writeArticle({ slug: `media-hostile-${path.basename(name).replace(/\W+/g, '-')}`, title: `Média hostile ${name}`, image: `/images/${name}` });
  }
  try {
    await revalidateNow(request);
    for (const name of Object.keys(hostile)) {
      const slug = `media-hostile-${path.basename(name).replace(/\W+/g, '-')}`;
      expect((await request.get(`/article/${slug}`)).status(), slug).toBe(404);
      // Asked for directly, the file is never sent, whatever its hash.
      expect((await request.get(`/images/${name}`, { maxRedirects: 0 })).status(), name).toBe(404);
      expect((await request.get(`/photos/0123456789abcdef/w640/${name}`, { maxRedirects: 0 })).status(), name).toBe(404);
    }
    for (const url of ['/', '/article/mark-zuckerberg-ia-photos-facebook-instagram', '/rss.xml']) expect((await request.get(url)).status(), url).toBe(200);
  } finally {
    for (const name of Object.keys(hostile)) {
      await rm(path.join(articlesDir, `media-hostile-${path.basename(name).replace(/\W+/g, '-')}.md`));
      await rm(path.join(imagesDir, name));
    }
  }
});
