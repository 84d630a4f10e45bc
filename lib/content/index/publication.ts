import type { DateWithOffset } from '../../dates/parseDateTime';
import type { Article } from '../article';
import { followChange, withChanges, type IndexChange, type PendingChange } from './patchIndex';
import { carryTaxonomy } from './taxonomy';

/**
 * Readers see an article once it is not a draft and its publication time has
 * come: an article dated in the future is scheduled, hidden like a draft until
 * then (Paris time or not, the instant is what counts).
 */
export function isPublic(article: Article, now: Date): boolean {
  return !article.draft && article.publishedAt.date.getTime() <= now.getTime();
}

/** The articles public at `now`, and the next instant at which that list changes on its own. */
export interface PublicArticles {
  articles: readonly Article[];
  /** The earliest scheduled publication still to come, or undefined when none is. */
  changesAt: Date | undefined;
}

export function selectPublic(articles: readonly Article[], now: Date): PublicArticles {
  let changesAt: Date | undefined;
  const visible = articles.filter((article) => {
    if (article.draft) return false;
    if (isPublic(article, now)) return true;
    if (!changesAt || article.publishedAt.date < changesAt) changesAt = article.publishedAt.date;
    return false;
  });
  return { articles: visible, changesAt };
}

/**
 * Keeps one public list per content index until the next scheduled
 * publication, so every page of a request window shares the same array
 * (and the taxonomy memoized on it) instead of filtering again. When the
 * index was patched from the one before (a few files changed) or a schedule
 * came due, the list is patched too, and so is its taxonomy: with 100,000
 * articles, grouping them all again is most of what a publication costs.
 */
export class PublicArticlesCache {
  private source: readonly Article[] | undefined;
  private current: PublicArticles | undefined;
  private selectedAt = 0;
  /** The patches between the selected index and the newest one followed, merged into one. */
  private pending: PendingChange | undefined;

  get(articles: readonly Article[], now: Date): readonly Article[] {
    return this.select(articles, now).articles;
  }

  /** The next scheduled publication among these articles, from the same selection. */
  changesAt(articles: readonly Article[], now: Date): Date | undefined {
    return this.select(articles, now).changesAt;
  }

  /**
   * Notes each new index as it is loaded, so that the next selection can
   * patch the list it has instead of selecting again, even over several loads.
   */
  follow(articles: readonly Article[], change: IndexChange | undefined): void {
    this.pending = followChange(this.pending, this.source, articles, change);
  }

  private select(articles: readonly Article[], now: Date): PublicArticles {
    const { current } = this;
    const change = this.pending?.to === articles ? this.pending : undefined;
    const due = current?.changesAt !== undefined && now >= current.changesAt;
    if (current && this.source === articles && !due) return current;
    let next: PublicArticles;
    if (current && this.source === articles) next = this.patched(current, articles, [], [], now);
    else if (current && change && change.articles === this.source) next = this.patched(current, articles, change.removed, change.added, now);
    else next = selectPublic(articles, now);
    this.source = articles;
    this.pending = undefined;
    this.current = next;
    this.selectedAt = now.getTime();
    return next;
  }

  /** The public list after `removed` left the index and `added` joined it, and schedules came due by `now`. */
  private patched(current: PublicArticles, articles: readonly Article[], removed: readonly Article[], added: readonly Article[], now: Date): PublicArticles {
    const before = new Date(this.selectedAt);
    const leaving = removed.filter((article) => isPublic(article, before));
    const joining = added.filter((article) => isPublic(article, now));
    // One pass without allocation: the schedules that came due, and the next one.
    let changesAt: Date | undefined;
    const changed = new Set(added);
    for (const article of articles) {
      if (article.draft) continue;
      const date = article.publishedAt.date;
      if (date > now) {
        if (!changesAt || date < changesAt) changesAt = date;
      } else if (date > before && !changed.has(article)) joining.push(article);
    }
    const list = withChanges(current.articles, leaving, joining);
    carryTaxonomy(current.articles, list, leaving, joining);
    return { articles: list, changesAt };
  }
}

/** When an article last changed: the latest of its update date, its corrections and its live entries, or its publication. */
export function lastChange(article: Pick<Article, 'publishedAt' | 'updatedAt' | 'corrections' | 'live'>): DateWithOffset {
  let latest = article.updatedAt ?? article.publishedAt;
  for (const { date } of article.corrections) if (date.date > latest.date) latest = date;
  const newestEntry = article.live?.entries[0];
  if (newestEntry && newestEntry.date.date > latest.date) latest = newestEntry.date;
  return latest;
}

/** The article changed most recently (lists come newest published first, but updates reorder). */
export function mostRecentlyChanged(articles: readonly Article[]): Article | undefined {
  let newest: Article | undefined;
  for (const article of articles) {
    if (!newest || lastChange(article).date > lastChange(newest).date) newest = article;
  }
  return newest;
}
