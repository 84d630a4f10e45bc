import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from './article';
import { revalidatedByAnotherReplicaAt } from '../cache/sharedCacheState';
import { checkContent, type ContentCheck } from './checkContent';
import { ContentErrorsFound, formatContentError } from './contentError';
import { ContentLoader, type ContentIndex } from './contentIndex';
import { PersistentArticleCache } from './persistentCache';
import { readPublicSummary, summarizePublicState, tagsBetween, type PublicSummary } from './invalidation';
import { PublicArticlesCache, selectPublic } from './publication';
import { PhotoService } from '../images/photoService';
import type { Page } from '../pagination';
import { SearchIndex, type SnippetPart } from '../search/searchIndex';
import { COUNTED_MATCHES } from '../search/searchQuery';

/** `content/` unless `CONTENT_DIR` points elsewhere (tests and benchmarks use fixture corpora). */
export function resolveContentDir(): string {
  // Content is read at run time (editors publish without a rebuild), so it is not traced into the bundle.
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), process.env.CONTENT_DIR ?? 'content');
}

/**
 * Checking the folder costs a stat per file (0.2 s for 10,000 articles), so a
 * request within this long of the last check reuses its index: renders under
 * load check at most every 5 s. An edit still shows within the 60 s promised
 * (30 s of page revalidation plus this), and at once after /api/revalidate.
 */
const RECHECK_INTERVAL_MS = 5_000;

/** What one server process knows of its content. */
interface ContentState {
  loader?: ContentLoader;
  photos?: PhotoService;
  search?: SearchState;
  buildCheck?: Promise<ContentCheck>;
  buildSearch?: Promise<void>;
  /**
   * What readers could see when the last revalidation was made: at first, what
   * the build saw (the pages it left in the cache show that), or else what this
   * process first read.
   */
  revalidatedSummary?: PublicSummary;
  lastCheck?: { index: ContentIndex; at: number };
  /** The last index loaded without a fault, served while the folder cannot be read. */
  lastGood?: ContentIndex;
  lastLoggedErrors: string;
  lastLoggedFaults: string;
}

/**
 * Kept on `globalThis`: Next bundles each route apart, and module-level state
 * would give every route its own copy of the parsed articles, and make
 * `/api/revalidate` forget the last check of its own copy only.
 */
const STATE_KEY = Symbol.for('kiosque.siteContent');
const state = ((globalThis as { [STATE_KEY]?: ContentState })[STATE_KEY] ??= { lastLoggedErrors: '', lastLoggedFaults: '' });

/**
 * Parses kept on disk beside the build (`<distDir>/cache/`), so build workers
 * and a restarted server read JSON instead of rendering every Markdown file.
 * Only in a build made by next.config.ts, which stamps the parser's fingerprint.
 */
function persistentCacheFor(contentDir: string): PersistentArticleCache | undefined {
  const fingerprint = process.env.KIOSQUE_PARSER_FINGERPRINT;
  if (!fingerprint || process.env.NODE_ENV === 'development') return undefined;
  return new PersistentArticleCache(path.join(distDirCache(), 'kiosque-content', contentDirName(contentDir)), fingerprint);
}

function distDirCache(): string {
  return path.join(path.resolve(/* turbopackIgnore: true */ process.cwd(), process.env.NEXT_DIST_DIR ?? '.next'), 'cache');
}

function contentDirName(contentDir: string): string {
  return createHash('sha256').update(contentDir).digest('hex').slice(0, 12);
}

/** The loader of `contentDir`; a new folder (tests, benchmarks) starts from nothing. */
function currentLoader(contentDir: string): ContentLoader {
  if (state.loader?.contentDir === contentDir) return state.loader;
  state.loader = new ContentLoader(contentDir, persistentCacheFor(contentDir));
  state.photos = undefined;
  state.search?.index.close();
  state.search = undefined;
  state.lastCheck = undefined;
  state.lastGood = undefined;
  return state.loader;
}

const MEGABYTE = 1_000_000;

/** A setting in megabytes from the environment, or its default. */
function megabytesFrom(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value * MEGABYTE : fallback * MEGABYTE;
}

/**
 * The photos of the content folder and the images made from them, kept in
 * memory (`PHOTO_CACHE_MEMORY_MB`, 64 by default) and on disk beside the build
 * (`PHOTO_CACHE_DISK_MB`, 1,000 by default): each replica has its own.
 */
export function getPhotoService(): PhotoService {
  const contentDir = resolveContentDir();
  const loader = currentLoader(contentDir);
  state.photos ??= new PhotoService(loader.photos, {
    memoryBytes: megabytesFrom('PHOTO_CACHE_MEMORY_MB', 64),
    diskBytes: megabytesFrom('PHOTO_CACHE_DISK_MB', 1_000),
    folder: process.env.NODE_ENV === 'development' ? undefined : path.join(distDirCache(), 'kiosque-photos', contentDirName(contentDir)),
    concurrency: 2,
  });
  return state.photos;
}

