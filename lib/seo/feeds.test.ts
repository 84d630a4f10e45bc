import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Article } from '../content/article';
import { buildArticle, newestFirst } from '../content/testing/buildArticle';
import type { FeedFormat } from '../routes';
import { absoluteUrl } from '../siteConfig';
import { absolutizeHtml, FEED_ITEM_COUNT, renderFeed, type EnclosureSize, type FeedChannel } from './feeds';

const WINTER = { date: new Date('2024-02-06T15:17:00Z'), iso: '2024-02-06T16:17:00+01:00' };
const SUMMER = { date: new Date('2024-07-14T08:30:00Z'), iso: '2024-07-14T10:30:00+02:00' };
const HERO_SIZE = 123_456;

const channel: FeedChannel = { title: 'kiosque — Tech', description: 'La rubrique tech.', listingPath: '/rubrique/tech' };
const fileSize: EnclosureSize = (article) => (article.slug === 'hiver' ? HERO_SIZE : undefined);
/** The hero of `hiver` as every feed carries it: a 1280 px JPEG variant named by the file's hash. */
const HERO_JPEG = '/photos/0123456789abcdef/w1280-jpeg/meta-ia-photos-hero.png.jpeg';

const BODY =
  '<p><a href="/article/autre">lien</a> <img src="/images/schema.png" alt="">' +
  ' <a href="//cdn.example/x.js">cdn</a> <a href="https://ailleurs.example/">ailleurs</a> <a href="#note">note</a></p>';

const winter = buildArticle({
  slug: 'hiver',
  title: 'Meta & l’IA : <b>« non »</b>',
  category: 'Tech',
  tags: ['IA', 'Meta'],
  publishedAt: WINTER,
  updatedAt: SUMMER,
  image: {
    src: '/images/meta-ia-photos-hero.png',
    alt: 'Des photos',
    width: 1600,
    height: 900,
    hash: '0123456789abcdef',
    credit: '© GettyImages',
    caption: 'Des photos générées.',
  },
});
const summer = buildArticle({ slug: 'ete', category: 'Tech', publishedAt: SUMMER });
const articles = newestFirst([winter, summer]);

/** Bodies are loaded apart from articles (lib/content/article.ts): the feed asks for each. */
const bodies = new Map([
  [winter.slug, BODY],
  ['cdata', '<p>a ]]> b ]]> c</p>'],
]);
const inputs = { enclosureSize: fileSize, bodyHtml: (article: Article) => bodies.get(article.slug) ?? '<p>Texte.</p>' };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  isArray: (name) => ['item', 'entry', 'category', 'link'].includes(name),
});

interface Attributes {
  [attribute: `@_${string}`]: string;
}

interface RssItem {
  title: string;
  link: string[];
  guid: { '#text': string };
  pubDate: string;
  'content:encoded': string;
  'dc:creator': string;
  category: ({ '#text': string } & Attributes)[];
  enclosure: Attributes;
}

interface AtomEntry {
  title: { '#text': string };
  id: string;
  link: Attributes[];
  published: string;
  updated: string;
  author: { name: string; uri: string };
  category: Attributes[];
  content: { '#text': string };
}

interface JsonFeed {
  version: string;
  language: string;
  feed_url: string;
  home_page_url: string;
  items: {
    id: string;
    url: string;
    title: string;
    content_html: string;
    image: string;
    date_published: string;
    date_modified: string;
    authors: { name: string; url: string }[];
    tags: string[];
    language: string;
  }[];
}

function rssItems(list: readonly Article[]): RssItem[] {
  const xml = renderFeed('rss', channel, list, inputs);
  expect(XMLValidator.validate(xml)).toBe(true);
  return (parser.parse(xml) as { rss: { channel: { item?: RssItem[] } } }).rss.channel.item ?? [];
}

function atomEntries(list: readonly Article[]): AtomEntry[] {
  const xml = renderFeed('atom', channel, list, inputs);
  expect(XMLValidator.validate(xml)).toBe(true);
  return (parser.parse(xml) as { feed: { entry?: AtomEntry[] } }).feed.entry ?? [];
}

function jsonFeed(list: readonly Article[]): JsonFeed {
  return JSON.parse(renderFeed('json', channel, list, inputs)) as JsonFeed;
}

/** Item titles of a feed in any format, as a reader sees them. */
function titles(format: FeedFormat, list: readonly Article[]): string[] {
  if (format === 'rss') return rssItems(list).map((item) => item.title);
  if (format === 'atom') return atomEntries(list).map((entry) => entry.title['#text']);
  return jsonFeed(list).items.map((item) => item.title);
}

