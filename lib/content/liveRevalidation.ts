import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { ContentWatcher } from './reading/contentWatcher';

/** A burst larger than this (a whole folder copied in) is looked at whole. */
export const MAX_CHANGED_FILES = 1_000;

/** Where the server's own token for its revalidate API lives: the process's environment, read by app/api/revalidate. */
export const WATCHER_TOKEN_VARIABLE = 'KIOSQUE_WATCHER_TOKEN';

interface RevalidateAnswer {
  tags: string[];
  paths: string[];
  nextChangeAt: string | null;
}

/**
 * Keeps a running server's pages in step with its content folder: on any
 * change there, and at each scheduled publication, it calls its own
 * `POST /api/revalidate` (revalidateTag only works inside a request), which
 * revalidates exactly what changed. `CONTENT_WATCH=poll` stats files every
 * 5 s instead of kernel events (network mounts); `off` leaves revalidation to
 * callers of the API. A first call when the server is up learns the next
 * scheduled publication and revalidates what changed since the build.
 */
export function startLiveRevalidation(contentDir: string, environment: NodeJS.ProcessEnv = process.env): ContentWatcher | undefined {
  const setting = environment.CONTENT_WATCH ?? 'events';
  if (setting === 'off') return undefined;
  const token = randomBytes(32).toString('base64url');
  environment[WATCHER_TOKEN_VARIABLE] = token;
  const log = (message: string) => console.error(`[kiosque] ${message}`);
  const check = async (changed?: readonly string[]) => {
    const answer = await revalidate(ownOrigin(environment), token, changed);
    watcher.wakeAt(answer.nextChangeAt ? new Date(answer.nextChangeAt) : undefined);
    const revalidated = [...answer.paths, ...answer.tags];
    if (revalidated.length > 0) console.log(`[kiosque] contenu modifié, revalidé : ${revalidated.join(' ')}`);
  };
  const watcher = new ContentWatcher(contentDir, { mode: setting === 'poll' ? 'poll' : 'events', log, onChange: check });
  void watcher.start().then(
    () => firstCall(() => check(), log),
    (error: unknown) => log(`surveillance du contenu impossible : ${error instanceof Error ? error.message : String(error)}`),
  );
  return watcher;
}

/**
 * The files a revalidation request names (`{"changed": [absolute paths]}`),
 * when every one is inside the content folder and there are at most
 * MAX_CHANGED_FILES; undefined otherwise, and the whole folder is looked at.
 */
export function changedFilesFrom(body: string, contentDir: string): string[] | undefined {
  if (body.trim() === '') return undefined;
  let changed: unknown;
  try {
    changed = (JSON.parse(body) as { changed?: unknown }).changed;
  } catch {
    return undefined;
  }
  if (!Array.isArray(changed) || changed.length === 0 || changed.length > MAX_CHANGED_FILES) return undefined;
  const inside = changed.every((file): file is string => typeof file === 'string' && path.isAbsolute(file) && path.resolve(file) === file && file.startsWith(`${contentDir}${path.sep}`));
  return inside ? changed : undefined;
}

/** The server listens a moment after instrumentation runs: the first call waits for it (a minute at most). */
async function firstCall(check: () => Promise<void>, log: (message: string) => void): Promise<void> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 120; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 500).unref());
    try {
      return await check();
    } catch (error) {
      lastError = error; // not listening yet
    }
  }
  log(`première revalidation impossible : ${lastError instanceof Error ? lastError.message : String(lastError)}`);
}

/** The server itself, over loopback: Next sets PORT once it listens; a server bound to one address is reached there. */
function ownOrigin(environment: NodeJS.ProcessEnv): string {
  const host = environment.HOSTNAME;
  const loopback = !host || host === '0.0.0.0' || host === '::' || host === 'localhost' ? '127.0.0.1' : host;
  return `http://${loopback.includes(':') ? `[${loopback}]` : loopback}:${environment.PORT ?? '3000'}`;
}

/** `changed`: the files the watcher saw change, so the server looks at those only (at most a thousand; more, or none known: a full look). */
async function revalidate(origin: string, token: string, changed?: readonly string[]): Promise<RevalidateAnswer> {
  const body = changed && changed.length <= MAX_CHANGED_FILES ? JSON.stringify({ changed }) : undefined;
  const response = await fetch(new URL('/api/revalidate', origin), {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    ...(body ? { body } : {}),
    signal: AbortSignal.timeout(60_000),
  });
  if (!response.ok) throw new Error(`${origin}/api/revalidate a répondu ${response.status}`);
  return (await response.json()) as RevalidateAnswer;
}
