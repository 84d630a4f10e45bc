import { createHash } from 'node:crypto';
import type { Article, Author, Dossier } from '../article';
import { cacheTags, listsOf, type ListName } from './cacheTags';
import { groupByAuthor, groupByDossier, groupBySection, groupByTag, sortTermsBySize } from './taxonomy';
import { archivePageCount, archivePageOf } from '../../pagination';
import { lastChange } from './publication';

/** What readers could see at one moment: the public articles (newest first), the authors, the dossiers, the former slugs. */
export interface PublicState {
  articles: readonly Article[];
  authors: ReadonlyMap<string, Author>;
  dossiers: ReadonlyMap<string, Dossier>;
  redirects: ReadonlyMap<string, string>;
}

/** One public article as invalidation compares it: hashes of what its page, card and place are made of. */
export interface ArticleSummary {
  page: string;
  card: string;
  /** The publication instant (ISO): a new one moves the article in every listing it is in. */
  date: string;
  lists: ListName[];
}

/**
 * A public state reduced to what decides which pages change, in plain JSON:
 * about 150 bytes an article, so the build can leave its own for the server to
 * start from (lib/content/siteContent.ts) and a process keeps one between
 * revalidations without holding the articles it saw.
 */
export interface PublicSummary {
  articles: Record<string, ArticleSummary>;
  /** Author slug → hash of the name and bio pages show. */
  authors: Record<string, string>;
  /** Dossier slug → hash of what its page and its articles show of it. */
  dossiers: Record<string, string>;
  /** Former slug → current slug. */
  redirects: Record<string, string>;
  /** The header's sections, largest first, one a line. */
  sections: string;
  /** The instant this state was public at (ISO): articles scheduled after it may have come out since. */
  at?: string;
}

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 16);

/** What a card shows: a change here reaches every page showing the card. */
function cardSignature(article: Article): unknown[] {
  const { title, description, image, publishedAt, authors, category, type, readingTimeMinutes, live } = article;
  return [
    title,
    description,
    image.src,
    image.hash,
    image.alt,
    image.focus,
    publishedAt.iso,
    lastChange(article).iso,
    authors.map((author) => author.slug),
    category,
    type,
    readingTimeMinutes,
    // « En direct » on the card: a coverage started, ended by an edit, or given another end.
    live ? (live.until?.iso ?? 'open') : undefined,
  ];
}

/** Summaries of articles already seen: an unchanged article keeps its object from one load to the next. */
const summaries = new WeakMap<Article, ArticleSummary>();

function summarizeArticle(article: Article): ArticleSummary {
  let summary = summaries.get(article);
  if (!summary) {
    const card = cardSignature(article);
    const lists = listsOf(article);
    summary = {
      // The article's own page, crops and share card.
      page: hash([article.revision, card, article.figures.map((figure) => figure.hash)]),
      card: hash(card),
      date: article.publishedAt.iso,
      lists,
    };
    summaries.set(article, summary);
  }
  return summary;
}

/** Object.create(null): slugs are keys, and none may reach Object.prototype. */
const record = <T>(entries: Iterable<[string, T]>): Record<string, T> => Object.assign(Object.create(null) as Record<string, T>, Object.fromEntries(entries));

export function summarizePublicState(state: PublicState, at?: Date): PublicSummary {
  const articles = record<ArticleSummary>([]);
  for (const article of state.articles) articles[article.slug] = summarizeArticle(article);
  return { articles, ...summarizeRest(state), ...(at ? { at: at.toISOString() } : {}) };
}

/** Everything but the articles; `sections` when they are known not to have changed (no article did). */
function summarizeRest(state: PublicState, sections?: string): Omit<PublicSummary, 'articles'> {
  return {
    authors: record([...state.authors].map(([slug, author]) => [slug, hash([author.name, author.bio])])),
    dossiers: record([...state.dossiers].map(([slug, dossier]) => [slug, hash([dossier.title, dossier.description, dossier.image, dossier.intro])])),
    redirects: record(state.redirects),
    sections:
      sections ??
      sortTermsBySize(groupBySection(state.articles).values())
        .map((section) => section.name)
        .join('\n'),
  };
}

