/**
 * Runs once when a Next server starts (Next's instrumentation hook): in a
 * production server, the content watcher (lib/content/liveRevalidation.ts),
 * so an edit in the content folder is live within seconds with no call.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NODE_ENV !== 'production') return;
  // Build workers load this too: only a serving process watches.
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const [{ startLiveRevalidation }, { resolveContentDir }] = await Promise.all([import('./lib/content/liveRevalidation'), import('./lib/content/siteContent')]);
  startLiveRevalidation(resolveContentDir());
}
