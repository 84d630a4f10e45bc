import { createHash } from 'node:crypto';
import type { Article, LiveEntry } from '../article';

/** What the live island asks for when the page shows no entry yet. */
export const NO_ENTRY_YET = 'debut';

/** Whether the coverage is on at `now`: a live article whose end, if it has one, has not come. */
export function isLiveNow(article: Pick<Article, 'live'>, now: Date): boolean {
  const { live } = article;
  return live !== undefined && (live.until === undefined || live.until.date > now);
}

/** `direct-2024-02-07-1645-2` read as what orders it: the Paris minute, then its number within the minute. */
const ENTRY_ID = /^direct-(\d{4}-\d{2}-\d{2}-\d{4})(?:-([2-9]|[1-9]\d))?$/;

function orderOf(id: string): [string, number] | undefined {
  const match = ENTRY_ID.exec(id);
  return match?.[1] === undefined ? undefined : [match[1], Number(match[2] ?? 1)];
}

/**
 * The entries newer than the one with id `after` (or all of them after
 * NO_ENTRY_YET), newest first; undefined when `after` is no entry id. Compared
 * by what the id says, not looked up: an entry deleted since still tells a
 * reader's page where it stands.
 */
export function entriesAfter(entries: readonly LiveEntry[], after: string): LiveEntry[] | undefined {
  if (after === NO_ENTRY_YET) return [...entries];
  const limit = orderOf(after);
  if (!limit) return undefined;
  return entries.filter((entry) => {
    const order = orderOf(entry.id);
    return order !== undefined && (order[0] > limit[0] || (order[0] === limit[0] && order[1] > limit[1]));
  });
}

/**
 * The next instant at which a live article's coverage ends on its own, among
 * those ending after `now`: its page loses « En direct » then, with no edit.
 */
export function nextCoverageEnd(articles: readonly Article[], now: Date): Date | undefined {
  let next: Date | undefined;
  for (const article of articles) {
    const until = article.live?.until?.date;
    if (until && until > now && (!next || until < next)) next = until;
  }
  return next;
}

/**
 * A short fingerprint of what a page shows of these entries: each one's id,
 * time, title, mark and text. A page gives its own to the live island; an
 * answer gives the one of the entries that page already has (those up to
 * its newest) as they are now: when they differ, an entry shown was edited,
 * marked or deleted since, and the island asks for the page again.
 */
export function entriesFingerprint(entries: readonly LiveEntry[], htmlOf: (id: string) => string): string {
  const hash = createHash('sha256');
  for (const entry of entries) hash.update(JSON.stringify([entry.id, entry.date.iso, entry.title, entry.key, htmlOf(entry.id)]));
  return hash.digest('base64url').slice(0, 16);
}
