import type { DateWithOffset } from '../../dates/parseDateTime';
import type { Article } from '../article';

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
 * (and the taxonomy memoized on it) instead of filtering again.
 */
export class PublicArticlesCache {
  private source: readonly Article[] | undefined;
  private current: PublicArticles | undefined;

  get(articles: readonly Article[], now: Date): readonly Article[] {
    return this.select(articles, now).articles;
  }

  /** The next scheduled publication among these articles, from the same selection. */
  changesAt(articles: readonly Article[], now: Date): Date | undefined {
    return this.select(articles, now).changesAt;
  }

  private select(articles: readonly Article[], now: Date): PublicArticles {
    const stale =
      this.source !== articles || !this.current || (this.current.changesAt !== undefined && now >= this.current.changesAt);
    if (stale || !this.current) {
      this.source = articles;
      this.current = selectPublic(articles, now);
    }
    return this.current;
  }
}

/** When an article last changed: its update date, or its publication. */
export function lastChange(article: Article): DateWithOffset {
  return article.updatedAt ?? article.publishedAt;
}

/** The article changed most recently (lists come newest published first, but updates reorder). */
export function mostRecentlyChanged(articles: readonly Article[]): Article | undefined {
  let newest: Article | undefined;
  for (const article of articles) {
    if (!newest || lastChange(article).date > lastChange(newest).date) newest = article;
  }
  return newest;
}
