import path from 'node:path';
import { PhotoLibrary, type FileStamp, type PhotoLookup } from '../../images/photoLibrary';
import type { Article, ArticleBody, Author, Dossier } from '../article';
import { assembleIndex, type ContentIndex } from './assembleIndex';
import { patchIndex, type ArticleFileChange } from './patchIndex';
import { BodyCache } from './bodyCache';
import { parseArticleFile, type ArticleFields } from '../parsing/parseArticleFile';
import { parseAuthorFile } from '../parsing/parseAuthorFile';
import { parseDossierFile, type ParsedDossier } from '../parsing/parseDossierFile';
import type { ContentFile, Parsed } from '../parsing/parseContentFile';
import type { EditorFacts } from '../parsing/editorFacts';
import type { PersistentArticleCache } from './persistentCache';
import { ChangedSlugs, type FileKind } from './changedSlugs';
import { FolderListing, type ChangedFiles, type ListedFiles } from './folderListing';
import { readSnapshotLine, snapshotLine, type CacheEntry } from './loaderSnapshot';
import { hashText } from '../reading/hashText';
import { diskFiles, displayPath, type ContentFiles, type FoundFile } from '../reading/readContentFiles';

export type { ContentIndex };

/** Bodies kept in memory by default: a few hundred articles' worth. */
const DEFAULT_BODY_CACHE_BYTES = 16_000_000;

/**
 * Parses each file once per process and again only when its mtime or size
 * changes, so a server picks up an edited article without re-reading the rest.
 */
export class ContentLoader {
  private readonly articleCache = new Map<string, CacheEntry<ArticleFields>>();
  private readonly bodies: BodyCache;
  private readonly files: ContentFiles;
  private readonly authorCache = new Map<string, CacheEntry<Author>>();
  private readonly dossierCache = new Map<string, CacheEntry<ParsedDossier>>();
  private lastSignature = '';
  private lastIndex: ContentIndex | undefined;
  private pruned = false;
  private pruneLater = false;

  /** The stored versions of the current articles: what the persistent cache keeps when it prunes. */
  private *storedVersions(): Generator<[absolutePath: string, hash: string]> {
    for (const [absolutePath, entry] of this.articleCache) if (entry.hash) yield [absolutePath, entry.hash];
  }
  private loading: Promise<ContentIndex> | undefined;
  /** How many files were parsed (not served from cache) since the loader was made. */
  parseCount = 0;

  /** `<content>/images/`: the photos articles use, read from the same folder as the articles. */
  readonly photos: PhotoLibrary;

  constructor(
    readonly contentDir: string,
    /** Parsed articles kept on disk between processes (servers, build workers, the bench). */
    private readonly persistentCache?: PersistentArticleCache,
    options: { bodyCacheBytes?: number; files?: ContentFiles } = {},
  ) {
    this.photos = new PhotoLibrary(path.join(contentDir, 'images'));
    this.bodies = new BodyCache(options.bodyCacheBytes ?? DEFAULT_BODY_CACHE_BYTES);
    this.files = options.files ?? diskFiles;
    this.listing = new FolderListing(contentDir);
  }

  /**
   * The body of an article of the last index: from memory, else from the
   * persistent cache, else parsed again from its file (read now). Articles
   * hold no body, so that 100,000 of them fit in memory; pages ask for one,
   * feeds for twenty, the search index for each new revision.
   */
  body(article: Pick<Article, 'sourcePath' | 'revision'>): ArticleBody {
    const key = `${article.sourcePath}\0${article.revision}`;
    const cached = this.bodies.get(key);
    if (cached) return cached;
    const absolutePath = path.resolve(/* turbopackIgnore: true */ article.sourcePath);
    const hash = this.articleCache.get(absolutePath)?.hash;
    let body = hash === undefined ? undefined : this.persistentCache?.body(absolutePath, hash);
    if (!body) {
      const read = this.files.read(absolutePath);
      const again = read.ok ? parseArticleFile({ sourcePath: article.sourcePath, text: read.text }, { photos: this.photos.lookup }) : undefined;
      // Gone or broken since the index was made: the page shows an empty body until the next load drops it.
      // A copy, as for a parse the loader keeps (parseArticleNotingPhotos): not slices of the file's text.
      body = again?.ok ? structuredClone(again.value.body) : { html: '', text: '', quotes: [] };
    }
    this.bodies.set(key, body);
    return body;
  }

