import { describe, expect, it } from 'vitest';
import { pageFromSegments, pageNumbers, paginate, parsePageNumber, segmentsForPage } from './pagination';

const items = Array.from({ length: 25 }, (_, index) => index + 1);

describe('paginate', () => {
  it('cuts a list into pages of the given size, the last one partial', () => {
    expect(paginate(items, 1, 12)).toEqual({ items: items.slice(0, 12), number: 1, count: 3, total: 25 });
    expect(paginate(items, 3, 12)?.items).toEqual([25]);
  });

  it('has no page before the first or after the last', () => {
    expect(paginate(items, 0, 12)).toBeUndefined();
    expect(paginate(items, 4, 12)).toBeUndefined();
    expect(paginate(items, 1.5, 12)).toBeUndefined();
  });

  it('gives an empty list one empty page', () => {
    expect(paginate([], 1, 12)).toEqual({ items: [], number: 1, count: 1, total: 0 });
    expect(paginate([], 2, 12)).toBeUndefined();
  });

  it('has exactly one page when the list fills it', () => {
    expect(paginate(items.slice(0, 12), 1, 12)?.count).toBe(1);
    expect(pageNumbers(12, 12)).toEqual([1]);
    expect(pageNumbers(13, 12)).toEqual([1, 2]);
    expect(pageNumbers(0, 12)).toEqual([1]);
  });
});

describe('page numbers in URLs', () => {
  it.each([
    ['2', 2],
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
    expect(pageFromSegments(undefined)).toBe(1);
    expect(pageFromSegments([])).toBe(1);
    expect(pageFromSegments(['page', '2'])).toBe(2);
    expect(pageFromSegments(['page', '1'])).toBeUndefined();
    expect(pageFromSegments(['page'])).toBeUndefined();
    expect(pageFromSegments(['pages', '2'])).toBeUndefined();
    expect(pageFromSegments(['page', '2', 'x'])).toBeUndefined();
  });

  it('round-trips a page number through its segments', () => {
    for (const page of [1, 2, 7]) expect(pageFromSegments(segmentsForPage(page))).toBe(page);
  });
});
