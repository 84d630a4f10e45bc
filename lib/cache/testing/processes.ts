import type { ChildProcess } from 'node:child_process';
import { createConnection, createServer } from 'node:net';

/** Polls `condition` every 20 ms until it holds; throws after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Sends `signal` and waits for the process to exit (at once if it already has).
 * `group`: for a child spawned `detached`, the signal goes to its whole process
 * group (npx, next and its workers), and the wait lasts until every process of
 * the group is gone, SIGKILL after `graceMs`: a server still closing would
 * answer on keep-alive sockets, then drop them in the middle of the next measure.
 */
export async function stopProcess(
  child: ChildProcess,
  signal: NodeJS.Signals = 'SIGKILL',
  { group = false, graceMs = 15_000 }: { group?: boolean; graceMs?: number } = {},
): Promise<void> {
  if (group) return stopGroup(child, signal, graceMs);
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  await exited;
}

async function stopGroup(child: ChildProcess, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  const { pid } = child;
  if (pid === undefined) return;
  const signalGroup = (sent: NodeJS.Signals | 0) => {
    try {
      process.kill(-pid, sent);
      return true;
    } catch {
      return false; // no process left in the group
    }
  };
  if (!signalGroup(signal)) return;
  for (const deadline = Date.now() + graceMs; signalGroup(0) && Date.now() < deadline;) await new Promise((resolve) => setTimeout(resolve, 100));
  signalGroup('SIGKILL');
}

/** A loopback port nothing listens on, as the system hands it out. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Resolves once something accepts TCP connections on the loopback port. */
export async function waitForPort(port: number, timeoutMs = 5_000, diagnostics?: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port, host: '127.0.0.1' }, () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nothing listened on port ${port} within ${timeoutMs} ms ${diagnostics?.() ?? ''}`);
}

/** Resolves once `url` answers 2xx (its body read, so the socket is released). */
export async function waitForHttp(url: string, timeoutMs = 60_000, diagnostics?: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms ${diagnostics?.() ?? ''}`);
}
