import { expect, test, type APIRequestContext } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { foldSpaces, siteFacts, type ArticleFacts } from './contentFacts';
import { fetchCleanImage } from '../support/publishedImage';
import { parseHtml } from './html';

// The site promises its 20 newest articles (README, For crawlers).
const FEED_SIZE = 20;

const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  isArray: (name) => ['item', 'entry', 'category', 'link', 'author'].includes(name),
});

async function fetchText(request: APIRequestContext, path: string, type: string): Promise<string> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()['content-type'], path).toContain(type);
  return response.text();
}

function parseXml(text: string, path: string): Record<string, unknown> {
  expect(XMLValidator.validate(text), `${path} is well-formed XML`).toBe(true);
  return parser.parse(text) as Record<string, unknown>;
}

/** What every format must say of one article. */
interface FeedItemView {
  link: string;
  title: string;
  published: string;
  modified?: string;
  categories: string[];
  authors: string[];
  content: string;
  image?: string;
}

/** RFC 822 date, as RSS writes it, back to an instant and its offset. */
function rfc822ToIso(text: string): { ms: number; offset: string } {
  const offset = /([+-]\d{2})(\d{2})$/.exec(text);
  return { ms: Date.parse(text), offset: offset ? `${offset[1]}:${offset[2]}` : '+00:00' };
}

async function readRss(request: APIRequestContext, path: string): Promise<FeedItemView[]> {
  const root = parseXml(await fetchText(request, path, 'application/rss+xml'), path);
  const channel = (root.rss as { channel: { item?: Record<string, unknown>[]; language: string } }).channel;
  expect(channel.language).toBe('fr');
  return (channel.item ?? []).map((item) => {
    const pubDate = rfc822ToIso(String(item.pubDate));
    const enclosure = item.enclosure as Record<string, string> | undefined;
    return {
      link: String(item.link),
      title: String(item.title),
      published: `${pubDate.ms}${pubDate.offset}`,
      categories: (item.category as (string | { '#text': string })[]).map((category) => (typeof category === 'string' ? category : category['#text'])),
      authors: [item['dc:creator']].flat().map(String),
      content: String(item['content:encoded']),
      image: enclosure?.['@_url'],
    };
  });
}

async function readAtom(request: APIRequestContext, path: string): Promise<FeedItemView[]> {
  const root = parseXml(await fetchText(request, path, 'application/atom+xml'), path);
  const feed = root.feed as { entry?: Record<string, unknown>[] };
  return (feed.entry ?? []).map((entry) => {
    const links = entry.link as Record<string, string>[];
    return {
      link: links.find((link) => link['@_rel'] === undefined)?.['@_href'] ?? '',
      title: String((entry.title as { '#text': string })['#text']),
      published: String(entry.published),
      modified: String(entry.updated),
      categories: (entry.category as Record<string, string>[]).map((category) => category['@_term'] ?? ''),
      authors: [entry.author].flat().map((author) => String((author as { name: string }).name)),
      content: String((entry.content as { '#text': string })['#text']),
      image: links.find((link) => link['@_rel'] === 'enclosure')?.['@_href'],
    };
  });
}

interface JsonFeedItem {
  url: string;
  title: string;
  date_published: string;
  date_modified: string;
  tags: string[];
  authors: { name: string; url: string }[];
  content_html: string;
  image: string;
}

async function readJsonFeed(request: APIRequestContext, path: string): Promise<FeedItemView[]> {
  const feed = JSON.parse(await fetchText(request, path, 'application/feed+json')) as { version: string; language: string; items: JsonFeedItem[] };
  expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
  expect(feed.language).toBe('fr');
  return feed.items.map((item) => ({
    link: item.url,
    title: item.title,
    published: item.date_published,
    modified: item.date_modified,
    categories: item.tags,
    authors: item.authors.map((author) => author.name),
    content: item.content_html,
    image: item.image,
  }));
}

const READERS = { 'rss.xml': readRss, 'atom.xml': readAtom, 'feed.json': readJsonFeed };

