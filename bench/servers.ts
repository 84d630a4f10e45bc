// The processes the bench starts: commands run to their end, and production
// servers of a build, each in a process group of its own so that stopping it
// stops Next's workers too.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { stopProcess, waitForHttp } from '../lib/cache/testing/processes';

export interface CommandResult {
  ok: boolean;
  stdout: string;
  stderr: string;
  ms: number;
}

/** A command run to its end, timed; what it printed is shown when it fails. */
export function run(command: string, args: string[], env: Record<string, string> = {}): CommandResult {
  const start = performance.now();
  const result = spawnSync(command, args, { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) console.error(result.stdout, result.stderr);
  return { ok: result.status === 0, stdout: result.stdout, stderr: result.stderr, ms: performance.now() - start };
}

/** The last line a measuring script printed, which is its figures as JSON. */
export function lastJsonLine<T>(result: CommandResult): T {
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as T;
}

export async function folderBytes(folder: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/**
 * A GET read to the end, retried: Node's fetch may reuse a keep-alive socket the
 * server has just closed ("other side closed"), which says nothing about the page.
 */
export async function fetchBytes(url: string, headers: Record<string, string> = {}): Promise<Buffer> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return Buffer.from(await (await fetch(url, { headers })).arrayBuffer());
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

export interface RunningServer {
  base: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** A process started in a group of its own, stopped with every process of that group. */
export function spawnGroup(command: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(command, args, { env: { ...process.env, ...env }, detached: true, stdio: 'ignore' });
}

export const stopGroup = (child: ChildProcess) => stopProcess(child, 'SIGTERM', { group: true });

/** `next start` on a build, on loopback at `port`, once it answers its front page. */
export async function startNext(port: number, env: Record<string, string>): Promise<RunningServer> {
  const child = spawnGroup('npx', ['next', 'start', '--hostname', '127.0.0.1', '--port', String(port)], env);
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${base}/`);
  } catch (error) {
    await stopGroup(child);
    throw error;
  }
  return { base, child, stop: () => stopGroup(child) };
}