  /**
   * Every file's state, one snapshot line each (loaderSnapshot.ts), for a new
   * process to start from: the build writes it (lib/content/contentStore.ts),
   * so a server reads one file instead of reading and hashing every source
   * and its stored parse.
   */
  *snapshotLines(): Generator<string> {
    for (const [kind, cache] of [['article', this.articleCache], ['author', this.authorCache], ['dossier', this.dossierCache]] as const) {
      for (const [absolutePath, entry] of cache) yield snapshotLine(kind, absolutePath, entry);
    }
  }

  /**
   * Takes the entries of a snapshot before the first load: a file whose mtime
   * and size still match is not read again. Returns how many were taken; a
   * line that does not parse is skipped (its file is read as usual).
   */
  restore(
    lines: Iterable<string>,
    {
      pruneLater = true,
    }: {
      /** A server prunes the persistent cache a minute after its start, off the path of its first pages; a build does it at once. */
      pruneLater?: boolean;
    } = {},
  ): number {
    // From here on, what changes is measured against the build's own parses.
    if (!this.lastIndex) this.changedSlugs.startIfUnknown();
    this.pruneLater = pruneLater;
    let restored = 0;
    for (const line of lines) {
      const read = readSnapshotLine(line);
      if (read?.kind === 'article') this.articleCache.set(read.absolutePath, read.entry);
      else if (read?.kind === 'author') this.authorCache.set(read.absolutePath, read.entry);
      else if (read?.kind === 'dossier') this.dossierCache.set(read.absolutePath, read.entry);
      else continue;
      restored += 1;
    }
    return restored;
  }

  /**
   * Files kept at their last good version because they could not be read this
   * time (permissions, I/O): one line each, for the server's log.
   */
  faults: readonly string[] = [];

  /**
   * The index of the folder as it is now. Throws when the articles folder
   * vanished after articles were loaded from it: an unmounted disk or a
   * deployment swapping folders is a fault to ride out (the caller keeps the
   * last index), not an editor unpublishing everything.
   */
  async load(options: LoadOptions = {}): Promise<ContentIndex> {
    // Requests arriving together share one look at the folder instead of parsing the same new file twice…
    if (this.loading && !options.fresh) return this.loading;
    // …but one announcing a change waits for a look that starts after it: the one under way may have listed the folder before.
    const load = (this.loading ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => this.loadNow(options.changed));
    const tracked: Promise<ContentIndex> = load.finally(() => {
      if (this.loading === tracked) this.loading = undefined;
    });
    this.loading = tracked;
    return tracked;
  }

  /** The last look at the folder: what a change announced by name updates. */
  private readonly listing: FolderListing;

  /** The article, author and dossier files the last load listed, sorted by path. */
  get listed(): ListedFiles {
    return this.listing.listed;
  }

  /**
   * Every photo address the parses of the listed articles and dossiers looked
   * up: hero or body, a figure or an image inside a sentence, a link or a
   * heading, written inline or as a reference, an article's or a dossier
   * introduction's. What the editors' check counts as used.
   */
  photosLookedUp(): Set<string> {
    const used = new Set<string>();
    const noted = [
      ...[...this.listing.pathsOf('articles')].map((file) => this.articleCache.get(file)?.photos),
      ...[...this.listing.pathsOf('dossiers')].map((file) => this.dossierCache.get(file)?.photos),
    ];
    for (const photos of noted) for (const src of photos?.keys() ?? []) used.add(src);
    return used;
  }

  /** The article of the last index with this slug, drafts included. */
  article(slug: string): Article | undefined {
    return this.bySlug.get(slug);
  }

  private bySlug = new Map<string, Article>();

  /** Slugs of the article files read again or gone since the last takeChangedSlugs(). */
  private readonly changedSlugs = new ChangedSlugs();

  /**
   * The slugs whose article may differ from the last call's (or from the
   * snapshot restored): their files were read again, replaced a photo or went
   * away. 'all' the first time without a snapshot, or after an author changed
   * (their articles change without their files).
   */
  takeChangedSlugs(): ReadonlySet<string> | 'all' {
    return this.changedSlugs.take();
  }

  /** What the editors' check needs of an article's file, noted when it was parsed (none for an article no longer loaded). */
  editorFacts(article: Pick<Article, 'sourcePath'>): EditorFacts | undefined {
    const result = this.articleCache.get(path.resolve(/* turbopackIgnore: true */ article.sourcePath))?.result;
    return result?.ok ? result.value.editorFacts : undefined;
  }

  /** The links of a dossier's introduction, noted when it was parsed, as an article's are in its editor facts (none for a dossier no longer loaded). */
  dossierLinks(dossier: Pick<Dossier, 'sourcePath'>): EditorFacts['links'] {
    const result = this.dossierCache.get(path.resolve(/* turbopackIgnore: true */ dossier.sourcePath))?.result;
    return result?.ok ? result.value.introLinks : [];
  }

