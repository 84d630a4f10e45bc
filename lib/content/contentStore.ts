import path from 'node:path';
import type { Article, ArticleBody } from './article';
import { checkContent, type ContentCheck } from './check/checkContent';
import { ContentErrorsFound, formatContentError } from './contentError';
import { ContentLoader, type ContentIndex, type LoadOptions } from './index/contentIndex';
import { followChange, type PendingChange } from './index/patchIndex';
import { BuildState } from './index/buildState';
import { cacheTags } from './index/cacheTags';
import { patchSummary, summarizePublicState, tagsBetween, type PublicSummary } from './index/invalidation';
import { PersistentArticleCache } from './index/persistentCache';
import { hashText } from './reading/hashText';
import { nextCoverageEnd } from './index/liveCoverage';
import { isPublic, PublicArticlesCache } from './index/publication';
import type { ContentFiles } from './reading/readContentFiles';
import { PhotoService } from '../images/photoService';
import type { Page } from '../pagination';
import { SearchIndex, type SnippetPart } from '../search/searchIndex';
import { COUNTED_MATCHES } from '../search/searchQuery';

export interface ContentStoreOptions {
  contentDir: string;
  /**
   * Where this process keeps what outlives it, one folder per kind (parses,
   * photos, the search index, the build's public state); none: everything in
   * memory (`next dev`, tests).
   */
  cacheDir?: string;
  /** The parser's fingerprint (lib/content/parsing/sourceFingerprint.ts): stored parses and indexes of another parser are not trusted. */
  parserFingerprint?: string;
  /** `build`: a content error is thrown, with every error listed, and the search index is filled for the servers. */
  phase: 'build' | 'serve';
  /**
   * How long a look at the folder is reused (a look stats every file).
   * Infinity when a watcher announces every change (tagsChangedSinceLastRevalidation).
   */
  recheckMs: number;
  /** When another replica last revalidated (lib/cache/sharedCacheState.ts): a look older than that is not reused. */
  revalidatedElsewhereAt?: () => number;
  photoCache: { memoryBytes: number; diskBytes: number };
  /**
   * How long after its first whole load a server that found no snapshot of
   * its parser writes its own (OWN_SNAPSHOT_DELAY_MS by default).
   */
  ownSnapshotDelayMs?: number;
  /** The editors' files; the disk unless a test gives another reader. */
  files?: ContentFiles;
  log?: (report: string) => void;
}

/** One search result as the results page shows it. */
export interface SearchResult {
  article: Article;
  snippet: SnippetPart[];
}

/**
 * Everything one process knows of one content folder, and the only owner of
 * it: the loader (parses and bodies), the photos, the search index, the last
 * look at the folder and the state the last revalidation compared with. The
 * policy is here too: during a build every content error is thrown; a running
 * server logs bad files and keeps serving every other page, and the last good
 * index while the folder cannot be read.
 */
export class ContentStore {
  readonly loader: ContentLoader;
  readonly photos: PhotoService;
  private search?: { index: SearchIndex; syncedWith?: readonly Article[]; syncing?: Promise<void>; pending?: PendingChange };
  private buildCheck?: Promise<ContentCheck>;
  private buildIndexes?: Promise<void>;
  private lastCheck?: { index: ContentIndex; at: number };
  private lastGood?: ContentIndex;
  /** What readers could see at the last revalidation: at first what the build saw (its pages show that), or what this process first read. */
  private revalidatedSummary?: PublicSummary;
  private comparesWith?: 'build' | 'first load';
  private readonly lastLogged = { errors: '', faults: '' };
  private snapshotRestored = false;
  /** Set when a server found no snapshot to start from: it writes one after its first whole load. */
  private ownSnapshot?: 'due' | Promise<void>;
  /** What the build leaves for the servers; none without a cache folder. */
  private readonly buildState?: BuildState;
  private readonly publicArticles = new PublicArticlesCache();

