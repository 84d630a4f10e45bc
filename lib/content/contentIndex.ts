import path from 'node:path';
import type { Author } from './article';
import { assembleIndex, type ContentIndex } from './assembleIndex';
import { parseArticleFile, type ParsedArticle } from './parseArticleFile';
import { parseAuthorFile } from './parseAuthorFile';
import type { ContentFile, Parsed } from './parseContentFile';
import { hashText, stampImage, type ImageStamp, type PersistentArticleCache } from './persistentCache';
import { createPublicImageSizeLookup, resolveInside, type ImageSizeLookup } from './publicImages';
import { displayPath, listMarkdownFiles, readUtf8File, type FoundFile } from './readContentFiles';

export type { ContentIndex };

interface CacheEntry<T> {
  mtimeMs: number;
  size: number;
  result: Parsed<T>;
}

/**
 * Parses each file once per process and again only when its mtime or size
 * changes, so a server picks up an edited article without re-reading the rest.
 */
export class ContentLoader {
  private readonly articleCache = new Map<string, CacheEntry<ParsedArticle>>();
  private readonly authorCache = new Map<string, CacheEntry<Author>>();
  private lastSignature = '';
  private lastIndex: ContentIndex | undefined;
  private pruned = false;
  /** How many files were parsed (not served from cache) since the loader was made. */
  parseCount = 0;

  private readonly imageSize: ImageSizeLookup;

  constructor(
    readonly contentDir: string,
    private readonly publicDir: string,
    /** Parsed articles kept on disk between processes (servers, build workers, the bench). */
    private readonly persistentCache?: PersistentArticleCache,
  ) {
    this.imageSize = createPublicImageSizeLookup(publicDir);
  }

  async load(): Promise<ContentIndex> {
    const [articleFiles, authorFiles] = await Promise.all([
      listMarkdownFiles(path.join(this.contentDir, 'articles')),
      listMarkdownFiles(path.join(this.contentDir, 'authors')),
    ]);
    const signature = [...articleFiles, ...authorFiles].map((f) => `${f.absolutePath}:${f.mtimeMs}:${f.size}`).join('\n');
    if (this.lastIndex && signature === this.lastSignature) return this.lastIndex;

    const [articleResults, authorResults] = await Promise.all([
      this.readAll(articleFiles, this.articleCache, (file) => this.parseArticleCached(file)),
      this.readAll(authorFiles, this.authorCache, (file) => ({ result: parseAuthorFile(file), parsed: true })),
    ]);
    if (this.persistentCache && !this.pruned) {
      // Once per process, after every current article was looked up: earlier versions go.
      this.pruned = true;
      await this.persistentCache.prune();
    }
    const index = assembleIndex(articleResults, authorResults);
    this.lastSignature = signature;
    this.lastIndex = index;
    return index;
  }

  /** Parses an article, or takes its parse from the persistent cache when its text and images are unchanged. */
  private async parseArticleCached(file: ContentFile & { absolutePath: string }): Promise<{ result: Parsed<ParsedArticle>; parsed: boolean }> {
    const cache = this.persistentCache;
    if (!cache) return { result: parseArticleFile(file, { imageSize: this.imageSize }), parsed: true };
    const hash = hashText(file.text);
    const stored = cache.get(file.absolutePath, hash);
    if (stored) return { result: stored, parsed: false };
    const images: ImageStamp[] = [];
    const recordingLookup: ImageSizeLookup = (src) => {
      const absolutePath = resolveInside(this.publicDir, src);
      if (absolutePath) images.push(stampImage(absolutePath));
      return this.imageSize(src);
    };
    const result = parseArticleFile(file, { imageSize: recordingLookup });
    await cache.set(file.absolutePath, hash, result, images);
    return { result, parsed: true };
  }

  private async readAll<T>(
    files: readonly FoundFile[],
    cache: Map<string, CacheEntry<T>>,
    parse: (file: ContentFile & { absolutePath: string }) => { result: Parsed<T>; parsed: boolean } | Promise<{ result: Parsed<T>; parsed: boolean }>,
  ): Promise<Parsed<T>[]> {
    const present = new Set(files.map((file) => file.absolutePath));
    for (const cachedPath of cache.keys()) if (!present.has(cachedPath)) cache.delete(cachedPath);

    return Promise.all(
      files.map(async (file) => {
        const cached = cache.get(file.absolutePath);
        if (cached && cached.mtimeMs === file.mtimeMs && cached.size === file.size) return cached.result;
        const { result, parsed } = await this.readAndParse(file, parse);
        if (parsed) this.parseCount += 1;
        cache.set(file.absolutePath, { mtimeMs: file.mtimeMs, size: file.size, result });
        return result;
      }),
    );
  }

  private async readAndParse<T>(
    file: FoundFile,
    parse: (file: ContentFile & { absolutePath: string }) => { result: Parsed<T>; parsed: boolean } | Promise<{ result: Parsed<T>; parsed: boolean }>,
  ): Promise<{ result: Parsed<T>; parsed: boolean }> {
    const sourcePath = displayPath(file.absolutePath);
    const read = readUtf8File(file.absolutePath);
    if (!read.ok) {
      const errors = [{ file: sourcePath, message: 'le fichier n’est pas en UTF-8', hint: 'enregistrez-le en UTF-8 depuis votre éditeur' }];
      return { result: { ok: false, errors }, parsed: true };
    }
    return parse({ sourcePath, text: read.text, absolutePath: file.absolutePath });
  }
}