  private async loadNow(changed?: readonly string[]): Promise<ContentIndex> {
    // One stat per file named, once there is a listing to update; a full look otherwise.
    const announced = changed && changed.length > 0 && this.lastIndex ? this.listing.after(changed, this.files) : undefined;
    if (announced) return this.loadChanged(announced);
    const articlesDir = path.join(this.contentDir, 'articles');
    const [articleFiles, authorFiles, dossierFiles] = await Promise.all([
      this.files.list(articlesDir),
      this.files.list(path.join(this.contentDir, 'authors')),
      this.files.list(path.join(this.contentDir, 'dossiers')),
    ]);
    if (articleFiles.length === 0 && this.articleCache.size > 0 && !this.files.isFolder(articlesDir)) {
      throw new Error(`dossier des articles introuvable : ${displayPath(articlesDir)}`);
    }
    this.listing.replace({ articles: articleFiles, authors: authorFiles, dossiers: dossierFiles });
    const signature = [...articleFiles, ...authorFiles, ...dossierFiles].map((f) => `${f.absolutePath}:${f.mtimeMs}:${f.size}`).join('\n');
    this.photoStamps = new Map();
    const photosChanged = this.forgetParsesOfChangedPhotos();
    if (this.lastIndex && signature === this.lastSignature && !photosChanged) return this.lastIndex;

    const faults: string[] = [];
    const [articleResults, authorResults, dossierResults] = await Promise.all([
      this.readAll('article', articleFiles, this.articleCache, faults, (file) => this.parseArticleCached(file)),
      this.readAll('author', authorFiles, this.authorCache, faults, (file) => ({ result: parseAuthorFile(file), parsed: true })),
      this.readAll('dossier', dossierFiles, this.dossierCache, faults, (file) => this.parseDossierNotingPhotos(file)),
    ]);
    this.faults = faults;
    if (this.persistentCache && !this.pruned) {
      // Once per process, after every current article was looked up: earlier versions go. A
      // server started from a snapshot (100,000 entries to name) does it a minute later, not before its first page.
      this.pruned = true;
      const cache = this.persistentCache;
      const prune = () => cache.prune(this.storedVersions());
      if (this.pruneLater) setTimeout(() => void prune(), 60_000).unref();
      else await prune();
    }
    // With a fault, the next load reads again instead of trusting the unchanged listing.
    this.lastSignature = faults.length > 0 ? '' : signature;
    return this.indexed(assembleIndex(articleResults, authorResults, dossierResults));
  }

  /**
   * The index after changes announced by name: only those files are read,
   * and the last index is patched unless the change may involve other files
   * (then it is assembled from the parses in memory, still without reading).
   */
  private async loadChanged({ articles, authors, dossiers, gone }: ChangedFiles): Promise<ContentIndex> {
    const last = this.lastIndex;
    if (!last) throw new Error('loadChanged before a first load');
    if (articles.length === 0 && authors.length === 0 && dossiers.length === 0 && gone.length === 0) return last;
    // The stamps of the listing changed: a full look afterwards must compare again.
    this.lastSignature = '';
    this.photoStamps = new Map();
    const before = new Map<string, Parsed<ArticleFields> | undefined>();
    for (const file of [...articles.map((found) => found.absolutePath), ...gone]) before.set(file, this.articleCache.get(file)?.result);
    const faults: string[] = [];
    await Promise.all([
      this.readAll('article', articles, this.articleCache, faults, (file) => this.parseArticleCached(file), { only: true }),
      this.readAll('author', authors, this.authorCache, faults, (file) => ({ result: parseAuthorFile(file), parsed: true }), { only: true }),
      this.readAll('dossier', dossiers, this.dossierCache, faults, (file) => this.parseDossierNotingPhotos(file), { only: true }),
    ]);
    for (const file of gone) {
      this.changedSlugs.note('article', this.articleCache.get(file)?.result);
      if (this.authorCache.has(file)) this.changedSlugs.note('author');
      if (this.dossierCache.has(file)) this.changedSlugs.note('dossier');
      this.articleCache.delete(file);
      this.authorCache.delete(file);
      this.dossierCache.delete(file);
    }
    this.faults = faults;
    const changes: ArticleFileChange[] = [...before].map(([file, result]) => ({ sourcePath: displayPath(file), before: result, after: this.articleCache.get(file)?.result }));
    const inFolder = (folder: string) => (file: string) => file.startsWith(`${path.join(this.contentDir, folder)}${path.sep}`);
    // An author or a dossier may be any number of articles': the index is assembled again.
    const othersChanged = authors.length > 0 || dossiers.length > 0 || gone.some(inFolder('authors')) || gone.some(inFolder('dossiers'));
    const patched = othersChanged || faults.length > 0 ? undefined : patchIndex(last, changes, (slug) => this.bySlug.get(slug));
    if (patched) {
      for (const article of patched.changedFrom?.removed ?? []) this.bySlug.delete(article.slug);
      for (const article of patched.changedFrom?.added ?? []) this.bySlug.set(article.slug, article);
      this.lastIndex = patched;
      return patched;
    }
    const resultsOf = <T,>(files: readonly FoundFile[], cache: Map<string, CacheEntry<T>>) => files.flatMap((file) => cache.get(file.absolutePath)?.result ?? []);
    const { articles: articleFiles, authors: authorFiles, dossiers: dossierFiles } = this.listed;
    return this.indexed(assembleIndex(resultsOf(articleFiles, this.articleCache), resultsOf(authorFiles, this.authorCache), resultsOf(dossierFiles, this.dossierCache)));
  }

