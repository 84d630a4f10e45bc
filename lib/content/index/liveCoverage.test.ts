import { describe, expect, it } from 'vitest';
import type { LiveEntry } from '../article';
import { buildArticle } from '../testing/buildArticle';
import { entriesAfter, entriesFingerprint, isLiveNow, nextCoverageEnd, NO_ENTRY_YET } from './liveCoverage';

const entry = (id: string): LiveEntry => ({ id, date: { date: new Date(0), iso: '' }, title: id, key: false });
/** Newest first, as articles hold them. */
const entries = ['direct-2024-02-07-0910', 'direct-2024-02-06-1630-2', 'direct-2024-02-06-1630', 'direct-2024-02-06-1605'].map(entry);
const ids = (list: LiveEntry[] | undefined) => list?.map((item) => item.id);
const at = (iso: string) => ({ date: new Date(iso), iso });

describe('entriesAfter', () => {
  it('gives the entries newer than the one named, newest first', () => {
    expect(ids(entriesAfter(entries, 'direct-2024-02-06-1630'))).toStrictEqual(['direct-2024-02-07-0910', 'direct-2024-02-06-1630-2']);
    expect(ids(entriesAfter(entries, 'direct-2024-02-07-0910'))).toStrictEqual([]);
    expect(ids(entriesAfter(entries, NO_ENTRY_YET))).toStrictEqual(ids(entries));
  });

  it('places a page whose newest entry was deleted since by the time its id names', () => {
    expect(ids(entriesAfter(entries, 'direct-2024-02-06-1700'))).toStrictEqual(['direct-2024-02-07-0910']);
  });

  it.each(['direct-2024-02-06', 'direct-2024-02-06-1630-1', 'article', '../etc', 'direct-2024-02-06-1630-0'])('refuses %s, which is no entry id', (after) => {
    expect(entriesAfter(entries, after)).toBeUndefined();
  });
});

describe('isLiveNow and nextCoverageEnd', () => {
  const now = new Date('2024-02-07T12:00:00Z');
  const ending = buildArticle({ slug: 'finit', live: { until: at('2024-02-07T20:00:00+01:00'), entries: [] } });
  const ended = buildArticle({ slug: 'fini', live: { until: at('2024-02-07T10:00:00+01:00'), entries: [] } });
  const open = buildArticle({ slug: 'ouvert', live: { entries: [] } });
  const plain = buildArticle({ slug: 'article' });

  it('is live until the end, or for ever without one; an article that is not live never is', () => {
    expect([ending, ended, open, plain].map((article) => isLiveNow(article, now))).toStrictEqual([true, false, true, false]);
  });

  it('names the next end to come', () => {
    expect(nextCoverageEnd([plain, ended, open, ending], now)?.toISOString()).toBe('2024-02-07T19:00:00.000Z');
    expect(nextCoverageEnd([plain, ended, open], now)).toBeUndefined();
  });
});

describe('entriesFingerprint', () => {
  const html = (id: string) => `<p>Texte de ${id}.</p>`;
  const shown = entriesFingerprint(entries, html);

  it('is the same for the same entries as shown, and another for none', () => {
    expect(entriesFingerprint(entries.map((item) => ({ ...item })), html)).toBe(shown);
    expect(entriesFingerprint([], html)).not.toBe(shown);
  });

  it('changes with any entry’s title, mark, time or text, and with an entry deleted', () => {
    const [first, ...rest] = entries as [LiveEntry, ...LiveEntry[]];
    const changed = [
      [{ ...first, title: 'Titre corrigé' }, ...rest],
      [{ ...first, key: true }, ...rest],
      [{ ...first, date: at('2024-02-07T09:12:00+01:00') }, ...rest],
      rest,
    ];
    for (const list of changed) expect(entriesFingerprint(list, html)).not.toBe(shown);
    expect(entriesFingerprint(entries, (id) => (id === first.id ? '<p>Texte corrigé.</p>' : html(id)))).not.toBe(shown);
  });
});
