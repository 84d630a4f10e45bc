import { describe, expect, it } from 'vitest';
import { isPublic, lastChange, mostRecentlyChanged, PublicArticlesCache, selectPublic } from './publication';
import { buildArticle } from '../testing/buildArticle';

const at = (iso: string) => ({ date: new Date(iso), iso });

const live = buildArticle({ slug: 'en-ligne', publishedAt: at('2024-02-06T16:17:00+01:00') });
const draft = buildArticle({ slug: 'brouillon', draft: true, publishedAt: at('2024-02-05T10:00:00+01:00') });
const scheduled = buildArticle({ slug: 'programme', publishedAt: at('2024-02-07T08:00:00+01:00') });
const later = buildArticle({ slug: 'plus-tard', publishedAt: at('2024-02-09T08:00:00+01:00') });

describe('isPublic', () => {
  it('shows an article from its publication instant on, never a draft', () => {
    expect(isPublic(scheduled, new Date('2024-02-07T06:59:59Z'))).toBe(false);
    expect(isPublic(scheduled, new Date('2024-02-07T07:00:00Z'))).toBe(true);
    expect(isPublic(draft, new Date('2030-01-01T00:00:00Z'))).toBe(false);
  });
});

describe('selectPublic', () => {
  it('keeps the public articles in order and names the next scheduled publication', () => {
    const { articles, changesAt } = selectPublic([later, scheduled, live, draft], new Date('2024-02-06T20:00:00Z'));
    expect(articles.map((article) => article.slug)).toEqual(['en-ligne']);
    expect(changesAt?.toISOString()).toBe('2024-02-07T07:00:00.000Z');
  });

  it('has no change ahead when nothing is scheduled (drafts wait for an edit, not a date)', () => {
    expect(selectPublic([live, draft], new Date('2024-03-01T00:00:00Z')).changesAt).toBeUndefined();
  });
});

describe('PublicArticlesCache', () => {
  it('returns the same array until a scheduled article’s time comes, then the new list', () => {
    const cache = new PublicArticlesCache();
    const all = [later, scheduled, live];
    const first = cache.get(all, new Date('2024-02-06T20:00:00Z'));
    expect(cache.get(all, new Date('2024-02-07T06:00:00Z'))).toBe(first);
    const afterSchedule = cache.get(all, new Date('2024-02-07T07:00:00Z'));
    expect(afterSchedule).not.toBe(first);
    expect(afterSchedule.map((article) => article.slug)).toEqual(['programme', 'en-ligne']);
  });

  it('recomputes when the content index changes', () => {
    const cache = new PublicArticlesCache();
    const now = new Date('2024-03-01T00:00:00Z');
    expect(cache.get([live], now).map((article) => article.slug)).toEqual(['en-ligne']);
    expect(cache.get([scheduled, live], now).map((article) => article.slug)).toEqual(['programme', 'en-ligne']);
  });
});

describe('mostRecentlyChanged', () => {
  it('lets an update outrank a later publication', () => {
    const corrected = buildArticle({ slug: 'corrige', publishedAt: at('2024-02-01T10:00:00+01:00'), updatedAt: at('2024-02-08T10:00:00+01:00') });
    expect(mostRecentlyChanged([later, corrected, live])?.slug).toBe('plus-tard');
    expect(mostRecentlyChanged([scheduled, corrected, live])?.slug).toBe('corrige');
    expect(lastChange(corrected).iso).toBe('2024-02-08T10:00:00+01:00');
    expect(lastChange(live).iso).toBe('2024-02-06T16:17:00+01:00');
    expect(mostRecentlyChanged([])).toBeUndefined();
  });

  it('counts the latest correction as a change, when it is later than the update', () => {
    const correction = (iso: string) => ({ date: at(iso), text: 'Rectifié.' });
    const corrected = buildArticle({ slug: 'rectifie', publishedAt: at('2024-02-01T10:00:00+01:00'), updatedAt: at('2024-02-03T10:00:00+01:00'), corrections: [correction('2024-02-05T09:00:00+01:00'), correction('2024-02-02T09:00:00+01:00')] });
    expect(lastChange(corrected).iso).toBe('2024-02-05T09:00:00+01:00');
    expect(lastChange({ ...corrected, updatedAt: at('2024-02-09T10:00:00+01:00') }).iso).toBe('2024-02-09T10:00:00+01:00');
    expect(lastChange({ ...corrected, updatedAt: undefined, corrections: [correction('2024-02-02T09:00:00+01:00')] }).iso).toBe('2024-02-02T09:00:00+01:00');
  });
});
