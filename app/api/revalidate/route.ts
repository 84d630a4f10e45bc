import { revalidatePath } from 'next/cache';
import { sharedTagWritesAfter, sharedTagWritesStarted } from '@/lib/cache/sharedCacheState';
import { forgetLastContentCheck } from '@/lib/content/siteContent';
import { bearerToken, secretMatches } from '@/lib/secrets';

/** Route handlers are cached by their own paths; pages go with the root layout. */
const CRAWLER_ROUTES = [
  '/rss.xml',
  '/atom.xml',
  '/feed.json',
  '/sitemap.xml',
  '/news-sitemap.xml',
  '/sitemaps/[file]',
  '/rubrique/[slug]/rss.xml',
  '/rubrique/[slug]/atom.xml',
  '/rubrique/[slug]/feed.json',
  '/auteur/[slug]/rss.xml',
  '/auteur/[slug]/atom.xml',
  '/auteur/[slug]/feed.json',
  '/og/article/[file]',
  '/article/[slug]/image/[file]',
];

/**
 * `POST /api/revalidate` with `Authorization: Bearer <REVALIDATE_SECRET>`: every
 * page, feed and sitemap is rebuilt from the content folder on its next request,
 * instead of within the 30 s of time-based revalidation.
 */
export function POST(request: Request): Response {
  if (!secretMatches(bearerToken(request.headers.get('authorization')), process.env.REVALIDATE_SECRET)) {
    return Response.json({ revalidated: false, error: 'secret manquant ou invalide' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
  }
  forgetLastContentCheck();
  const writesBefore = sharedTagWritesStarted();
  revalidatePath('/', 'layout');
  for (const route of CRAWLER_ROUTES) revalidatePath(route, 'page');
  // What a cache in front should purge, as path patterns: every page (the layout holds them all), and the crawler files.
  const paths = ['/*', ...CRAWLER_ROUTES.map((route) => route.replace(/\[[^\]]+\]/g, '*'))];
  const answer = JSON.stringify({ revalidated: true, at: new Date().toISOString(), paths });
  if (writesBefore === undefined) return new Response(answer, { headers: { 'Content-Type': 'application/json' } });
  // Next carries out the revalidations once this function has returned: the answer
  // waits until they are in the shared cache, so a purge that follows it is safe.
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      await sharedTagWritesAfter(writesBefore);
      controller.enqueue(new TextEncoder().encode(answer));
      controller.close();
    },
  });
  return new Response(body, { headers: { 'Content-Type': 'application/json' } });
}
