/**
 * The revalidations a request asks for are carried out by Next after its route
 * handler has returned, and reach Redis a moment later (lib/cache/siteCache.mjs
 * counts them on `globalThis`). The revalidate API waits for them before it
 * answers, so a purge of the proxy that follows its answer cannot let a replica
 * render the old page again.
 */
interface TagWrites {
  started: number;
  inFlight: Set<Promise<void>>;
}

function tagWrites(): TagWrites | undefined {
  const shared = (globalThis as { [key: symbol]: { store?: unknown; tagWrites?: TagWrites } | undefined })[Symbol.for('kiosque.sharedCache')];
  return shared?.store ? shared.tagWrites : undefined;
}

/** How many revalidations this process has sent to the shared cache so far; undefined without one. */
export function sharedTagWritesStarted(): number | undefined {
  return tagWrites()?.started;
}

/** Resolves once a revalidation started after `started` has been written (or given up on), or after `timeoutMs`. */
export async function sharedTagWritesAfter(started: number, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const writes = tagWrites();
  if (!writes) return;
  while (writes.started <= started && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 1));
  const remaining = deadline - Date.now();
  if (remaining <= 0) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.all(writes.inFlight), new Promise((resolve) => (timer = setTimeout(resolve, remaining)))]);
  clearTimeout(timer);
}