/** Makes the next request look at the content folder again (after an explicit revalidation). */
export function forgetLastContentCheck(): void {
  state.lastCheck = undefined;
}

/**
 * The site's content, loaded once per process and refreshed per changed file.
 * During `next build` any content error stops the build with every error listed;
 * a running server logs bad files and keeps serving every other page.
 */
export async function getSiteContent(): Promise<ContentIndex> {
  const contentDir = resolveContentDir();
  const loader = currentLoader(contentDir);
  const { lastCheck } = state;
  if (lastCheck && Date.now() - lastCheck.at < RECHECK_INTERVAL_MS && lastCheck.at >= revalidatedByAnotherReplicaAt()) return lastCheck.index;
  // Next sets NEXT_PHASE in the processes of `next build`: there, the whole
  // editors' check (`npm run content:check`) must pass, once per build process.
  if (process.env.NEXT_PHASE === 'phase-production-build') {
    state.buildCheck ??= checkContent(contentDir, new Date(), { loader });
    const { errors } = await state.buildCheck;
    if (errors.length > 0) throw new ContentErrorsFound(errors);
    // The build fills the search index, so a server starts with it (scripts/start.mjs copies it to each replica).
    state.buildSearch ??= loader.load().then(async (index) => {
      const search = searchState(contentDir);
      await syncSearch(search, index.articles);
      search.index.checkpoint();
      await writeBuildSummary(contentDir, summarizePublicState(publicState(index, new Date())));
    });
    await state.buildSearch;
  }
  // Stamped before reading: a revalidation made while the folder is being read must still count as newer.
  const checkedAt = Date.now();
  let index: ContentIndex;
  try {
    index = await loader.load();
    state.lastGood = index;
    logOnce('lastLoggedFaults', loader.faults.length > 0 ? `[kiosque] fichiers non relus :\n${loader.faults.join('\n')}` : '');
  } catch (error) {
    // Nothing served yet: there is no last good version to fall back on.
    if (!state.lastGood) throw error;
    index = state.lastGood;
    logOnce('lastLoggedFaults', `[kiosque] contenu non relu, la dernière version lue reste en ligne : ${error instanceof Error ? error.message : String(error)}`);
  }
  state.lastCheck = { index, at: checkedAt };
  state.revalidatedSummary ??= readBuildSummary(contentDir) ?? summarizePublicState(publicState(index, new Date()));
  logOnce('lastLoggedErrors', index.errors.length > 0 ? `[kiosque] fichiers ignorés car invalides :\n${index.errors.map(formatContentError).join('\n')}` : '');
  return index;
}

/** Logs a report when it differs from the last one of its kind: a server re-checks every few seconds. */
function logOnce(kind: 'lastLoggedErrors' | 'lastLoggedFaults', report: string): void {
  if (report === state[kind]) return;
  state[kind] = report;
  if (report !== '') console.error(report);
}

const publicArticles = new PublicArticlesCache();

/** Articles readers may see at `now`, newest first: no draft, nothing scheduled for later. */
export async function getPublishedArticles(now = new Date()): Promise<readonly Article[]> {
  const { articles } = await getSiteContent();
  return publicArticles.get(articles, now);
}

/** The published article with this slug, looked up in the index: a URL never becomes a file path. */
const articlesBySlug = new WeakMap<readonly Article[], ReadonlyMap<string, Article>>();

export async function getPublishedArticle(slug: string, now = new Date()): Promise<Article | undefined> {
  const articles = await getPublishedArticles(now);
  let bySlug = articlesBySlug.get(articles);
  if (!bySlug) {
    bySlug = new Map(articles.map((article) => [article.slug, article]));
    articlesBySlug.set(articles, bySlug);
  }
  return bySlug.get(slug);
}

/** Any valid article with this slug, draft or scheduled: for previews only (Draft Mode, `next dev`). */
export async function getArticleForPreview(slug: string): Promise<Article | undefined> {
  const { articles } = await getSiteContent();
  return articles.find((article) => article.slug === slug);
}

/** Where an old slug (`redirectFrom`) now lives, when that article is public. */
export async function findRedirect(oldSlug: string, now = new Date()): Promise<string | undefined> {
  const { redirects } = await getSiteContent();
  const target = redirects.get(oldSlug);
  return target !== undefined && (await getPublishedArticle(target, now)) ? target : undefined;
}

interface SearchState {
  index: SearchIndex;
  /** The article list the index was last brought to, and the update under way. */
  syncedWith?: readonly Article[];
  syncing?: Promise<void>;
}

