import path from 'node:path';
import type { Article } from './article';
import { checkContent, type ContentCheck } from './checkContent';
import { ContentErrorsFound, formatContentError } from './contentError';
import { ContentLoader, type ContentIndex } from './contentIndex';
import { PublicArticlesCache } from './publication';
import { resolvePublicDir } from './publicImages';

/** `content/` unless `CONTENT_DIR` points elsewhere (tests and benchmarks use fixture corpora). */
export function resolveContentDir(): string {
  // Content is read at run time (editors publish without a rebuild), so it is not traced into the bundle.
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), process.env.CONTENT_DIR ?? 'content');
}

let loader: ContentLoader | undefined;
let buildCheck: Promise<ContentCheck> | undefined;
let lastLoggedErrors = '';

/**
 * The site's content, loaded once per process and refreshed per changed file.
 * During `next build` any content error stops the build with every error listed;
 * a running server logs bad files and keeps serving every other page.
 */
export async function getSiteContent(): Promise<ContentIndex> {
  const contentDir = resolveContentDir();
  if (loader?.contentDir !== contentDir) loader = new ContentLoader(contentDir, resolvePublicDir());
  // Next sets NEXT_PHASE in the processes of `next build`: there, the whole
  // editors' check (`npm run content:check`) must pass, once per build process.
  if (process.env.NEXT_PHASE === 'phase-production-build') {
    buildCheck ??= checkContent(contentDir, resolvePublicDir(), new Date());
    const { errors } = await buildCheck;
    if (errors.length > 0) throw new ContentErrorsFound(errors);
  }
  const index = await loader.load();
  if (index.errors.length > 0) {
    const report = index.errors.map(formatContentError).join('\n');
    if (report !== lastLoggedErrors) {
      lastLoggedErrors = report;
      console.error(`[kiosque] fichiers ignorés car invalides :\n${report}`);
    }
  }
  return index;
}

const publicArticles = new PublicArticlesCache();

/** Articles readers may see at `now`, newest first: no draft, nothing scheduled for later. */
export async function getPublishedArticles(now = new Date()): Promise<readonly Article[]> {
  const { articles } = await getSiteContent();
  return publicArticles.get(articles, now);
}

/** The published article with this slug, looked up in the index: a URL never becomes a file path. */
export async function getPublishedArticle(slug: string, now = new Date()): Promise<Article | undefined> {
  const articles = await getPublishedArticles(now);
  return articles.find((article) => article.slug === slug);
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