/** A feed holds the newest articles of its listing, whole, dated as the front matter says, with no script. */
function checkItems(items: FeedItemView[], expected: ArticleFacts[], file: string, authorNames: Map<string, string>) {
  const { baseUrl } = siteFacts();
  const newest = expected.slice(0, FEED_SIZE);
  expect(
    items.map((item) => item.link),
    file,
  ).toEqual(newest.map((article) => `${baseUrl}/article/${article.slug}`));
  items.forEach((item, index) => {
    const article = newest[index];
    if (!article) return;
    expect(foldSpaces(item.title)).toBe(foldSpaces(article.title));
    if (file === 'rss.xml') {
      // RSS's RFC 822 date: the same instant, and the same offset.
      expect(item.published).toBe(`${Date.parse(article.published)}${article.published.slice(-6)}`);
    } else {
      expect(item.published, `${file} ${article.slug}`).toBe(article.published);
      expect(item.modified, `${file} ${article.slug}`).toBe(article.modified);
    }
    expect(item.categories).toEqual([article.category, ...article.tags]);
    expect(item.authors, `${file} ${article.slug}`).toStrictEqual(article.authors.map((slug) => authorNames.get(slug)));
    // The hero as a JPEG variant named by the file's hash, never the file itself.
    const heroJpeg = new RegExp(`^${baseUrl}/photos/${article.image.hash}/w\\d+-jpeg/${article.image.src.replace(/^\/images\//, '')}\\.jpeg$`);
    expect(item.image).toMatch(heroJpeg);
    const content = parseHtml(item.content);
    expect(content.querySelectorAll('script, iframe, object, embed, style')).toHaveLength(0);
    expect(item.content).not.toMatch(/\son[a-z]+\s*=|javascript:/i);
    expect(content.querySelector('figure img')?.getAttribute('src')).toMatch(heroJpeg);
    expect(content.querySelectorAll('[srcset]'), 'no srcset of root-relative URLs').toHaveLength(0);
    for (const element of content.querySelectorAll('[src], [href]')) {
      const url = element.getAttribute('src') ?? element.getAttribute('href') ?? '';
      expect(/^(https?:|#|mailto:)/.test(url), `${file} ${article.slug}: relative URL ${url}`).toBe(true);
    }
  });
}

async function authorNamesOf(request: APIRequestContext, slugs: Iterable<string>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const slug of new Set(slugs)) {
    const root = parseHtml(await (await request.get(`/auteur/${slug}`)).text());
    names.set(slug, root.querySelector('h1')?.textContent.trim() ?? '');
  }
  return names;
}

test('the site’s RSS, Atom and JSON feeds carry the newest articles whole, with the front matter’s dates', async ({ request }) => {
  const { published } = siteFacts();
  const names = await authorNamesOf(
    request,
    published.flatMap((article) => article.authors),
  );
  for (const [file, read] of Object.entries(READERS)) checkItems(await read(request, `/${file}`), published, file, names);
});

/** The attributes of each `<enclosure>`, in whatever order the feed writes them. */
function enclosuresOf(xml: string): Array<{ url: string; length: string; type: string }> {
  return [...xml.matchAll(/<enclosure\s[^>]*>/g)].map(([element]) => {
    const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(element)?.[1] ?? '';
    return { url: attribute('url'), length: attribute('length'), type: attribute('type') };
  });
}

test('each RSS enclosure is a JPEG re-encoded from the photo, its length the bytes served', async ({ request }) => {
  const xml = await (await request.get('/rss.xml')).text();
  const enclosures = enclosuresOf(xml);
  expect(enclosures.length).toBe(Math.min(FEED_SIZE, siteFacts().published.length));
  for (const { url, length, type } of enclosures.slice(0, 5)) {
    // A feed reader may not say what it takes: the enclosure is a JPEG whatever Accept says.
    const served = await fetchCleanImage(request, url, '*/*');
    expect([served.contentType, type, served.bytes.length]).toEqual(['image/jpeg', 'image/jpeg', Number(length)]);
  }
});

test('every section and every author has its three feeds, holding only its own articles', async ({ request }) => {
  test.setTimeout(120_000);
  const { published } = siteFacts();
  const names = await authorNamesOf(
    request,
    published.flatMap((article) => article.authors),
  );
  const sectionPaths = new Map<string, ArticleFacts[]>();
  const home = parseHtml(await (await request.get('/')).text());
  // Sections are reached as readers reach them, from the navigation, then matched by name.
  for (const link of home.querySelectorAll('header nav a[href^="/rubrique/"]')) {
    const name = link.textContent.trim();
    sectionPaths.set(
      link.getAttribute('href') ?? '',
      published.filter((article) => article.category === name),
    );
  }
  expect(sectionPaths.size).toBeGreaterThan(0);
  const authorPaths = new Map([...names.keys()].map((slug) => [`/auteur/${slug}`, published.filter((article) => article.authors.includes(slug))]));
  for (const [listing, articles] of [...sectionPaths, ...authorPaths]) {
    expect(articles.length, listing).toBeGreaterThan(0);
    for (const [file, read] of Object.entries(READERS)) checkItems(await read(request, `${listing}/${file}`), articles, file, names);
  }
});

test('every page links to the site’s feeds in its head, and section and article pages to their own', async ({ request }) => {
  const { published } = siteFacts();
  const article = published[0];
  if (!article) throw new Error('no article');
  const pages = ['/', `/article/${article.slug}`, `/auteur/${article.author}`, '/recherche?q=test'];
  for (const path of pages) {
    const root = parseHtml(await (await request.get(path)).text());
    const alternates = root
      .querySelectorAll('head link[rel="alternate"]')
      .map((link) => [link.getAttribute('type'), new URL(link.getAttribute('href') ?? '').pathname]);
    expect(alternates, path).toEqual(
      expect.arrayContaining([
        ['application/rss+xml', '/rss.xml'],
        ['application/atom+xml', '/atom.xml'],
        ['application/feed+json', '/feed.json'],
      ]),
    );
    if (path.startsWith('/article/')) {
      expect(alternates).toEqual(expect.arrayContaining([['application/rss+xml', `/auteur/${article.author}/rss.xml`]]));
      expect(alternates.some(([, href]) => href?.startsWith('/rubrique/') && href.endsWith('/atom.xml'))).toBe(true);
    }
    for (const [, href] of alternates) expect((await request.get(href ?? '')).status(), href).toBe(200);
  }
});