/**
 * The search index of this process, in an SQLite file beside the build
 * (`<distDir>/cache/kiosque-search/`): each replica has its own copy, updated
 * per changed article. In memory where no parser fingerprint is stamped (`next dev`).
 */
function searchState(contentDir: string): SearchState {
  if (state.search) return state.search;
  const fingerprint = process.env.KIOSQUE_PARSER_FINGERPRINT;
  const onDisk = fingerprint !== undefined && process.env.NODE_ENV !== 'development';
  const file = onDisk ? path.join(distDirCache(), 'kiosque-search', contentDirName(contentDir), 'search.sqlite') : ':memory:';
  state.search = { index: SearchIndex.open(file, fingerprint ?? 'development') };
  return state.search;
}

/** Brings the index to this list of articles; concurrent callers share one update. */
async function syncSearch(search: SearchState, articles: readonly Article[]): Promise<void> {
  while (search.syncedWith !== articles) {
    if (!search.syncing) {
      const target = articles;
      search.syncing = search.index
        .update(target, (article) => article.text)
        .then(() => {
          search.syncedWith = target;
        })
        .finally(() => {
          search.syncing = undefined;
        });
    }
    await search.syncing;
  }
}

/** One search result as the results page shows it. */
export interface SearchResult {
  article: Article;
  snippet: SnippetPart[];
}

/**
 * Published articles matching every word of `query`, title matches first, cut
 * into pages of `perPage`; a page past the last gives the first (as listings
 * do for a mistyped number, without a 404 on a search). `total` is at most
 * COUNTED_MATCHES + 1, which means « more than COUNTED_MATCHES ».
 */
export async function searchPublishedArticles(query: string, requestedPage: number, perPage: number, now = new Date()): Promise<Page<SearchResult>> {
  const { articles } = await getSiteContent();
  const search = searchState(resolveContentDir());
  await syncSearch(search, articles);
  const at = (pageNumber: number) => search.index.search(query, { now, offset: (pageNumber - 1) * perPage, limit: perPage });
  let number = Number.isInteger(requestedPage) && requestedPage >= 1 ? requestedPage : 1;
  let results = at(number);
  // Past COUNTED_MATCHES the count stops, and so do the pages.
  const count = Math.max(1, Math.ceil(Math.min(results.total, COUNTED_MATCHES) / perPage));
  if (number > count) {
    number = 1;
    results = at(1);
  }
  const items: SearchResult[] = [];
  for (const hit of results.hits) {
    // The index filters drafts and schedules too; the published list has the last word.
    const article = await getPublishedArticle(hit.slug, now);
    if (article) items.push({ article, snippet: hit.snippet });
  }
  return { items, number, count, total: results.total };
}

function publicState(index: ContentIndex, now: Date) {
  return { articles: publicArticles.get(index.articles, now), authors: index.authors, redirects: index.redirects };
}

/** Beside the parse cache, which scripts/start.mjs copies to each replica with it. */
function buildSummaryFile(contentDir: string): string {
  return path.join(distDirCache(), 'kiosque-content', `${contentDirName(contentDir)}.public.json`);
}

/** What the build's pages show, for the server's first revalidation to start from (written by each build worker, the same). */
async function writeBuildSummary(contentDir: string, summary: PublicSummary): Promise<void> {
  const file = buildSummaryFile(contentDir);
  const temporary = `${file}.${process.pid}.tmp`;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(temporary, JSON.stringify(summary));
  await rename(temporary, file);
}

function readBuildSummary(contentDir: string): PublicSummary | undefined {
  if (!process.env.KIOSQUE_PARSER_FINGERPRINT || process.env.NODE_ENV === 'development') return undefined;
  try {
    return readPublicSummary(JSON.parse(readFileSync(/* turbopackIgnore: true */ buildSummaryFile(contentDir), 'utf8')));
  } catch {
    return undefined; // no build summary (an older build, a cleared cache): start from what this process reads
  }
}

/** The next scheduled publication among the articles read last, when one is to come: nothing else tells the site then. */
export async function nextScheduledPublication(now = new Date()): Promise<Date | undefined> {
  const { articles } = await getSiteContent();
  return selectPublic(articles, now).changesAt;
}

/**
 * The cache tags of every page that changed since the last revalidation made
 * by this process (lib/content/invalidation.ts), reading the content folder
 * now; undefined when this process has no earlier state to compare with
 * (nothing read yet): then everything must go.
 */
export async function tagsChangedSinceLastRevalidation(now = new Date()): Promise<string[] | undefined> {
  const before = state.revalidatedSummary;
  forgetLastContentCheck();
  const index = await getSiteContent();
  const after = summarizePublicState(publicState(index, now));
  state.revalidatedSummary = after;
  return before && tagsBetween(before, after);
}