/** A summary read back from a file: undefined unless it has the shape summarizePublicState writes. */
export function readPublicSummary(value: unknown): PublicSummary | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { articles, authors, redirects, sections, at, dossiers = {} } = value as Partial<PublicSummary>;
  const isRecord = (candidate: unknown): candidate is Record<string, unknown> => typeof candidate === 'object' && candidate !== null && !Array.isArray(candidate);
  if (!isRecord(articles) || !isRecord(authors) || !isRecord(redirects) || !isRecord(dossiers) || typeof sections !== 'string') return undefined;
  const validArticle = (summary: unknown) =>
    isRecord(summary) && typeof summary.page === 'string' && typeof summary.card === 'string' && typeof summary.date === 'string' && Array.isArray(summary.lists) && summary.lists.every((list) => typeof list === 'string');
  if (!Object.values(articles).every(validArticle)) return undefined;
  if (![...Object.values(authors), ...Object.values(redirects), ...Object.values(dossiers)].every((entry) => typeof entry === 'string')) return undefined;
  // JSON.parse makes own properties only (a "__proto__" key included): dropping the prototype is enough, no copy of 100,000 entries.
  return {
    articles: Object.setPrototypeOf(articles, null) as Record<string, ArticleSummary>,
    authors: Object.setPrototypeOf(authors, null) as Record<string, string>,
    dossiers: Object.setPrototypeOf(dossiers, null) as Record<string, string>,
    redirects: Object.setPrototypeOf(redirects, null) as Record<string, string>,
    sections,
    ...(typeof at === 'string' && !Number.isNaN(Date.parse(at)) ? { at } : {}),
  };
}

/**
 * The cache tags to revalidate between two states: for each article added,
 * removed (deleted, unpublished, turned into a draft) or changed, its page;
 * its card wherever shown if what a card shows changed; every listing it
 * joined, left or moved in (a new date moves it); the sitemaps and search
 * results; authors whose name or bio changed; addresses whose redirect
 * changed; the header's sections if their list or order changed. A schedule
 * coming due is an article added. Pages showing « Plus d’articles sur… » keep
 * their list until the safety net unless a card in it changes: a new article
 * is not worth regenerating every article of its tags.
 */
export function tagsBetween(before: PublicSummary, after: PublicSummary): string[] {
  const tags = new Set<string>();
  let articlesChanged = false;
  const lists = new Set<ListName>();
  for (const slug of new Set([...Object.keys(before.articles), ...Object.keys(after.articles)])) {
    if (articleTagsInto(tags, slug, before.articles[slug], after.articles[slug], lists)) articlesChanged = true;
  }
  // Compared whole, the archive pages that changed are not worked out: all of each listing's go.
  for (const list of lists) tags.add(cacheTags.list(list)).add(cacheTags.archive(list));
  return [...sharedTagsInto(tags, before, after, articlesChanged)].sort();
}

/**
 * The same tags as tagsBetween(summary, summary of `state`), when only the
 * articles `slugs` may have changed (PublicArticlesCache.takeChangedSlugs):
 * those are summarized again and compared, not the 100,000 others. `summary`
 * becomes the summary of `state`.
 */
export function patchSummary(summary: PublicSummary, state: PublicState, slugs: ReadonlySet<string>, publicArticle: (slug: string) => Article | undefined, at: Date): string[] {
  const tags = new Set<string>();
  let articlesChanged = false;
  const moves: ListMove[] = [];
  for (const slug of slugs) {
    const article = publicArticle(slug);
    const current = article && summarizeArticle(article);
    const old = summary.articles[slug];
    const lists = new Set<ListName>();
    if (articleTagsInto(tags, slug, old, current, lists)) articlesChanged = true;
    for (const list of lists) moves.push({ list, dates: [old?.date, current?.date].flatMap((date) => (date ? [Date.parse(date)] : [])), joined: !old?.lists.includes(list) && Boolean(current?.lists.includes(list)), left: Boolean(old?.lists.includes(list)) && !current?.lists.includes(list) });
    if (current) summary.articles[slug] = current;
    else delete summary.articles[slug];
  }
  for (const tag of archiveTags(moves, state)) tags.add(tag);
  const { authors, dossiers, redirects, sections } = summarizeRest(state, articlesChanged ? undefined : summary.sections);
  const after = { articles: summary.articles, authors, dossiers, redirects, sections, at: at.toISOString() };
  sharedTagsInto(tags, summary, after, articlesChanged);
  Object.assign(summary, after);
  return [...tags].sort();
}

/**
 * One article's tags between two summaries (see tagsBetween); true when
 * anything about it changed. A listing it stays in keeps its order unless the
 * date changed; the card tag covers how it looks there.
 */
function articleTagsInto(tags: Set<string>, slug: string, old: ArticleSummary | undefined, current: ArticleSummary | undefined, lists: Set<ListName>): boolean {
  if (old && current && old.page === current.page) return false;
  if (!old && !current) return false;
  tags.add(cacheTags.article(slug));
  if (!old || !current || old.card !== current.card) tags.add(cacheTags.card(slug));
  const left = old?.lists ?? [];
  const joined = current?.lists ?? [];
  const moved = !old || !current || old.date !== current.date;
  for (const list of new Set([...left, ...joined])) {
    if (moved || !left.includes(list) || !joined.includes(list)) lists.add(list);
  }
  return true;
}

