import { TZDate } from '@date-fns/tz';
import { format as formatDate } from 'date-fns';
import { Feed, type Item } from 'feed';
import type { Article } from '../content/article';
import { lastChange, mostRecentlyChanged } from '../content/index/publication';
import type { DateWithOffset } from '../dates/parseDateTime';
import { articlePath, authorPath, feedPath, sectionPath, tagPath, type FeedFormat } from '../routes';
import { jpegOf } from '../images/photoUrls';
import { absoluteUrl, siteConfig } from '../siteConfig';
import { escapeXml } from './xml';
import { formatDateTimeFr } from '../dates/formatDate';

/**
 * Feed readers poll every few minutes to hours; 20 articles cover most of a
 * day's news. Each item is a whole article, so the count sets the feed's
 * weight, and Next serves a cached feed at the speed of its bytes: 50 items
 * (250 KB) ran at ×0.22 of its static-file floor, 30 at ×0.27 (README, Performance).
 */
export const FEED_ITEM_COUNT = 20;

/** What a feed follows: the whole site, a section, an author. */
export interface FeedChannel {
  title: string;
  description: string;
  /** The listing page the feed mirrors: '' for the site, `/rubrique/tech`. */
  listingPath: string;
}

/** Byte size of an article's enclosure (its hero as a JPEG), when known. */
export type EnclosureSize = (article: Article) => number | undefined;

/** What a feed needs beside the articles: the size of each enclosure, and each body's HTML (loaded apart: lib/content/article.ts). */
export interface FeedInputs {
  enclosureSize: EnclosureSize;
  bodyHtml: (article: Article) => string;
}

/** Feed readers show pictures at a column's width; 1280 px is sharp on a 2× screen. */
export const FEED_IMAGE_WIDTH = 1280;

/** The hero as feeds carry it: a JPEG every reader decodes, at most FEED_IMAGE_WIDTH wide. */
export function feedImage(article: Article): ReturnType<typeof jpegOf> {
  return jpegOf(article.image, FEED_IMAGE_WIDTH);
}

export const FEED_CONTENT_TYPES: Readonly<Record<FeedFormat, string>> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/**
 * `feed` prints dates with `toISOString()` (Atom) and `toUTCString()` (RSS), both
 * in UTC. This Date prints the offset the editor wrote instead, so the page,
 * the JSON-LD and every feed name the same instant the same way.
 */
class WrittenDate extends Date {
  readonly #written: DateWithOffset;

  constructor(written: DateWithOffset) {
    super(written.date.getTime());
    this.#written = written;
  }

  override toISOString(): string {
    return this.#written.iso;
  }

