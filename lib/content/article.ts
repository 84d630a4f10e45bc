import type { DateWithOffset } from '../dates/parseDateTime';
import type { EmbedProviderId } from '../embeds/frameOrigins';
import type { ARTICLE_TYPES } from './parsing/frontMatterSchema';
import type { Figure, Quote } from './parsing/markdown/bodyNodes';
import type { LiveEntryHeading } from './parsing/markdown/remarkLiveEntries';

export type { Figure, Quote };

/** A person who signs articles, from `content/authors/<slug>.md`. */
export interface Author {
  slug: string;
  name: string;
  bio: string;
  sourcePath: string;
}

/** A series of articles (`content/dossiers/<slug>.md`), which each of its articles names with `dossier:`. */
export interface Dossier {
  slug: string;
  title: string;
  description: string;
  image?: HeroImage;
  /** Sanitized HTML of the file's body, which introduces the dossier on its page; empty when there is none. */
  intro: string;
  sourcePath: string;
}

/** The image at the top of an article: a photo of the content folder as the body's figures are, with its mandatory credit. */
export type HeroImage = Figure;

/**
 * An article's body, the weight of it (13 KB on average): kept apart from
 * `Article` and loaded when a page asks (ContentLoader.body), through a
 * bounded cache, so 100,000 articles do not hold their bodies in memory.
 */
export interface ArticleBody {
  /** Sanitized HTML of the body. */
  html: string;
  /** The body as plain text, for search. */
  text: string;
  /**
   * The attributed quotes of the body (already in its HTML), for whoever
   * wants them apart; with the body, not the article: 100,000 articles'
   * quotes are a fifth of the index's memory, and no listing shows them.
   */
  quotes: Quote[];
  /** A live article's page parts: what comes before the entries, and each entry's body by its id (the order is `Article.live`'s). */
  live?: { intro: string; entries: Array<{ id: string; html: string }> };
  /** The providers whose content the body shows once the reader asks (its page loads the consent island and allows their frames); absent when none. */
  embeds?: EmbedProviderId[];
}

/** A public correction of an article, as the editor dated and wrote it. */
export interface Correction {
  date: DateWithOffset;
  text: string;
}

/** One entry of a live article: its anchor, time, title, and whether it is a key entry. */
export interface LiveEntry extends LiveEntryHeading {
  title: string;
}

/** What makes an article live coverage (`live: true`). */
export interface LiveCoverage {
  /** `liveUntil`: when the coverage ends; without it, it goes on. */
  until?: DateWithOffset;
  /** Newest first. */
  entries: LiveEntry[];
}

/** An article as listings and pages use it: validated, authors resolved, plain data (its body is loaded apart). */
export interface Article {
  slug: string;
  title: string;
  /** The standfirst (chapô). */
  description: string;
  publishedAt: DateWithOffset;
  updatedAt?: DateWithOffset;
  /** Who signs it, in the byline's order: one at least (`author:` or `authors:`). */
  authors: Author[];
  category: string;
  tags: string[];
  /** The label above the title, when the front matter gives one. */
  type?: (typeof ARTICLE_TYPES)[number];
  image: HeroImage;
  draft: boolean;
  /** Former slugs (`redirectFrom`) whose addresses lead here. */
  redirectFrom: string[];
  /** Newest first. */
  corrections: Correction[];
  /** Only on live coverage. */
  live?: LiveCoverage;
  /** The slug of the dossier (series) it belongs to, checked against content/dossiers/. */
  dossier?: string;
  figures: Figure[];
  wordCount: number;
  readingTimeMinutes: number;
  sourcePath: string;
  /** The first 16 hex digits of the SHA-256 of the file's text: every edit changes it (the search index compares it). */
  revision: string;
}
