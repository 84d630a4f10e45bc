import { statSync } from 'node:fs';
import path from 'node:path';
import type { Article, Author } from './article';
import type { ContentError } from './contentError';
import { parseArticleFile, type ParsedArticle, type SlugReference } from './parseArticleFile';
import { parseAuthorFile } from './parseAuthorFile';
import type { ContentFile, Parsed } from './parseContentFile';
import { hashText, type ImageStamp, type PersistentArticleCache } from './persistentCache';
import { createPublicImageSizeLookup, resolveInside, type ImageSizeLookup } from './publicImages';
import { listMarkdownFiles, readUtf8File, type FoundFile } from './readContentFiles';

/** Everything loaded from a content folder: valid articles and authors, and every problem found. */
export interface ContentIndex {
  /** Valid articles, drafts included, newest first. */
  articles: readonly Article[];
  authors: ReadonlyMap<string, Author>;
  /** Former slug (`redirectFrom`) → current slug, drafts' included: a draft may be published later. */
  redirects: ReadonlyMap<string, string>;
  errors: readonly ContentError[];
  warnings: readonly ContentError[];
}

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
    const stored = await cache.get(file.absolutePath, hash);
    if (stored) return { result: stored, parsed: false };
    const images: ImageStamp[] = [];
    const recordingLookup: ImageSizeLookup = (src) => {
      const absolutePath = resolveInside(this.publicDir, src);
      if (absolutePath) images.push(stampOf(absolutePath));
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

/** Pure: resolves authors, refuses duplicate slugs, maps former slugs, sorts newest first. */
export function assembleIndex(
  articleResults: readonly Parsed<ParsedArticle>[],
  authorResults: readonly Parsed<Author>[],
): ContentIndex {
  const errors: ContentError[] = [];
  const warnings: ContentError[] = [];
  const authors = new Map<string, Author>();
  for (const result of authorResults) {
    if (!result.ok) {
      errors.push(...result.errors);
      continue;
    }
    warnings.push(...result.warnings);
    const existing = authors.get(result.value.slug);
    if (existing) errors.push(duplicateSlugError(result.value.sourcePath, existing.sourcePath));
    else authors.set(result.value.slug, result.value);
  }

  const articles: Article[] = [];
  const redirectClaims: RedirectClaim[] = [];
  const seenSlugs = new Map<string, string>();
  for (const result of articleResults) {
    if (!result.ok) {
      errors.push(...result.errors);
      continue;
    }
    warnings.push(...result.warnings);
    const { authorReference, redirectReferences, ...parsed } = result.value;
    const firstFile = seenSlugs.get(parsed.slug);
    if (firstFile) {
      errors.push(duplicateSlugError(parsed.sourcePath, firstFile));
      continue;
    }
    seenSlugs.set(parsed.slug, parsed.sourcePath);
    const author = authors.get(authorReference.slug);
    if (!author) {
      errors.push({
        file: parsed.sourcePath,
        line: authorReference.line,
        column: authorReference.column,
        field: 'author',
        message: `auteur inconnu « ${authorReference.slug} »`,
        hint: `créez content/authors/${authorReference.slug}.md ou choisissez parmi : ${[...authors.keys()].join(', ') || 'aucun auteur'}`,
      });
      continue;
    }
    articles.push({ ...parsed, author });
    redirectClaims.push(...redirectReferences.map((reference) => ({ ...reference, article: parsed })));
  }

  const { redirects, redirectErrors } = mapRedirects(redirectClaims, articles);
  errors.push(...redirectErrors);
  articles.sort((a, b) => b.publishedAt.date.getTime() - a.publishedAt.date.getTime() || a.slug.localeCompare(b.slug));
  return { articles, authors, redirects, errors, warnings };
}

/** A former slug as one article's `redirectFrom` lists it. */
interface RedirectClaim extends SlugReference {
  article: Pick<Article, 'slug' | 'sourcePath'>;
}

/**
 * Former slugs may be no article's current slug, so a redirect can never hide
 * a page nor lead to another redirect; and each may lead to one article only.
 * A refused entry is left out of the map and reported; the article stays.
 */
function mapRedirects(
  claims: readonly RedirectClaim[],
  articles: readonly Article[],
): { redirects: Map<string, string>; redirectErrors: ContentError[] } {
  const articlesBySlug = new Map(articles.map((article) => [article.slug, article]));
  const firstClaims = new Map<string, RedirectClaim>();
  const redirects = new Map<string, string>();
  const redirectErrors: ContentError[] = [];
  for (const claim of claims) {
    const problem = redirectProblem(claim, articlesBySlug.get(claim.slug), firstClaims.get(claim.slug));
    if (problem) {
      redirectErrors.push({
        file: claim.article.sourcePath,
        line: claim.line,
        column: claim.column,
        field: 'redirectFrom',
        ...problem,
      });
      continue;
    }
    firstClaims.set(claim.slug, claim);
    redirects.set(claim.slug, claim.article.slug);
  }
  return { redirects, redirectErrors };
}

function redirectProblem(
  claim: RedirectClaim,
  articleWithThatSlug: Article | undefined,
  firstClaim: RedirectClaim | undefined,
): { message: string; hint: string } | undefined {
  if (claim.slug === claim.article.slug) {
    return {
      message: `l’ancienne adresse « ${claim.slug} » est celle de l’article lui-même`,
      hint: 'retirez-la de redirectFrom : on n’y met que les noms que le fichier a portés avant',
    };
  }
  if (articleWithThatSlug) {
    const kind = articleWithThatSlug.draft ? 'd’un brouillon' : 'd’un article en ligne';
    return {
      message: `l’ancienne adresse « ${claim.slug} » est aussi celle ${kind} (${articleWithThatSlug.sourcePath})`,
      hint: 'retirez-la de redirectFrom ou renommez l’article',
    };
  }
  if (firstClaim && firstClaim.article.slug !== claim.article.slug) {
    return {
      message: `l’ancienne adresse « ${claim.slug} » mène déjà à ${firstClaim.article.sourcePath} (ligne ${firstClaim.line})`,
      hint: 'une ancienne adresse ne peut mener qu’à un seul article : retirez-la de l’un des deux fichiers',
    };
  }
  return undefined;
}

function duplicateSlugError(file: string, firstFile: string): ContentError {
  return {
    file,
    message: `adresse déjà prise par ${firstFile} (même nom de fichier)`,
    hint: 'renommez l’un des deux fichiers : chaque nom de fichier doit être unique',
  };
}

/** The path editors see: relative to the project root when inside it, absolute otherwise. */
export function displayPath(absolutePath: string): string {
  const relative = path.relative(process.cwd(), absolutePath);
  return relative.startsWith('..') ? absolutePath : relative;
}

function stampOf(absolutePath: string): ImageStamp {
  try {
    const stats = statSync(/* turbopackIgnore: true */ absolutePath);
    return { absolutePath, mtimeMs: stats.mtimeMs, size: stats.size };
  } catch {
    return { absolutePath, mtimeMs: -1, size: -1 };
  }
}
