import { expect, test, type APIRequestContext } from '@playwright/test';
import { imageSize } from 'image-size';
import { foldSpaces, siteFacts, type ArticleFacts } from './contentFacts';
import { jsonLdNodes, metaContent, metaContents, parseHtml } from './html';

type JsonObject = Record<string, unknown>;

const ofType = (nodes: JsonObject[], type: string) => nodes.filter((node) => node['@type'] === type);

async function fetchImage(request: APIRequestContext, url: string) {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  const body = await response.body();
  const { width, height } = imageSize(body);
  return { contentType: response.headers()['content-type'], width, height };
}

/** Google's required and recommended NewsArticle properties, held to the front matter. */
async function checkArticle(request: APIRequestContext, article: ArticleFacts) {
  const { baseUrl } = siteFacts();
  const url = `${baseUrl}/article/${article.slug}`;
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  const root = parseHtml(await response.text());
  const nodes = jsonLdNodes(root);

  // Live coverage is a LiveBlogPosting, an article too, held to the same properties.
  const type = article.live ? 'LiveBlogPosting' : 'NewsArticle';
  const [news, ...others] = ofType(nodes, type);
  expect(news, `${article.slug}: one ${type}`).toBeDefined();
  expect(others).toHaveLength(0);
  if (!news) return;
  const headline = String(news.headline);
  expect(headline.length).toBeLessThanOrEqual(110);
  expect(foldSpaces(article.title).startsWith(foldSpaces(headline).replace(/…$/, ''))).toBe(true);
  expect(news.datePublished, `${article.slug} datePublished`).toBe(article.published);
  expect(news.dateModified, `${article.slug} dateModified`).toBe(article.modified);
  expect(news.inLanguage).toBe('fr-FR');
  expect(news.articleSection).toBe(article.category);
  expect(news.keywords).toEqual(article.tags);
  expect(news.mainEntityOfPage).toMatchObject({ '@id': url });

  // Three crops, 16:9, 4:3 and 1:1, each at least 1200 px wide, absolute, reachable, credited.
  const images = news.image as JsonObject[];
  expect(images).toHaveLength(3);
  const ratios = new Set<string>();
  for (const image of images) {
    const imageUrl = String(image.url);
    expect(imageUrl.startsWith(`${baseUrl}/`), imageUrl).toBe(true);
    expect(image.creditText).toBe(article.image.credit);
    expect(image.copyrightNotice).toBe(article.image.credit);
    const file = await fetchImage(request, imageUrl);
    expect(file.contentType).toBe('image/jpeg');
    expect(file.width).toBeGreaterThanOrEqual(1200);
    expect(`${file.width}x${file.height}`).toBe(`${String(image.width)}x${String(image.height)}`);
    ratios.add((file.width / file.height).toFixed(3));
  }
  expect([...ratios].sort()).toEqual([(1).toFixed(3), (4 / 3).toFixed(3), (16 / 9).toFixed(3)].sort());

  const authors = news.author as JsonObject[];
  expect(Array.isArray(authors)).toBe(true);
  expect(authors.map((author) => [author['@type'], author.url])).toStrictEqual(article.authors.map((slug) => ['Person', `${baseUrl}/auteur/${slug}`]));
  for (const author of authors) expect((await request.get(String(author.url))).status()).toBe(200);

  const publisher = news.publisher as JsonObject;
  expect(publisher['@type']).toBe('NewsMediaOrganization');
  const logo = await fetchImage(request, String((publisher.logo as JsonObject).url));
  expect(logo.contentType).toBe('image/png');
  expect(logo.width).toBeGreaterThanOrEqual(112);

  const [breadcrumb] = ofType(nodes, 'BreadcrumbList');
  const items = (breadcrumb?.itemListElement ?? []) as JsonObject[];
  expect(items.map((item) => item.position)).toEqual([1, 2, 3]);
  expect(items.at(-1)?.item).toBe(url);
  for (const item of items) expect((await request.get(String(item.item))).status(), String(item.item)).toBe(200);

  // One instant everywhere: the visible <time>, Open Graph and JSON-LD agree to the offset.
  expect(root.querySelector('article header time')?.getAttribute('datetime')).toBe(article.published);
  expect(metaContent(root, 'article:published_time')).toBe(article.published);
  expect(metaContent(root, 'article:modified_time')).toBe(article.modified);
  expect(metaContent(root, 'og:type')).toBe('article');
  expect(metaContent(root, 'article:section')).toBe(article.category);
  expect(metaContents(root, 'article:tag')).toEqual(article.tags);
  expect(metaContents(root, 'article:author')).toStrictEqual(article.authors.map((slug) => `${baseUrl}/auteur/${slug}`));
  expect(metaContent(root, 'twitter:card')).toBe('summary_large_image');
  expect(metaContent(root, 'robots')).toContain('max-image-preview:large');
  expect(metaContent(root, 'og:image:alt')).toBe(article.image.alt);

  // The share card: a 1200×630 PNG.
  const card = await fetchImage(request, metaContent(root, 'og:image') ?? '');
  expect(card).toMatchObject({ contentType: 'image/png', width: 1200, height: 630 });
  expect(metaContent(root, 'og:image:width')).toBe('1200');
  expect(metaContent(root, 'og:image:height')).toBe('630');
}

test('every article page carries a complete NewsArticle, breadcrumb and Open Graph, all at the front matter’s instant', async ({ request }) => {
  test.setTimeout(180_000);
  const { published } = siteFacts();
  expect(published.length).toBeGreaterThan(0);
  for (const article of published) await checkArticle(request, article);
});

test('the front page describes the site, its search box and its publisher', async ({ request }) => {
  const { baseUrl } = siteFacts();
  const root = parseHtml(await (await request.get('/')).text());
  const nodes = jsonLdNodes(root);
  const [website] = ofType(nodes, 'WebSite');
  expect(website).toMatchObject({ url: `${baseUrl}/`, inLanguage: 'fr-FR' });
  const action = website?.potentialAction as JsonObject;
  const template = String((action.target as JsonObject).urlTemplate);
  expect(template).toBe(`${baseUrl}/recherche?q={search_term_string}`);
  expect(action['query-input']).toBe('required name=search_term_string');
  // The template, filled in, is a working search.
  const search = await request.get(template.replace('{search_term_string}', 'Zuckerberg'));
  expect(search.status()).toBe(200);
  const [organization] = ofType(nodes, 'NewsMediaOrganization');
  expect(organization).toMatchObject({ name: 'kiosque', url: `${baseUrl}/` });
  expect(metaContent(root, 'og:type')).toBe('website');
  const card = await fetchImage(request, metaContent(root, 'og:image') ?? '');
  expect(card).toMatchObject({ contentType: 'image/png', width: 1200, height: 630 });
});