  constructor(private readonly options: ContentStoreOptions) {
    const { contentDir, cacheDir, parserFingerprint } = options;
    const persistent = cacheDir && parserFingerprint ? new PersistentArticleCache(path.join(cacheDir, 'kiosque-content', folderName(contentDir)), parserFingerprint) : undefined;
    this.loader = new ContentLoader(contentDir, persistent, { files: options.files });
    if (cacheDir && parserFingerprint) this.buildState = new BuildState(path.join(cacheDir, 'kiosque-content', folderName(contentDir)), parserFingerprint);
    this.photos = new PhotoService(this.loader.photos, {
      ...options.photoCache,
      folder: cacheDir && path.join(cacheDir, 'kiosque-photos', folderName(contentDir)),
      concurrency: 2,
    });
  }

  get contentDir(): string {
    return this.options.contentDir;
  }

  /** The index of the folder, looked at again unless the last look is recent enough (or a change is announced). */
  async load(announced?: LoadOptions): Promise<ContentIndex> {
    const { lastCheck, options } = this;
    const elsewhere = options.revalidatedElsewhereAt?.() ?? 0;
    if (!announced && lastCheck && Date.now() - lastCheck.at < options.recheckMs && lastCheck.at >= elsewhere) return lastCheck.index;
    if (!this.snapshotRestored && this.buildState) {
      // Files unchanged since the last build are not read again: by a server started from
      // it, and by the next build, which keeps the cache folder (`<distDir>/cache/`).
      this.snapshotRestored = true;
      const restored = this.loader.restore(this.buildState.snapshotLines(), { pruneLater: options.phase === 'serve' });
      if (restored === 0 && options.phase === 'serve') this.ownSnapshot = 'due';
    }
    if (options.phase === 'build') await this.prepareBuild();
    // Stamped before reading: a revalidation made while the folder is being read must still count as newer.
    const checkedAt = Date.now();
    let index: ContentIndex;
    try {
      index = await this.loader.load(announced);
      this.lastGood = index;
      this.publicArticles.follow(index.articles, index.changedFrom);
      if (this.search) this.search.pending = followChange(this.search.pending, this.search.syncedWith, index.articles, index.changedFrom);
      this.logOnce('faults', this.loader.faults.length > 0 ? `[kiosque] fichiers non relus :\n${this.loader.faults.join('\n')}` : '');
      if (this.ownSnapshot === 'due') this.writeOwnSnapshot();
    } catch (error) {
      // Nothing served yet: there is no last good version to fall back on.
      if (!this.lastGood) throw error;
      index = this.lastGood;
      this.logOnce('faults', `[kiosque] contenu non relu, la dernière version lue reste en ligne : ${error instanceof Error ? error.message : String(error)}`);
    }
    this.lastCheck = { index, at: checkedAt };
    if (!this.comparesWith) {
      // The build's summary is read at the first revalidation; without one, what this process first read is what it compares with.
      this.comparesWith = this.buildState?.hasSummary() ? 'build' : 'first load';
      // Read a moment after the start rather than by the first publication (half a second for 100,000 articles).
      if (this.comparesWith === 'build') setTimeout(() => (this.revalidatedSummary ??= this.buildState?.readSummary()), SUMMARY_READ_DELAY_MS).unref();
      if (this.comparesWith === 'first load') {
        this.revalidatedSummary = summarizePublicState(this.publicState(index, new Date()), new Date());
        this.loader.takeChangedSlugs();
      }
    }
    this.logOnce('errors', index.errors.length > 0 ? `[kiosque] fichiers ignorés car invalides :\n${index.errors.map(formatContentError).join('\n')}` : '');
    return index;
  }

  /**
   * Once per build process: the whole editors' check (`npm run content:check`)
   * must pass, then the search index is filled and the public state written,
   * so a server starts with both (scripts/start.mjs copies them to each replica).
   */
  private async prepareBuild(): Promise<void> {
    this.buildCheck ??= checkContent(this.contentDir, new Date(), { loader: this.loader });
    const { errors } = await this.buildCheck;
    if (errors.length > 0) throw new ContentErrorsFound(errors);
    this.buildIndexes ??= this.loader.load().then(async (index) => {
      const search = this.searchIndex();
      await this.syncSearch(index.articles);
      search.index.checkpoint();
      const now = new Date();
      await this.buildState?.writeSummary(summarizePublicState(this.publicState(index, now), now));
      await this.buildState?.writeSnapshot(this.loader.snapshotLines());
    });
    await this.buildIndexes;
  }

