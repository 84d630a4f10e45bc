import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { corpusFacts } from './corpusFacts';
import { scriptsLoadedBy } from '../support/scriptsLoaded';
import { collectViolations } from '../support/cspViolations';

const facts = corpusFacts();
const article = facts.articles.find((candidate) => candidate.embeds.length > 0);
const embeds = article?.embeds ?? [];
const path = `/article/${article?.slug ?? ''}`;
const plainPath = `/article/${facts.special.realArticle}`;

/** Each provider's frame origin, as the providers document their privacy-enhanced players (not read from the site's code). */
const FRAME_ORIGINS: Record<string, string> = { youtube: 'https://www.youtube-nocookie.com', x: 'https://platform.twitter.com' };
const NAMES: Record<string, string> = { youtube: 'YouTube', x: 'X' };

const youtube = embeds.filter((embed) => embed.provider === 'youtube');

test.beforeAll(() => {
  if (!article || youtube.length < 2 || !embeds.some((embed) => embed.provider === 'x'))
    throw new Error('the corpus needs an article with two YouTube embeds and an X one');
});

/** Every request the page makes to a host other than the site's, and stand-ins for the providers' frames. */
async function watchOtherHosts(context: BrowserContext): Promise<string[]> {
  const elsewhere: string[] = [];
  await context.route(
    (url) => url.hostname !== '127.0.0.1',
    async (route) => {
      elsewhere.push(route.request().url());
      const origin = new URL(route.request().url()).origin;
      const provider = Object.keys(FRAME_ORIGINS).find((key) => FRAME_ORIGINS[key] === origin);
      if (!provider || route.request().resourceType() !== 'document') return route.abort();
      return route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><title>${provider}</title><p>Lecteur de remplacement ${provider}</p>`,
      });
    },
  );
  return elsewhere;
}

const figures = (page: Page) => page.locator('.article-body figure.embed');

test('before any click the page asks nothing of any other host, and each placeholder names its provider and links to the original', async ({
  page,
  context,
}) => {
  const elsewhere = await watchOtherHosts(context);
  await page.goto(path, { waitUntil: 'networkidle' });
  await expect(figures(page)).toHaveCount(embeds.length);
  for (const [index, embed] of embeds.entries()) {
    const figure = figures(page).nth(index);
    await expect(figure).toContainText(NAMES[embed.provider] ?? '');
    await expect(figure.getByRole('link')).toHaveAttribute('href', embed.url);
    await expect(figure.getByRole('button', { name: `Afficher le contenu (${NAMES[embed.provider] ?? ''})` })).toBeVisible();
  }
  await expect(page.locator('iframe')).toHaveCount(0);
  // The address that is no provider's stays a link.
  await expect(page.locator('.article-body a[href="https://www.ligue1.fr/classement"]')).toBeVisible();
  // Scrolled to the end, every lazy picture loads: then the page has asked for all it will ask for.
  await page.mouse.wheel(0, 4000);
  await expect.poll(() => page.evaluate(() => [...document.images].every((image) => image.complete))).toBe(true);
  expect(elsewhere).toStrictEqual([]);
});

test('a click loads that one frame from the provider’s privacy-enhanced domain, and nothing breaks the page’s CSP', async ({ page, context }) => {
  const elsewhere = await watchOtherHosts(context);
  const violations = await collectViolations(page);
  await page.goto(path);
  const first = figures(page).first();
  await first.getByRole('button', { name: 'Afficher le contenu (YouTube)' }).click();
  const frame = first.locator('iframe');
  await expect(frame).toHaveAttribute('src', new RegExp(`^${FRAME_ORIGINS.youtube}/embed/`));
  await expect(frame).toBeFocused();
  await expect(page.frameLocator('.article-body figure.embed iframe').first().getByText('Lecteur de remplacement youtube')).toBeVisible();
  await expect(page.locator('iframe')).toHaveCount(1);
  expect(elsewhere.every((url) => url.startsWith(`${FRAME_ORIGINS.youtube}/`))).toBe(true);
  expect(elsewhere).toHaveLength(1);
  // The X post is allowed too, once asked for.
  await figures(page)
    .nth(embeds.findIndex((embed) => embed.provider === 'x'))
    .getByRole('button')
    .click();
  await expect(page.frameLocator(`iframe[src^="${FRAME_ORIGINS.x}/"]`).getByText('Lecteur de remplacement x')).toBeVisible();
  expect(await violations()).toStrictEqual([]);
});

test('« always » shows every frame of that provider, on this page and the next, until the reader withdraws it', async ({ page, context }) => {
  const elsewhere = await watchOtherHosts(context);
  await page.goto(path);
  const first = figures(page).first();
  await first.getByLabel('Toujours afficher les contenus YouTube').check();
  await first.getByRole('button', { name: 'Afficher le contenu (YouTube)' }).click();
  const youtubeFrames = page.locator(`iframe[src^="${FRAME_ORIGINS.youtube}/"]`);
  await expect(youtubeFrames).toHaveCount(youtube.length);

  await page.reload();
  await expect(youtubeFrames).toHaveCount(youtube.length);
  // Only YouTube was chosen: the X post still waits.
  await expect(page.locator(`iframe[src^="${FRAME_ORIGINS.x}/"]`)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Afficher le contenu (X)' })).toBeVisible();

  await page.getByRole('button', { name: 'Ne plus afficher automatiquement les contenus YouTube' }).first().click();
  await expect(youtubeFrames).toHaveCount(0);
  await expect(first.getByRole('button', { name: 'Afficher le contenu (YouTube)' })).toBeFocused();
  const before = elsewhere.length;
  await page.reload({ waitUntil: 'networkidle' });
  await expect(page.locator('iframe')).toHaveCount(0);
  expect(elsewhere.slice(before)).toStrictEqual([]);
});

test('the frames allowed are exactly this page’s providers’, and none on a page without embeds', async ({ page, context, request }) => {
  await watchOtherHosts(context);
  const policyOf = async (url: string) => (await request.get(url)).headers()['content-security-policy'] ?? '';
  expect(await policyOf('/')).toContain("frame-src 'none'");
  expect(await policyOf(plainPath)).toContain(`frame-src ${FRAME_ORIGINS.youtube}`);
  const metaOf = async (url: string) => {
    await page.goto(url);
    return page.locator('head meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  };
  expect(await metaOf(plainPath)).toBe("frame-src 'none'");
  expect(await metaOf(path)).toBe(`frame-src ${FRAME_ORIGINS.youtube} ${FRAME_ORIGINS.x}`);

  // What the browser enforces: the header and the page's own policy together.
  const framed = async (url: string, src: string) => {
    await page.goto(url);
    return page.evaluate(
      (frameSrc) =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (event) => resolve(`refusé (${event.effectiveDirective})`), { once: true });
          const frame = Object.assign(document.createElement('iframe'), { src: frameSrc });
          document.body.append(frame);
          setTimeout(() => resolve('permis'), 1500);
        }),
      src,
    );
  };
  expect(await framed(plainPath, `${FRAME_ORIGINS.youtube}/embed/aqz-KE-bpKQ`)).toBe('refusé (frame-src)');
  expect(await framed(path, 'https://player.vimeo.com/video/76979871')).toBe('refusé (frame-src)');
  expect(await framed(path, `${FRAME_ORIGINS.youtube}/embed/aqz-KE-bpKQ`)).toBe('permis');
});

test('the consent island’s code is loaded only by pages with embeds (and live ones: liveCoverage.spec.ts)', async ({ page }) => {
  const plain = await scriptsLoadedBy(page, plainPath);
  expect([...plain.values()].some((code) => code.toString('utf8').includes('Toujours afficher les contenus'))).toBe(false);
  const withEmbeds = await scriptsLoadedBy(page, path);
  const extra = [...withEmbeds].filter(([name]) => !plain.has(name));
  expect(extra.some(([, code]) => code.toString('utf8').includes('Toujours afficher les contenus'))).toBe(true);
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('each placeholder is a link to the original, with no button that would do nothing', async ({ page, context }) => {
    const elsewhere = await watchOtherHosts(context);
    await page.goto(path, { waitUntil: 'networkidle' });
    await expect(figures(page).getByRole('link')).toHaveCount(embeds.length);
    await expect(figures(page).getByRole('button')).toHaveCount(0);
    expect(elsewhere).toStrictEqual([]);
  });
});

test('on paper, the link and its address stand for the frame', async ({ page }) => {
  await page.goto(path);
  await page.emulateMedia({ media: 'print' });
  const first = figures(page).first();
  await expect(first.locator('.embed-consent')).toBeHidden();
  await expect(first.getByRole('link')).toBeVisible();
  // The address follows the link, as for every link of the body on paper.
  expect(await first.getByRole('link').evaluate((link) => getComputedStyle(link, '::after').content)).toMatch(/attr\(href\)|https:\/\//);
});

test('the feeds carry a link to each embed’s original, and no frame', async ({ request }) => {
  const feed = (await (await request.get('/rubrique/sport/feed.json')).json()) as { items: Array<{ url: string; content_html: string }> };
  const item = feed.items.find((candidate) => candidate.url.endsWith(path));
  for (const embed of embeds) expect(item?.content_html).toContain(`href="${embed.url.replaceAll('&', '&amp;')}"`);
  expect(item?.content_html).not.toMatch(/<iframe|<script/);

  const rss = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'item' }).parse(
    await (await request.get('/rubrique/sport/rss.xml')).text(),
  ) as {
    rss: { channel: { item: Array<{ link: string; 'content:encoded'?: string }> } };
  };
  const rssItem = rss.rss.channel.item.find((candidate) => candidate.link.endsWith(path));
  for (const embed of embeds) expect(rssItem?.['content:encoded']).toContain(`href="${embed.url}"`);
  expect(rssItem?.['content:encoded']).not.toContain('<iframe');
});
