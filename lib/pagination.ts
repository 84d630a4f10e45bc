/** Articles per listing page: four rows of three on a desktop. */
export const PAGE_SIZE = 12;

/** A page of search results, numbered from the first. */
export interface Page<T> {
  items: T[];
  /** 1-based. */
  number: number;
  /** How many pages there are (at least 1, so an empty listing still has its page). */
  count: number;
  /** How many items in all. */
  total: number;
}

/** Page numbers as URLs write them: "2" is page 2; "02", "1.5", "-1" or "2abc" are no page at all. */
export function parsePageNumber(text: string | undefined): number | undefined {
  if (text === undefined || !/^[1-9][0-9]{0,5}$/.test(text)) return undefined;
  return Number(text);
}

/**
 * A page of a listing (front page, section, tag, author). The newest
 * PAGE_SIZE articles are the listing's own address; the others are archive
 * pages numbered from the oldest, so that a new article changes the listing,
 * its newest archive page and at most the one before (when it opens a new
 * page), never the thousands of pages of a large archive: page 3 of a tag
 * shows the same articles for ever, unless one of them is deleted or redated.
 */
export interface ListingPage<T> {
  items: T[];
  /** Undefined for the newest articles (the listing's address); 1 is the oldest archive page. */
  number: number | undefined;
  /** The archive page of the articles just older, if any. */
  older: number | undefined;
  /** The page of the articles just newer: an archive page, or the listing's own (undefined); none on the newest. */
  newer: { number: number | undefined } | undefined;
  /** How many items in all. */
  total: number;
}

/** How many archive pages a listing of `total` items has (0 when the newest page holds them all). */
export function archivePageCount(total: number, pageSize = PAGE_SIZE): number {
  return Math.max(0, Math.ceil((total - pageSize) / pageSize));
}

/**
 * The archive page holding the item that has `olderCount` items older than
 * itself in its listing, or undefined when that item is on the newest page.
 */
export function archivePageOf(olderCount: number, total: number, pageSize = PAGE_SIZE): number | undefined {
  return olderCount < total - pageSize ? Math.floor(olderCount / pageSize) + 1 : undefined;
}

/** A page of a list sorted newest first: `number` undefined for the newest; undefined when there is no such page. */
export function listingPage<T>(items: readonly T[], number: number | undefined, pageSize = PAGE_SIZE): ListingPage<T> | undefined {
  const archived = Math.max(0, items.length - pageSize);
  const count = archivePageCount(items.length, pageSize);
  if (number === undefined) {
    return { items: items.slice(0, pageSize), number, older: count > 0 ? count : undefined, newer: undefined, total: items.length };
  }
  if (!Number.isInteger(number) || number < 1 || number > count) return undefined;
  // Archive page n holds the items with (n - 1) × size to n × size - 1 older items than themselves.
  const oldest = (number - 1) * pageSize;
  const newest = Math.min(number * pageSize, archived);
  return {
    items: items.slice(items.length - newest, items.length - oldest),
    number,
    older: number > 1 ? number - 1 : undefined,
    newer: { number: number < count ? number + 1 : undefined },
    total: items.length,
  };
}

/** The archive page numbers to render ahead of time: the newest ones, which readers reach first. */
export function newestArchivePages(total: number, howMany: number, pageSize = PAGE_SIZE): number[] {
  const count = archivePageCount(total, pageSize);
  return Array.from({ length: Math.min(howMany, count) }, (_, index) => count - index);
}

/**
 * The page in a listing URL's optional tail: none is the newest page
 * ({ number: undefined }), `page/3` archive page 3; anything else is no page
 * (undefined, a 404), so each page has exactly one address.
 */
export function pageFromSegments(segments: readonly string[] | undefined): { number: number | undefined } | undefined {
  if (segments === undefined || segments.length === 0) return { number: undefined };
  if (segments.length !== 2 || segments[0] !== 'page') return undefined;
  const page = parsePageNumber(segments[1]);
  return page === undefined ? undefined : { number: page };
}

/** The optional tail for a page: [] for the newest, ['page', '3'] for archive page 3. */
export function segmentsForPage(page: number | undefined): string[] {
  return page === undefined ? [] : ['page', String(page)];
}

/**
 * How much `next build` renders ahead of time. Older pages render on their
 * first request and are cached from then on (`dynamicParams`), so the build
 * stays bounded however large the archive grows.
 */
export const PRERENDER_LIMITS = {
  /** The newest articles, whose pages readers and crawlers ask for first. */
  articles: 200,
  /** Share cards and image crops: costly to draw, asked for only when shared or crawled. */
  articleImages: 30,
  /** The first pages of each listing (front page, section, tag, author). */
  listingPages: 2,
} as const;