  /**
   * A server on a folder no build of its parser read (a replica whose content
   * is a mounted volume, a new image) has just read and parsed every file;
   * its snapshot, written off the path of its first pages, lets its next
   * start read only the files changed since, as a build's would.
   */
  private writeOwnSnapshot(): void {
    const { buildState } = this;
    if (!buildState) return;
    this.ownSnapshot = new Promise<void>((resolve) => {
      setTimeout(() => {
        buildState
          .writeSnapshot(this.loader.snapshotLines())
          .catch((error: unknown) => this.logOnce('faults', `[kiosque] instantané du contenu non écrit : ${error instanceof Error ? error.message : String(error)}`))
          .finally(resolve);
      }, this.options.ownSnapshotDelayMs ?? OWN_SNAPSHOT_DELAY_MS).unref();
    });
  }

  /** The write of a server's own snapshot, once one is under way (tests wait for it). */
  get ownSnapshotWritten(): Promise<void> | undefined {
    return this.ownSnapshot instanceof Promise ? this.ownSnapshot : undefined;
  }

  /** Logs a report when it differs from the last one of its kind: a server looks at the folder again and again. */
  private logOnce(kind: keyof ContentStore['lastLogged'], report: string): void {
    if (report === this.lastLogged[kind]) return;
    this.lastLogged[kind] = report;
    if (report !== '') (this.options.log ?? console.error)(report);
  }

  /** Articles readers may see at `now`, newest first: no draft, nothing scheduled for later. */
  async published(now = new Date()): Promise<readonly Article[]> {
    const { articles } = await this.load();
    return this.publicArticles.get(articles, now);
  }

  /** The published article with this slug, looked up in the index: a URL never becomes a file path. */
  async publishedArticle(slug: string, now = new Date()): Promise<Article | undefined> {
    await this.load();
    const article = this.loader.article(slug);
    return article && isPublic(article, now) ? article : undefined;
  }

  /** Any valid article with this slug, draft or scheduled: for previews only (Draft Mode, `next dev`). */
  async articleForPreview(slug: string): Promise<Article | undefined> {
    await this.load();
    return this.loader.article(slug);
  }

  /** Where an old slug (`redirectFrom`) now lives, when that article is public. */
  async redirect(oldSlug: string, now = new Date()): Promise<string | undefined> {
    const { redirects } = await this.load();
    const target = redirects.get(oldSlug);
    return target !== undefined && (await this.publishedArticle(target, now)) ? target : undefined;
  }

  /** The body of an article, through the loader's bounded cache. */
  body(article: Article): ArticleBody {
    return this.loader.body(article);
  }

  /**
   * The next scheduled publication or end of a live coverage, when one is to
   * come: nothing else tells the site then.
   */
  async nextScheduledChange(now = new Date()): Promise<Date | undefined> {
    const { articles } = await this.load();
    const publication = this.publicArticles.changesAt(articles, now);
    const coverageEnd = nextCoverageEnd(this.publicArticles.get(articles, now), now);
    return publication && coverageEnd ? (publication < coverageEnd ? publication : coverageEnd) : (publication ?? coverageEnd);
  }

  /**
   * The cache tags of every page that changed since the last revalidation
   * (lib/content/index/invalidation.ts), looking at the folder now (at `changed`
   * only, when the caller knows which files changed); undefined when there is
   * nothing to compare with (nothing read yet, no build state): then
   * everything must go.
   */
  async tagsChangedSinceLastRevalidation(now = new Date(), changed?: readonly string[]): Promise<string[] | undefined> {
    const firstLook = this.comparesWith === undefined;
    const index = await this.load({ fresh: true, ...(changed ? { changed } : {}) });
    // A first look of a process without a build's summary has nothing to compare with.
    const before = firstLook && this.comparesWith === 'first load' ? undefined : (this.revalidatedSummary ?? this.buildState?.readSummary());
    const state = this.publicState(index, now);
    const slugs = this.loader.takeChangedSlugs();
    const since = before?.at === undefined ? undefined : Date.parse(before.at);
    if (before && slugs !== 'all' && since !== undefined) {
      // Only what changed is summarized and compared again: the files read again, and the schedules that came due.
      const changedSlugs = new Set(slugs);
      for (const article of index.articles) {
        const date = article.publishedAt.date.getTime();
        if (!article.draft && date > since && date <= now.getTime()) changedSlugs.add(article.slug);
      }
      this.revalidatedSummary = before;
      const tags = patchSummary(before, state, changedSlugs, (slug) => {
        const article = this.loader.article(slug);
        return article && isPublic(article, now) ? article : undefined;
      }, now);
      return withEndedCoverage(tags, state.articles, since, now);
    }
    const after = summarizePublicState(state, now);
    this.revalidatedSummary = after;
    return before && withEndedCoverage(tagsBetween(before, after), state.articles, since, now);
  }

