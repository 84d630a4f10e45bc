import { describe, expect, it } from 'vitest';
import type { Article, Author } from '../article';
import { cacheTags } from './cacheTags';
import { patchSummary, summarizePublicState, type PublicState } from './invalidation';
import { archivePageCount, listingPage } from '../../pagination';
import { buildArticle, newestFirst } from '../testing/buildArticle';

// Archive pages are numbered from the oldest; a change must revalidate every
// page whose articles or links changed, and for a new article no more than
// the listing's newest page and its newest archive pages.

const author: Author = { slug: 'sikagz', name: 'Sikagz', bio: 'Rédacteur.', sourcePath: 'content/authors/sikagz.md' };
const archive = (count: number) => Array.from({ length: count }, (_, day) => buildArticle({ slug: `article-${day}`, publishedAt: dateOf(day), tags: day % 2 ? ['Pair'] : [], authors: [author] }));

function dateOf(hours: number) {
  const date = new Date(Date.UTC(2024, 0, 1) + hours * 3_600_000);
  return { date, iso: date.toISOString() };
}

const stateOf = (articles: readonly Article[]): PublicState => ({ articles: newestFirst(articles), authors: new Map([[author.slug, author]]), dossiers: new Map(), redirects: new Map() });

/** The tags for going from `before` to `after`, through the path a running server takes. */
function tagsFor(before: readonly Article[], after: readonly Article[], changed: readonly string[]): string[] {
  const summary = summarizePublicState(stateOf(before));
  const state = stateOf(after);
  const bySlug = new Map(state.articles.map((article) => [article.slug, article]));
  return patchSummary(summary, state, new Set(changed), (slug) => bySlug.get(slug), new Date());
}

/** Each front-page archive page as readers see it: its articles and where its links lead. */
function homeArchive(articles: readonly Article[]): Map<number, string> {
  const list = newestFirst(articles);
  const pages = new Map<number, string>();
  for (let number = 1; number <= archivePageCount(list.length); number += 1) {
    const page = listingPage(list, number);
    pages.set(number, JSON.stringify([page?.items.map((article) => article.slug), page?.older, page?.newer]));
  }
  return pages;
}

/** Every archive page that differs between before and after is revalidated. */
function expectChangedPagesCovered(before: readonly Article[], after: readonly Article[], tags: readonly string[]): void {
  const [pagesBefore, pagesAfter] = [homeArchive(before), homeArchive(after)];
  for (const number of new Set([...pagesBefore.keys(), ...pagesAfter.keys()])) {
    if (pagesBefore.get(number) === pagesAfter.get(number)) continue;
    expect(tags.includes(cacheTags.archivePage('home', number)) || tags.includes(cacheTags.archive('home')), `page ${number}`).toBe(true);
  }
}

describe('archive pages revalidated', () => {
  const articles = archive(100);

  it('a new article: the newest page and the newest archive page only', () => {
    const after = [...articles, buildArticle({ slug: 'nouveau', publishedAt: dateOf(200), authors: [author] })];
    const tags = tagsFor(articles, after, ['nouveau']);
    const homePages = tags.filter((tag) => tag.startsWith('list:home'));
    expect(homePages).toStrictEqual(['list:home', cacheTags.archivePage('home', archivePageCount(after.length))]);
    expectChangedPagesCovered(articles, after, tags);
  });

  it('a new article opening an archive page: that page and the one before', () => {
    const full = archive(96); // 96 = 12 + 7 × 12: the archive pages are full
    const after = [...full, buildArticle({ slug: 'nouveau', publishedAt: dateOf(200), authors: [author] })];
    const tags = tagsFor(full, after, ['nouveau']);
    expect(tags.filter((tag) => tag.startsWith('list:home'))).toStrictEqual(['list:home', cacheTags.archivePage('home', 7), cacheTags.archivePage('home', 8)]);
    expectChangedPagesCovered(full, after, tags);
  });

  it('an old article deleted or redated: its page and every newer one', () => {
    const withoutOld = articles.filter((article) => article.slug !== 'article-30');
    const deleted = tagsFor(articles, withoutOld, ['article-30']);
    expectChangedPagesCovered(articles, withoutOld, deleted);
    expect(deleted).not.toContain(cacheTags.archivePage('home', 1));
    const redated = articles.map((article) => (article.slug === 'article-5' ? { ...article, publishedAt: dateOf(70), revision: 'redated' } : article));
    expectChangedPagesCovered(articles, redated, tagsFor(articles, redated, ['article-5']));
  });

  it('an article leaving a tag changes that tag’s pages, not the front page’s archive', () => {
    const untagged = articles.map((article) => (article.slug === 'article-41' ? { ...article, tags: [], revision: 'untagged' } : article));
    const tags = tagsFor(articles, untagged, ['article-41']);
    expect(tags.some((tag) => tag.startsWith('list:tag:pair'))).toBe(true);
    expect(tags.filter((tag) => tag.startsWith('list:home'))).toStrictEqual([]);
  });
});
