import type { Metadata } from 'next';
import type { Article } from '../content/article';
import { lastChange } from '../content/index/publication';
import { articlePath, authorPath, feedPath, sectionPath, shareImagePath, type FeedFormat } from '../routes';
import { feedTitle, listingWording } from '../listingTitles';
import { shareCardVersion } from './imageVersions';
import { absoluteUrl, siteConfig } from '../siteConfig';

/** A set of feeds (site, section or author) that a page links to in its head. */
export interface FeedLinks {
  /** The listing the feeds follow: '' for the whole site, `/rubrique/tech`, `/auteur/x`. */
  listingPath: string;
  /** How feed readers name the subscription: « kiosque », « kiosque — Tech ». */
  title: string;
}

export const SITE_FEEDS: FeedLinks = { listingPath: '', title: siteConfig.name };

const FEED_MEDIA_TYPES: Readonly<Record<FeedFormat, string>> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};

const FEED_LABELS: Readonly<Record<FeedFormat, string>> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' };

/** `<link rel="alternate">` for each format of each feed set, the site's first. */
function feedAlternates(feeds: readonly FeedLinks[]): Record<string, { url: string; title: string }[]> {
  const formats = Object.keys(FEED_MEDIA_TYPES) as FeedFormat[];
  return Object.fromEntries(
    formats.map((format) => [
      FEED_MEDIA_TYPES[format],
      feeds.map((feed) => ({ url: absoluteUrl(feedPath(feed.listingPath, format)), title: `${feed.title} (${FEED_LABELS[format]})` })),
    ]),
  );
}

const ROBOTS_INDEX: Metadata['robots'] = { index: true, follow: true, 'max-image-preview': 'large', 'max-snippet': -1 };
const ROBOTS_NOINDEX: Metadata['robots'] = { index: false, follow: true };

export interface PageDescription {
  /** The page's own path: its canonical URL. */
  path: string;
  title: string;
  description: string;
  /** Feeds beyond the site's own, e.g. the section's on a section page. */
  feeds?: readonly FeedLinks[];
  /** Kept out of search indexes (search results, drafts previews). */
  noindex?: boolean;
}

/**
 * Everything crawlers and share previews read in a listing or service page's
 * head. Next merges metadata shallowly, so each page gives the whole set.
 */
export function pageMetadata({ path, title, description, feeds = [], noindex = false }: PageDescription): Metadata {
  const url = absoluteUrl(path);
  const image = { url: absoluteUrl(shareImagePath()), width: 1200, height: 630, alt: siteConfig.name };
  return {
    title,
    description,
    alternates: { canonical: url, types: feedAlternates([SITE_FEEDS, ...feeds]) },
    robots: noindex ? ROBOTS_NOINDEX : ROBOTS_INDEX,
    openGraph: {
      type: 'website',
      url,
      title,
      description,
      siteName: siteConfig.name,
      locale: siteConfig.locale,
      images: [image],
    },
    twitter: { card: 'summary_large_image', title, description, images: [image] },
  };
}

/** The article page's head: Open Graph `article:*` (one `article:author` per author), its share card, its section's and authors' feeds. */
export function articleMetadata(article: Article, { preview = false }: { preview?: boolean } = {}): Metadata {
  const url = absoluteUrl(articlePath(article.slug));
  const image = {
    url: absoluteUrl(shareImagePath({ slug: article.slug, version: shareCardVersion(article) })),
    width: 1200,
    height: 630,
    alt: article.image.alt,
    type: 'image/png',
  };
  const feeds: FeedLinks[] = [
    { listingPath: sectionPath(article.category), title: feedTitle(listingWording.section(article.category)) },
    ...article.authors.map((author) => ({ listingPath: authorPath(author.slug), title: feedTitle(listingWording.author(author)) })),
  ];
  return {
    title: article.title,
    description: article.description,
    authors: article.authors.map((author) => ({ name: author.name, url: absoluteUrl(authorPath(author.slug)) })),
    keywords: article.tags,
    alternates: { canonical: url, types: feedAlternates([SITE_FEEDS, ...feeds]) },
    // A draft or scheduled article seen in preview must never be indexed.
    robots: preview || article.draft ? ROBOTS_NOINDEX : ROBOTS_INDEX,
    openGraph: {
      type: 'article',
      url,
      title: article.title,
      description: article.description,
      siteName: siteConfig.name,
      locale: siteConfig.locale,
      publishedTime: article.publishedAt.iso,
      modifiedTime: lastChange(article).iso,
      authors: article.authors.map((author) => absoluteUrl(authorPath(author.slug))),
      section: article.category,
      tags: article.tags,
      images: [image],
    },
    twitter: { card: 'summary_large_image', title: article.title, description: article.description, images: [image] },
  };
}
