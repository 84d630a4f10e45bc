import { revalidatePath, revalidateTag } from 'next/cache';
import { sharedTagWritesAfter, sharedTagWritesStarted } from '@/lib/cache/sharedCacheState';
import { nextScheduledChange, resolveContentDir, tagsChangedSinceLastRevalidation } from '@/lib/content/siteContent';
import { changedFilesFrom, WATCHER_TOKEN_VARIABLE } from '@/lib/content/liveRevalidation';
import { CACHED_ROUTE_HANDLERS } from '@/lib/routes';
import { bearerToken, secretMatches } from '@/lib/secrets';

/**
 * `POST /api/revalidate` with `Authorization: Bearer <REVALIDATE_SECRET>`: reads
 * the content folder now and revalidates exactly the pages, feeds and sitemaps
 * whose content changed since the last call (lib/content/index/invalidation.ts), by
 * their cache tags; it answers with those tags, which a cache in front purges by
 * (`Cache-Tag`, deploy/nginx/purge-cache.sh). A process that has nothing to
 * compare with yet (it never read the content) revalidates everything, as path
 * patterns. `nextChangeAt` is the next scheduled publication, or null.
 */
export async function POST(request: Request): Promise<Response> {
  const token = bearerToken(request.headers.get('authorization'));
  // The server's own content watcher (instrumentation.ts) holds a token made for this process only.
  if (!secretMatches(token, process.env.REVALIDATE_SECRET) && !secretMatches(token, process.env[WATCHER_TOKEN_VARIABLE])) {
    return Response.json({ revalidated: false, error: 'secret manquant ou invalide' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
  }
  const writesBefore = sharedTagWritesStarted();
  // The watcher names the files it saw change; anything else looks at the whole folder.
  const tags = await tagsChangedSinceLastRevalidation(new Date(), changedFilesFrom(await request.text(), resolveContentDir()));
  let paths: string[] = [];
  if (tags === undefined) {
    revalidatePath('/', 'layout');
    // Route handlers are cached by their own routes; pages go with the root layout.
    for (const route of CACHED_ROUTE_HANDLERS) revalidatePath(route, 'page');
    // What a cache in front should purge, as path patterns: every page (the layout holds them all), and the cached route handlers.
    paths = ['/*', ...CACHED_ROUTE_HANDLERS.map((route) => route.replace(/\[[^\]]+\]/g, '*'))];
  } else {
    // Expired at once (not served stale once more): a cache in front purges them next and must fetch the new version.
    for (const tag of tags) revalidateTag(tag, { expire: 0 });
  }
  // The watcher wakes the site then: a scheduled article appears at its time with no edit.
  const nextChangeAt = (await nextScheduledChange())?.toISOString() ?? null;
  const answer = JSON.stringify({ revalidated: true, at: new Date().toISOString(), tags: tags ?? [], paths, nextChangeAt });
  if (writesBefore === undefined || (tags !== undefined && tags.length === 0)) return new Response(answer, { headers: { 'Content-Type': 'application/json' } });
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
