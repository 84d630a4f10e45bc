import { describe, expect, it } from 'vitest';
import { archivePageCount, archivePageOf, listingPage, newestArchivePages, pageFromSegments, parsePageNumber, segmentsForPage } from './pagination';

// 25 items, newest first: 25 is the newest, 1 the oldest.
const items = Array.from({ length: 25 }, (_, index) => 25 - index);

describe('listingPage', () => {
  it('shows the newest items at the listing’s address, then archive pages from the oldest', () => {
    expect(listingPage(items, undefined, 10)).toEqual({
      items: [25, 24, 23, 22, 21, 20, 19, 18, 17, 16],
      number: undefined,
      older: 2,
      newer: undefined,
      total: 25,
    });
    expect(listingPage(items, 1, 10)).toEqual({ items: [10, 9, 8, 7, 6, 5, 4, 3, 2, 1], number: 1, older: undefined, newer: { number: 2 }, total: 25 });
    // The newest archive page holds what the listing’s own page no longer shows, and leads back to it.
    expect(listingPage(items, 2, 10)).toEqual({ items: [15, 14, 13, 12, 11], number: 2, older: 1, newer: { number: undefined }, total: 25 });
  });

  it('keeps every archive page as it was when a new item comes in', () => {
    const withNew = [26, ...items];
    expect(listingPage(withNew, 1, 10)?.items).toEqual(listingPage(items, 1, 10)?.items);
    expect(listingPage(withNew, 2, 10)?.items).toEqual([16, 15, 14, 13, 12, 11]);
  });

  it('has no page past the last, nor a page 0 or a fraction; an empty listing still has its own page', () => {
    expect(listingPage(items, 3, 10)).toBeUndefined();
    expect(listingPage(items, 0, 10)).toBeUndefined();
    expect(listingPage(items, 1.5, 10)).toBeUndefined();
    expect(listingPage([], undefined, 10)).toEqual({ items: [], number: undefined, older: undefined, newer: undefined, total: 0 });
    expect(listingPage(items.slice(0, 10), 1, 10)).toBeUndefined();
  });

  it('counts and finds archive pages', () => {
    expect([0, 10, 11, 20, 21, 25].map((total) => archivePageCount(total, 10))).toEqual([0, 0, 1, 1, 2, 2]);
    // In 25 items, the one with 3 older than itself is on page 1; the 15 newest are not archived.
    expect(archivePageOf(3, 25, 10)).toBe(1);
    expect(archivePageOf(14, 25, 10)).toBe(2);
    expect(archivePageOf(15, 25, 10)).toBeUndefined();
    expect(newestArchivePages(25, 1, 10)).toEqual([2]);
    expect(newestArchivePages(25, 5, 10)).toEqual([2, 1]);
  });
});

describe('page numbers in URLs', () => {
  it.each([
    ['2', 2],
    ['1', 1],
    ['12', 12],
    ['02', undefined],
    ['0', undefined],
    ['-1', undefined],
    ['1.5', undefined],
    ['2abc', undefined],
    ['', undefined],
    ['9999999', undefined],
  ])('reads %j as %j', (text, expected) => {
    expect(parsePageNumber(text)).toBe(expected);
  });

  it('gives each page exactly one address', () => {
    expect(pageFromSegments(undefined)).toEqual({ number: undefined });
    expect(pageFromSegments([])).toEqual({ number: undefined });
    expect(pageFromSegments(['page', '1'])).toEqual({ number: 1 });
    expect(pageFromSegments(['page', '01'])).toBeUndefined();
    expect(pageFromSegments(['page'])).toBeUndefined();
    expect(pageFromSegments(['pages', '2'])).toBeUndefined();
    expect(pageFromSegments(['page', '2', 'x'])).toBeUndefined();
  });

  it('round-trips a page through its segments', () => {
    for (const number of [undefined, 1, 2, 7]) expect(pageFromSegments(segmentsForPage(number))).toEqual({ number });
  });
});