  /** RFC 822 as RSS wants it, with the written offset: `Tue, 06 Feb 2024 16:17:00 +0100`. */
  override toUTCString(): string {
    return formatDate(new TZDate(this.getTime(), offsetOf(this.#written.iso)), 'EEE, dd MMM yyyy HH:mm:ss xx');
  }
}

function offsetOf(iso: string): string {
  const offset = /(Z|[+-]\d{2}:\d{2})$/.exec(iso)?.[1];
  return offset === undefined || offset === 'Z' ? '+00:00' : offset;
}

/** Root-relative links and images in article HTML become absolute: a feed is read away from the site. */
export function absolutizeHtml(html: string): string {
  return html.replace(/ (href|src)="\/(?!\/)/g, (_, attribute: string) => ` ${attribute}="${siteConfig.url.toString()}`);
}

/**
 * Body images keep their JPEG `src`: a `srcset` of root-relative URLs would
 * resolve against the feed reader, and its `sizes` against its column.
 */
function withoutSourceSets(html: string): string {
  return html.replace(/ (?:srcset|sizes)="[^"]*"/g, '');
}

/**
 * The feed library wraps text in CDATA but splits only the first `]]>`; a second
 * one would end the section early. `]]&gt;` means the same in HTML.
 */
const cdataSafe = (html: string) => html.replaceAll(']]>', ']]&gt;');

/** The hero picture, credited, then the body: feed readers show the article whole. */
function contentHtml(article: Article, bodyHtml: string): string {
  const { image } = article;
  const picture = feedImage(article);
  const caption = [image.caption, image.credit].filter(Boolean).join(' ');
  return (
    `<figure><img src="${escapeXml(absoluteUrl(picture.src))}" alt="${escapeXml(image.alt)}" width="${picture.width}" height="${picture.height}">` +
    `<figcaption>${escapeXml(caption)}</figcaption></figure>\n${absolutizeHtml(withoutSourceSets(bodyHtml))}` +
    article.corrections
      .map((correction) => `\n<p><strong>Rectificatif du ${formatDateTimeFr(correction.date.date)}</strong>\u202f: ${escapeXml(correction.text)}</p>`)
      .join('')
  );
}

/** RSS 2.0, Atom 1.0 or JSON Feed 1.1 for a channel: its newest articles, whole, with author, categories and picture. */
export function renderFeed(format: FeedFormat, channel: FeedChannel, articles: readonly Article[], inputs: FeedInputs): string {
  const items = articles.slice(0, FEED_ITEM_COUNT);
  return format === 'json' ? renderJsonFeed(channel, items, inputs) : renderXmlFeed(format, channel, items, inputs);
}

function renderXmlFeed(format: 'rss' | 'atom', channel: FeedChannel, items: readonly Article[], inputs: FeedInputs): string {
  const newest = mostRecentlyChanged(items);
  const feed = new Feed({
    id: absoluteUrl(channel.listingPath || '/'),
    link: absoluteUrl(channel.listingPath || '/'),
    title: channel.title,
    description: channel.description,
    language: 'fr',
    image: absoluteUrl(siteConfig.publisher.logo.src),
    favicon: absoluteUrl('/icon.png'),
    copyright: `© ${siteConfig.publisher.name}`,
    // An empty feed has no date of its own; the epoch is stable where "now" would not be.
    updated: newest ? new WrittenDate(lastChange(newest)) : new Date(0),
    generator: false,
    feedLinks: { [format]: absoluteUrl(feedPath(channel.listingPath, format)) },
  });
  for (const article of items) feed.addItem(feedItem(format, article, inputs));
  return format === 'rss' ? feed.rss2() : feed.atom1();
}

function feedItem(format: 'rss' | 'atom', article: Article, { enclosureSize, bodyHtml }: FeedInputs): Item {
  const url = absoluteUrl(articlePath(article.slug));
  const authors = article.authors.map((author) => ({ name: author.name, link: absoluteUrl(authorPath(author.slug)) }));
  const length = enclosureSize(article);
  return {
    id: url,
    link: url,
    title: cdataSafe(article.title),
    description: cdataSafe(article.description),
    content: cdataSafe(contentHtml(article, bodyHtml(article))),
    date: new WrittenDate(lastChange(article)),
    published: new WrittenDate(article.publishedAt),
    category: [
      {
        name: article.category,
        domain: absoluteUrl(sectionPath(article.category)),
        term: article.category,
        scheme: absoluteUrl(sectionPath(article.category)),
      },
      ...article.tags.map((tag) => ({ name: tag, domain: absoluteUrl(tagPath(tag)), term: tag, scheme: absoluteUrl(tagPath(tag)) })),
    ],
    image: { url: absoluteUrl(feedImage(article).src), type: 'image/jpeg', ...(length === undefined ? {} : { length }) },
    // RSS wants an e-mail address in <author>; newsrooms name the writer with Dublin Core instead.
    // One dc:creator (RSS) or atom:author per author, in the byline's order.
    ...(format === 'rss'
      ? { extensions: [{ name: 'dc:creator', objects: repeatedElements(article.authors.map((author) => ({ _text: author.name }))) }] }
      : { author: authors }),
  };
}

/**
 * `feed` hands an extension's objects to xml-js, which writes an array as the
 * same element repeated (as `feed` itself does for authors and categories);
 * its type only names the one-element case.
 */
function repeatedElements(elements: Array<{ _text: string }>): Record<string, unknown> {
  return elements as unknown as Record<string, unknown>;
}

interface JsonFeedAuthor {
  name: string;
  url: string;
}

interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  summary: string;
  content_html: string;
  image: string;
  date_published: string;
  date_modified: string;
  authors: JsonFeedAuthor[];
  tags: string[];
  language: string;
}

// `feed` writes JSON Feed 1.0 (one `author`, no `language`); version 1.1 is plain
// JSON, so it is built here, typed after https://www.jsonfeed.org/version/1.1/.
interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  icon: string;
  favicon: string;
  language: string;
  items: JsonFeedItem[];
}

function renderJsonFeed(channel: FeedChannel, items: readonly Article[], { bodyHtml }: FeedInputs): string {
  const feed: JsonFeed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: channel.title,
    home_page_url: absoluteUrl(channel.listingPath || '/'),
    feed_url: absoluteUrl(feedPath(channel.listingPath, 'json')),
    description: channel.description,
    icon: absoluteUrl(siteConfig.publisher.logo.src),
    favicon: absoluteUrl('/icon.png'),
    language: 'fr',
    items: items.map((article) => ({
      id: absoluteUrl(articlePath(article.slug)),
      url: absoluteUrl(articlePath(article.slug)),
      title: article.title,
      summary: article.description,
      content_html: contentHtml(article, bodyHtml(article)),
      image: absoluteUrl(feedImage(article).src),
      date_published: article.publishedAt.iso,
      date_modified: lastChange(article).iso,
      authors: article.authors.map((author) => ({ name: author.name, url: absoluteUrl(authorPath(author.slug)) })),
      tags: [article.category, ...article.tags],
      language: 'fr',
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
