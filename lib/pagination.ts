/** Articles per listing page: four rows of three on a desktop. */
export const PAGE_SIZE = 12;

export interface Page<T> {
  items: T[];
  /** 1-based. */
  number: number;
  /** How many pages there are (at least 1, so an empty listing still has its page). */
  count: number;
  /** How many items in all. */
  total: number;
}

/** The given page of a list, or undefined when there is no such page. */
export function paginate<T>(items: readonly T[], pageNumber: number, pageSize = PAGE_SIZE): Page<T> | undefined {
  const count = Math.max(1, Math.ceil(items.length / pageSize));
  if (!Number.isInteger(pageNumber) || pageNumber < 1 || pageNumber > count) return undefined;
  const start = (pageNumber - 1) * pageSize;
  return { items: items.slice(start, start + pageSize), number: pageNumber, count, total: items.length };
}

/** Page numbers as URLs write them: "2" is page 2; "02", "1.5", "-1" or "2abc" are no page at all. */
export function parsePageNumber(text: string | undefined): number | undefined {
  if (text === undefined || !/^[1-9][0-9]{0,5}$/.test(text)) return undefined;
  return Number(text);
}

/** Page numbers for every page of a list of this length, for prerendering. */
export function pageNumbers(total: number, pageSize = PAGE_SIZE): number[] {
  return Array.from({ length: Math.max(1, Math.ceil(total / pageSize)) }, (_, index) => index + 1);
}

/**
 * The page number in a listing URL's optional tail: none is page 1,
 * `page/2` is page 2; `page/1` and anything else are no page (404), so each
 * page has exactly one address.
 */
export function pageFromSegments(segments: readonly string[] | undefined): number | undefined {
  if (segments === undefined || segments.length === 0) return 1;
  if (segments.length !== 2 || segments[0] !== 'page') return undefined;
  const page = parsePageNumber(segments[1]);
  return page !== undefined && page >= 2 ? page : undefined;
}

/** The optional tail for a page number: [] for page 1, ['page', '2'] for page 2. */
export function segmentsForPage(page: number): string[] {
  return page <= 1 ? [] : ['page', String(page)];
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
