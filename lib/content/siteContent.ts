import path from 'node:path';
import type { Article, ArticleBody } from './article';
import { revalidatedByAnotherReplicaAt } from '../cache/sharedCacheState';
import type { ContentIndex } from './index/contentIndex';
import { ContentStore, type SearchResult } from './contentStore';
import type { PhotoService } from '../images/photoService';
import type { Page } from '../pagination';

export type { SearchResult };

/** `content/` unless `CONTENT_DIR` points elsewhere (tests and benchmarks use fixture corpora). */
export function resolveContentDir(): string {
  // Content is read at run time (editors publish without a rebuild), so it is not traced into the bundle.
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), process.env.CONTENT_DIR ?? 'content');
}

/**
 * Without a watcher (CONTENT_WATCH=off, `next dev`), a look at the folder
 * costs a stat per file (0.2 s for 10,000 articles), so a request within 5 s
 * of the last look reuses it. With one, the watcher announces every change
 * (it calls /api/revalidate) and the index is reused until then.
 */
const RECHECK_WITHOUT_WATCHER_MS = 5_000;

const MEGABYTE = 1_000_000;

/** A setting in megabytes from the environment, or its default. */
function megabytesFrom(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value * MEGABYTE : fallback * MEGABYTE;
}

/**
 * The server's store, made from its environment: the one place that reads
 * it, and that wires the store to the shared cache (a revalidation another
 * replica made). Kept on `globalThis`, the one process-wide object: Next
 * bundles each route apart, and module state would give every route its own
 * copy of the parsed articles. A new folder (tests, benchmarks) gets a new store.
 */
function store(): ContentStore {
  const key = Symbol.for('kiosque.contentStore');
  const holder = globalThis as { [key]?: ContentStore };
  const contentDir = resolveContentDir();
  const current = holder[key];
  if (current?.contentDir === contentDir) return current;
  current?.close();
  const development = process.env.NODE_ENV === 'development';
  // Parses, photos and the search index are kept beside the build (`<distDir>/cache/`) only in a build made by next.config.ts, which stamps the parser's fingerprint.
  const fingerprint = development ? undefined : process.env.KIOSQUE_PARSER_FINGERPRINT;
  const building = process.env.NEXT_PHASE === 'phase-production-build';
  const watched = !development && !building && process.env.CONTENT_WATCH !== 'off';
  holder[key] = new ContentStore({
    contentDir,
    cacheDir: fingerprint && path.join(path.resolve(/* turbopackIgnore: true */ process.cwd(), process.env.NEXT_DIST_DIR ?? '.next'), 'cache'),
    parserFingerprint: fingerprint,
    // Next sets NEXT_PHASE in the processes of `next build`.
    phase: building ? 'build' : 'serve',
    // A build reads the folder once: its pages all show one state of the content, and
    // 344 pages of a 100,000-article archive are not 25 looks at every file (2 s each).
    recheckMs: watched || building ? Infinity : RECHECK_WITHOUT_WATCHER_MS,
    revalidatedElsewhereAt: revalidatedByAnotherReplicaAt,
    // Photos and the images made from them: `PHOTO_CACHE_MEMORY_MB` (64) in memory, `PHOTO_CACHE_DISK_MB` (1,000) on disk; each replica has its own.
    photoCache: { memoryBytes: megabytesFrom('PHOTO_CACHE_MEMORY_MB', 64), diskBytes: megabytesFrom('PHOTO_CACHE_DISK_MB', 1_000) },
  });
  return holder[key];
}

/** The site's content, loaded once per process and refreshed per changed file. */
export const getSiteContent = (): Promise<ContentIndex> => store().load();
export const getPublishedArticles = (now = new Date()): Promise<readonly Article[]> => store().published(now);
export const getPublishedArticle = (slug: string, now = new Date()): Promise<Article | undefined> => store().publishedArticle(slug, now);
export const getArticleForPreview = (slug: string): Promise<Article | undefined> => store().articleForPreview(slug);
export const findRedirect = (oldSlug: string, now = new Date()): Promise<string | undefined> => store().redirect(oldSlug, now);
export const getArticleBody = (article: Article): ArticleBody => store().body(article);
export const getPhotoService = (): PhotoService => store().photos;
export const nextScheduledChange = (now = new Date()): Promise<Date | undefined> => store().nextScheduledChange(now);
export const tagsChangedSinceLastRevalidation = (now = new Date(), changed?: readonly string[]): Promise<string[] | undefined> => store().tagsChangedSinceLastRevalidation(now, changed);
export const searchPublishedArticles = (query: string, page: number, perPage: number, now = new Date()): Promise<Page<SearchResult>> => store().searchPublished(query, page, perPage, now);
