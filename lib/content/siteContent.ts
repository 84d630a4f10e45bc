import path from 'node:path';
import type { Article } from './article';
import { ContentErrorsFound, formatContentError } from './contentError';
import { ContentLoader, type ContentIndex } from './contentIndex';
import { resolvePublicDir } from './publicImages';

/** `content/` unless `CONTENT_DIR` points elsewhere (tests and benchmarks use fixture corpora). */
export function resolveContentDir(): string {
  // Content is read at run time (editors publish without a rebuild), so it is not traced into the bundle.
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), process.env.CONTENT_DIR ?? 'content');
}

let loader: ContentLoader | undefined;
let lastLoggedErrors = '';

/**
 * The site's content, loaded once per process and refreshed per changed file.
 * During `next build` any content error stops the build with every error listed;
 * a running server logs bad files and keeps serving every other page.
 */
export async function getSiteContent(): Promise<ContentIndex> {
  const contentDir = resolveContentDir();
  if (loader?.contentDir !== contentDir) loader = new ContentLoader(contentDir, resolvePublicDir());
  const index = await loader.load();
  if (index.errors.length > 0) {
    // Next sets NEXT_PHASE in the processes of `next build`.
    if (process.env.NEXT_PHASE === 'phase-production-build') throw new ContentErrorsFound(index.errors);
    const report = index.errors.map(formatContentError).join('\n');
    if (report !== lastLoggedErrors) {
      lastLoggedErrors = report;
      console.error(`[kiosque] fichiers ignorés car invalides :\n${report}`);
    }
  }
  return index;
}

/** Articles readers may see, newest first. */
export async function getPublishedArticles(): Promise<readonly Article[]> {
  const { articles } = await getSiteContent();
  return articles.filter((article) => !article.draft);
}

/** The published article with this slug, looked up in the index: a URL never becomes a file path. */
export async function getPublishedArticle(slug: string): Promise<Article | undefined> {
  const articles = await getPublishedArticles();
  return articles.find((article) => article.slug === slug);
}