  /** Keeps a whole new index as the last one, with its lookup by slug. */
  private indexed(index: ContentIndex): ContentIndex {
    this.bySlug = new Map(index.articles.map((article) => [article.slug, article]));
    this.lastIndex = index;
    return index;
  }

  /**
   * Drops the parses whose photos were added, replaced or deleted since: each
   * photo is stat'ed once per load, however many articles use it.
   * Says whether any was dropped.
   */
  private forgetParsesOfChangedPhotos(): boolean {
    let changed = false;
    for (const [kind, cache] of [['article', this.articleCache], ['dossier', this.dossierCache]] as const) {
      for (const [filePath, entry] of cache) {
        if (!entry.photos) continue;
        for (const [src, before] of entry.photos) {
          const now = this.stampPhoto(src);
          if (now.mtimeMs !== before.mtimeMs || now.size !== before.size) {
            this.changedSlugs.note(kind, entry.result);
            cache.delete(filePath);
            changed = true;
            break;
          }
        }
      }
    }
    return changed;
  }

  /** Photo stamps of the current load: thousands of articles share a handful of photos, each is stat'ed once a load. */
  private photoStamps = new Map<string, FileStamp>();

  private stampPhoto(src: string): FileStamp {
    let stamp = this.photoStamps.get(src);
    if (!stamp) {
      stamp = this.photos.stamp(src);
      this.photoStamps.set(src, stamp);
    }
    return stamp;
  }

  /** A photo lookup that notes every photo it looked at, with its stamp, in `photos`. */
  private notingLookup(photos: Map<string, FileStamp>): PhotoLookup {
    return (src) => {
      photos.set(src, this.stampPhoto(src));
      return this.photos.lookup(src);
    };
  }

  /** Parses a dossier, noting its photos as an article's (a replaced photo means parsing it again). */
  private parseDossierNotingPhotos(file: ContentFile): ParseOutcome<ParsedDossier> {
    const photos = new Map<string, FileStamp>();
    return { result: parseDossierFile(file, { photos: this.notingLookup(photos) }), parsed: true, photos };
  }

  /**
   * Parses an article with a lookup that notes every photo it looked at, and
   * their stamps; the body goes to the body cache, the fields are returned.
   */
  private parseArticleNotingPhotos(file: ContentFile): { result: Parsed<ArticleFields>; body?: ArticleBody; photos: Map<string, FileStamp> } {
    const noted = new Map<string, FileStamp>();
    const parsed = parseArticleFile(file, { photos: this.notingLookup(noted) });
    // Every string a parse gives (a title, a tag, a photo's address) is a slice of the
    // file's text, and a slice keeps that whole text alive: 100,000 texts kept for their
    // titles are 700 MB of heap. What the loader keeps is a copy, which holds only itself.
    const { result, photos } = structuredClone({ result: parsed, photos: noted });
    if (!result.ok) return { result, photos };
    const { body, ...fields } = result.value;
    this.bodies.set(`${fields.sourcePath}\0${fields.revision}`, body);
    return { result: { ...result, value: fields }, body, photos };
  }