/** An article joining, leaving or moving in a listing: its dates before and after (ms), and which it did. */
interface ListMove {
  list: ListName;
  dates: number[];
  joined: boolean;
  left: boolean;
}

/** Past this many archive pages of one listing (an old article deleted or redated), its whole archive goes. */
const MAX_ARCHIVE_PAGE_TAGS = 20;

/**
 * The newest page of each listing moved in, and the archive pages whose
 * articles changed: archive pages are numbered from the oldest
 * (lib/pagination.ts), so an article moving at some place changes the page
 * holding that place and every newer one, and a new article only the newest
 * one (and the one before when it opens a page).
 */
function archiveTags(moves: readonly ListMove[], state: PublicState): string[] {
  const byList = new Map<ListName, ListMove[]>();
  for (const move of moves) {
    const own = byList.get(move.list);
    if (own) own.push(move);
    else byList.set(move.list, [move]);
  }
  const tags: string[] = [];
  for (const [list, listMoves] of byList) {
    tags.push(cacheTags.list(list));
    const articles = listArticles(list, state);
    const after = articles.length;
    const before = after - listMoves.filter((move) => move.joined).length + listMoves.filter((move) => move.left).length;
    const countBefore = archivePageCount(before);
    const countAfter = archivePageCount(after);
    const highest = Math.max(countBefore, countAfter);
    if (highest === 0) continue;
    // Counted in the list as it is now: one place lower per other article that moved, to be sure.
    const lowestPlace = Math.max(0, Math.min(...listMoves.flatMap((move) => move.dates).map((date) => olderThan(articles, date))) - listMoves.length);
    const lowest = Math.max(1, Math.min(archivePageOf(lowestPlace, after) ?? highest, countBefore || highest, countAfter || highest));
    if (highest - lowest + 1 > MAX_ARCHIVE_PAGE_TAGS) tags.push(cacheTags.archive(list));
    else for (let page = lowest; page <= highest; page += 1) tags.push(cacheTags.archivePage(list, page));
  }
  return tags;
}

/** A listing's articles in a public state, newest first. */
function listArticles(list: ListName, state: PublicState): readonly Article[] {
  if (list === 'home') return state.articles;
  const [kind, slug = ''] = list.split(/:(.*)/s);
  if (kind === 'section') return groupBySection(state.articles).get(slug)?.articles ?? [];
  if (kind === 'tag') return groupByTag(state.articles).get(slug)?.articles ?? [];
  if (kind === 'dossier') return groupByDossier(state.articles).get(slug) ?? [];
  return groupByAuthor(state.articles).get(slug) ?? [];
}

/** How many articles of a newest-first list were published before `date` (ms): binary search. */
function olderThan(articles: readonly Article[], date: number): number {
  let low = 0;
  let high = articles.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((articles[middle]?.publishedAt.date.getTime() ?? 0) >= date) low = middle + 1;
    else high = middle;
  }
  return articles.length - low;
}

/** The tags that do not belong to one article: sitemaps and search, authors, redirects, the header's sections. */
function sharedTagsInto(tags: Set<string>, before: PublicSummary, after: PublicSummary, articlesChanged: boolean): Set<string> {
  if (articlesChanged) {
    tags.add(cacheTags.sitemap);
    tags.add(cacheTags.search);
  }
  for (const slug of new Set([...Object.keys(before.authors), ...Object.keys(after.authors)])) {
    if (before.authors[slug] !== after.authors[slug]) tags.add(cacheTags.person(slug));
  }
  // A dossier's page and every part of it show its title.
  for (const slug of new Set([...Object.keys(before.dossiers), ...Object.keys(after.dossiers)])) {
    if (before.dossiers[slug] !== after.dossiers[slug]) tags.add(cacheTags.list(`dossier:${slug}`)).add(cacheTags.archive(`dossier:${slug}`));
  }
  for (const oldSlug of new Set([...Object.keys(before.redirects), ...Object.keys(after.redirects)])) {
    if (before.redirects[oldSlug] !== after.redirects[oldSlug]) tags.add(cacheTags.article(oldSlug));
  }
  if (articlesChanged && before.sections !== after.sections) tags.add(cacheTags.sections);
  return tags;
}

/** Convenience for two full states (tests, one-off comparisons). */
export function invalidatedTags(before: PublicState, after: PublicState): string[] {
  return tagsBetween(summarizePublicState(before), summarizePublicState(after));
}