  /**
   * Published articles matching every word of `query`, title matches first, cut
   * into pages of `perPage`; a page past the last gives the first (as listings
   * do for a mistyped number, without a 404 on a search). `total` is at most
   * COUNTED_MATCHES + 1, which means « more than COUNTED_MATCHES ».
   */
  async searchPublished(query: string, requestedPage: number, perPage: number, now = new Date()): Promise<Page<SearchResult>> {
    const { articles } = await this.load();
    const search = this.searchIndex();
    await this.syncSearch(articles);
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
      const article = await this.publishedArticle(hit.slug, now);
      if (article) items.push({ article, snippet: hit.snippet });
    }
    return { items, number, count, total: results.total };
  }

  /** Closes the search index's file (a store replaced by another, tests). */
  close(): void {
    this.search?.index.close();
    this.search = undefined;
  }

  /**
   * The search index, in an SQLite file of the cache folder (one per process:
   * each replica has its own copy, updated per changed article), or in memory
   * without one.
   */
  private searchIndex(): NonNullable<ContentStore['search']> {
    const { cacheDir, parserFingerprint } = this.options;
    this.search ??= {
      index: SearchIndex.open(cacheDir && parserFingerprint ? path.join(cacheDir, 'kiosque-search', folderName(this.contentDir), 'search.sqlite') : ':memory:', parserFingerprint ?? 'development'),
    };
    return this.search;
  }

  /** Brings the index to this list of articles; concurrent callers share one update. */
  private async syncSearch(articles: readonly Article[]): Promise<void> {
    const search = this.searchIndex();
    while (search.syncedWith !== articles) {
      if (!search.syncing) {
        const target = articles;
        const readText = (article: Article) => this.loader.body(article).text;
        // After a few files changed, only they are indexed again.
        const change = search.pending?.to === target && search.pending.articles === search.syncedWith ? search.pending : undefined;
        search.syncing = (change ? search.index.updateSome(change.removed, change.added, readText) : search.index.update(target, readText))
          .then(() => {
            search.syncedWith = target;
            search.pending = undefined;
          })
          .finally(() => {
            search.syncing = undefined;
          });
      }
      await search.syncing;
    }
  }

  private publicState(index: ContentIndex, now: Date) {
    return { articles: this.publicArticles.get(index.articles, now), authors: index.authors, dossiers: index.dossiers, redirects: index.redirects };
  }

}

/** How long after its first look a server reads the build's summary, off the path of its first pages. */
export const SUMMARY_READ_DELAY_MS = 1_000;

/** How long after its first whole load a server without a snapshot writes its own (100,000 articles: 200 MB, a few seconds). */
export const OWN_SNAPSHOT_DELAY_MS = 30_000;

/** One folder per content folder in each cache: tests and benchmarks switch folders in one build. */
function folderName(contentDir: string): string {
  return hashText(contentDir).slice(0, 12);
}

/**
 * A live article whose coverage ended between two looks changed no file, yet
 * its page loses « En direct » and its island stops, and its card loses its
 * badge in every listing: its own tag and its card's go too.
 */
function withEndedCoverage(tags: string[], articles: readonly Article[], since: number | undefined, now: Date): string[] {
  if (since === undefined) return tags;
  const ended = articles.filter((article) => {
    const until = article.live?.until?.date.getTime();
    return until !== undefined && until > since && until <= now.getTime();
  });
  return ended.length === 0 ? tags : [...new Set([...tags, ...ended.flatMap((article) => [cacheTags.article(article.slug), cacheTags.card(article.slug)])])].sort();
}