  /** Parses an article, or takes its parse from the persistent cache when its text and images are unchanged. */
  private async parseArticleCached(file: ContentFile & { absolutePath: string }): Promise<ParseOutcome<ArticleFields>> {
    const cache = this.persistentCache;
    if (!cache) {
      const { result, photos } = this.parseArticleNotingPhotos(file);
      return { result, parsed: true, photos };
    }
    const hash = hashText(file.text);
    const stored = cache.get(file.absolutePath, hash, (src) => this.stampPhoto(src));
    if (stored) return { result: stored.result, parsed: false, photos: stored.photos, hash };
    const { result, body, photos } = this.parseArticleNotingPhotos(file);
    await cache.set(file.absolutePath, hash, result, body, photos);
    return { result, parsed: true, photos, hash };
  }

  private async readAll<T>(
    kind: FileKind,
    files: readonly FoundFile[],
    cache: Map<string, CacheEntry<T>>,
    faults: string[],
    parse: (file: ContentFile & { absolutePath: string }) => ParseOutcome<T> | Promise<ParseOutcome<T>>,
    /** `only`: these are the changed files, not the whole listing (the others stay cached). */
    { only = false } = {},
  ): Promise<Parsed<T>[]> {
    if (!only) {
      const present = new Set(files.map((file) => file.absolutePath));
      for (const [cachedPath, entry] of cache) {
        if (present.has(cachedPath)) continue;
        this.changedSlugs.note(kind, entry.result);
        cache.delete(cachedPath);
      }
    }

    const results: Array<Parsed<T> | undefined> = [];
    const reading: Promise<void>[] = [];
    for (const [position, file] of files.entries()) {
      const cached = cache.get(file.absolutePath);
      if (cached && cached.mtimeMs === file.mtimeMs && cached.size === file.size) {
        results[position] = cached.result;
        continue;
      }
      reading.push(
        this.readOne(kind, file, cached, cache, faults, parse).then((result) => {
          results[position] = result;
        }),
      );
      // A parse waits with its body until both are written to the persistent cache: 100,000 at once are gigabytes.
      if (reading.length >= READ_BATCH) await Promise.all(reading.splice(0));
    }
    await Promise.all(reading);
    return results.filter((result) => result !== undefined);
  }

  /** Reads and parses one file that is new or changed since its cache entry. */
  private async readOne<T>(
    kind: FileKind,
    file: FoundFile,
    cached: CacheEntry<T> | undefined,
    cache: Map<string, CacheEntry<T>>,
    faults: string[],
    parse: (file: ContentFile & { absolutePath: string }) => ParseOutcome<T> | Promise<ParseOutcome<T>>,
  ): Promise<Parsed<T> | undefined> {
    const sourcePath = displayPath(file.absolutePath);
    const read = this.files.read(file.absolutePath);
    if (!read.ok && read.reason === 'gone') {
      this.changedSlugs.note(kind, cached?.result);
      cache.delete(file.absolutePath);
      return undefined;
    }
    if (!read.ok && read.reason === 'unreadable') {
      // A read that fails now may work in a moment: the last good version stays online.
      faults.push(`${sourcePath} : lecture impossible (${read.code}), ${cached ? 'dernière version lue conservée' : 'fichier ignoré'}`);
      return cached?.result ?? fileError(sourcePath, { message: `fichier illisible (${read.code})`, hint: 'vérifiez que le serveur a le droit de lire ce fichier' });
    }
    const { result, parsed, photos, hash }: ParseOutcome<T> = read.ok
      ? await parse({ sourcePath, text: read.text, absolutePath: file.absolutePath })
      : { result: fileError<T>(sourcePath, { line: read.line, message: 'le fichier n’est pas en UTF-8', hint: 'enregistrez-le en UTF-8 depuis votre éditeur' }), parsed: true };
    if (parsed) this.parseCount += 1;
    this.changedSlugs.note(kind, cached?.result, result);
    cache.set(file.absolutePath, { mtimeMs: file.mtimeMs, size: file.size, result, ...(photos ? { photos } : {}), ...(hash ? { hash } : {}) });
    return result;
  }
}

/** Files read and parsed at a time when many changed (a first load): each holds its body until it is stored. */
const READ_BATCH = 64;

export interface LoadOptions {
  /** A change was announced: do not share a look that started before this call. */
  fresh?: boolean;
  /** The files that changed, when known (the watcher's events): only they are looked at again. */
  changed?: readonly string[];
}

interface ParseOutcome<T> {
  result: Parsed<T>;
  /** False when the parse came from the persistent cache. */
  parsed: boolean;
  photos?: ReadonlyMap<string, FileStamp>;
  hash?: string;
}

/** A file refused as a whole, before any parsing. */
function fileError<T>(file: string, problem: { line?: number; message: string; hint: string }): Parsed<T> {
  return { ok: false, errors: [{ file, ...problem }] };
}