const rssWinter = rssItems(articles).find((item) => item.link[0] === absoluteUrl('/article/hiver'));
const atomWinter = atomEntries(articles).find((entry) => entry.id === absoluteUrl('/article/hiver'));

describe('renderFeed', () => {
  it.each<FeedFormat>(['rss', 'atom', 'json'])('keeps the newest %s items up to the limit', (format) => {
    const many = newestFirst(Array.from({ length: FEED_ITEM_COUNT + 10 }, (_, index) => buildArticle({ slug: `a-${index}`, day: index + 1 })));
    const result = titles(format, many);
    expect(result).toHaveLength(FEED_ITEM_COUNT);
    expect(result[0]).toBe(many[0]?.title);
  });

  it.each<FeedFormat>(['rss', 'atom', 'json'])('renders a valid, empty %s feed when there is no article', (format) => {
    expect(titles(format, [])).toEqual([]);
  });

  it.each<FeedFormat>(['rss', 'atom', 'json'])('lets a %s reader read back a title holding & and <', (format) => {
    expect(titles(format, [winter])).toEqual(['Meta & l’IA : <b>« non »</b>']);
  });
});

describe('a corrected article', () => {
  const corrected = buildArticle({
    slug: 'rectifie',
    publishedAt: WINTER,
    corrections: [{ date: { iso: '2024-02-08T10:00:00+01:00', date: new Date('2024-02-08T09:00:00Z') }, text: 'Le chiffre était faux : 12 & non 21.' }],
  });

  it('carries its corrections at the end of the item, and dates the item by the latest', () => {
    const [item] = jsonFeed([corrected]).items;
    expect(item?.content_html).toMatch(/<p><strong>Rectificatif du 8 février 2024 à 10:00<\/strong>\u202f: Le chiffre était faux : 12 &amp; non 21\.<\/p>$/);
    expect(item?.date_modified).toBe('2024-02-08T10:00:00+01:00');
    const [entry] = atomEntries([corrected]);
    expect(entry?.updated).toBe('2024-02-08T10:00:00+01:00');
  });
});

describe('an article with two authors', () => {
  const lea = { slug: 'lea-martin', name: 'Léa Martin', bio: 'Journaliste.', sourcePath: 'content/authors/lea-martin.md' };
  const coSigned = buildArticle({ slug: 'a-deux', authors: [winter.authors[0] ?? lea, lea] });
  const rawParser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    isArray: (name) => ['dc:creator', 'author'].includes(name),
  });

  it('names both, in the byline’s order, in RSS (dc:creator), Atom (author) and JSON Feed (authors)', () => {
    const rss = rawParser.parse(renderFeed('rss', channel, [coSigned], inputs)) as { rss: { channel: { item: { 'dc:creator': string[] } } } };
    expect(rss.rss.channel.item['dc:creator']).toStrictEqual(['Sikagz', 'Léa Martin']);
    const atom = rawParser.parse(renderFeed('atom', channel, [coSigned], inputs)) as { feed: { entry: { author: Array<{ name: string; uri: string }> } } };
    expect(atom.feed.entry.author).toStrictEqual([
      { name: 'Sikagz', uri: absoluteUrl('/auteur/sikagz') },
      { name: 'Léa Martin', uri: absoluteUrl('/auteur/lea-martin') },
    ]);
    expect(jsonFeed([coSigned]).items[0]?.authors).toStrictEqual([
      { name: 'Sikagz', url: absoluteUrl('/auteur/sikagz') },
      { name: 'Léa Martin', url: absoluteUrl('/auteur/lea-martin') },
    ]);
  });
});

describe('RSS', () => {
  it('gives each item its absolute link as guid', () => {
    expect(rssItems(articles).map((item) => item.link[0])).toEqual([absoluteUrl('/article/ete'), absoluteUrl('/article/hiver')]);
    expect(rssWinter?.guid['#text']).toBe(absoluteUrl('/article/hiver'));
  });

  it.each([
    ['winter', WINTER, 'Tue, 06 Feb 2024 16:17:00 +0100'],
    ['summer', SUMMER, 'Sun, 14 Jul 2024 10:30:00 +0200'],
    ['UTC', { date: new Date('2024-02-06T15:17:00Z'), iso: '2024-02-06T15:17:00Z' }, 'Tue, 06 Feb 2024 15:17:00 +0000'],
  ])('dates a %s publication in RFC 822 with the written offset', (_, publishedAt, pubDate) => {
    const [item] = rssItems([buildArticle({ slug: 'date', publishedAt })]);
    expect(item?.pubDate).toBe(pubDate);
  });

  it('names the writer with dc:creator and files the item under its section and tags', () => {
    expect(rssWinter?.['dc:creator']).toBe('Sikagz');
    expect(rssWinter?.category).toEqual([
      { '#text': 'Tech', '@_domain': absoluteUrl('/rubrique/tech') },
      { '#text': 'IA', '@_domain': absoluteUrl('/tag/ia') },
      { '#text': 'Meta', '@_domain': absoluteUrl('/tag/meta') },
    ]);
  });

  it('encloses the hero as a JPEG variant, with its size in bytes', () => {
    expect(rssWinter?.enclosure).toEqual({
      '@_url': absoluteUrl(HERO_JPEG),
      '@_length': String(HERO_SIZE),
      '@_type': 'image/jpeg',
    });
  });

  it('carries the credited hero figure and the body with absolute links', () => {
    const content = rssWinter?.['content:encoded'] ?? '';
    expect(content).toContain(`<img src="${absoluteUrl(HERO_JPEG)}" alt="Des photos" width="1280" height="720">`);
    expect(content).toContain('<figcaption>Des photos générées. © GettyImages</figcaption>');
    expect(content).toContain(`<a href="${absoluteUrl('/article/autre')}">lien</a>`);
  });
});

describe('Atom', () => {
  it('gives published and updated as written', () => {
    expect(atomWinter?.published).toBe('2024-02-06T16:17:00+01:00');
    expect(atomWinter?.updated).toBe('2024-07-14T10:30:00+02:00');
  });

  it('links the article, its author, its categories and its image', () => {
    expect(atomWinter?.link).toEqual([
      { '@_href': absoluteUrl('/article/hiver') },
      { '@_rel': 'enclosure', '@_href': absoluteUrl(HERO_JPEG), '@_type': 'image/jpeg', '@_length': String(HERO_SIZE) },
    ]);
    expect(atomWinter?.author).toEqual({ name: 'Sikagz', uri: absoluteUrl('/auteur/sikagz') });
    expect(atomWinter?.category.map((category) => [category['@_term'], category['@_scheme']])).toEqual([
      ['Tech', absoluteUrl('/rubrique/tech')],
      ['IA', absoluteUrl('/tag/ia')],
      ['Meta', absoluteUrl('/tag/meta')],
    ]);
    expect(atomWinter?.content['#text']).toContain('© GettyImages');
  });
});

describe('JSON Feed', () => {
  const feed = jsonFeed(articles);
  const item = feed.items.find((candidate) => candidate.id === absoluteUrl('/article/hiver'));

  it('is version 1.1, in French, with absolute addresses', () => {
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.language).toBe('fr');
    expect(feed.home_page_url).toBe(absoluteUrl('/rubrique/tech'));
    expect(feed.feed_url).toBe(absoluteUrl('/rubrique/tech/feed.json'));
  });

  it('gives each item its dates as written, its authors, tags and picture', () => {
    expect(item).toMatchObject({
      url: absoluteUrl('/article/hiver'),
      date_published: '2024-02-06T16:17:00+01:00',
      date_modified: '2024-07-14T10:30:00+02:00',
      authors: [{ name: 'Sikagz', url: absoluteUrl('/auteur/sikagz') }],
      tags: ['Tech', 'IA', 'Meta'],
      image: absoluteUrl(HERO_JPEG),
      language: 'fr',
    });
    expect(item?.content_html).toContain('<figcaption>Des photos générées. © GettyImages</figcaption>');
  });
});

describe('absolutizeHtml', () => {
  it('makes root-relative links and images absolute', () => {
    const html = absolutizeHtml(BODY);
    expect(html).toContain(`<a href="${absoluteUrl('/article/autre')}">`);
    expect(html).toContain(`<img src="${absoluteUrl('/images/schema.png')}"`);
  });

  it('leaves protocol-relative, absolute and fragment links alone', () => {
    const html = absolutizeHtml(BODY);
    expect(html).toContain('<a href="//cdn.example/x.js">');
    expect(html).toContain('<a href="https://ailleurs.example/">');
    expect(html).toContain('<a href="#note">');
  });
});

// fast-xml-parser's validator accepts this; a strict parser (expat, libxml2, a
// browser's DOMParser) would reject the feed: the writer splits only the first
// `]]>` of a CDATA section, so the feed module escapes every one itself.
describe('CDATA sections', () => {
  it.each(['rss', 'atom'] as const)('keep a body and title holding ]]> twice inside them (%s)', (format) => {
    const article = buildArticle({ slug: 'cdata', title: 'x ]]> y ]]> z' });
    const xml = renderFeed(format, channel, [article], inputs);
    expect(xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')).not.toContain(']]>');
    expect(xml).toContain('a ]]&gt; b ]]&gt; c');
  });
});
