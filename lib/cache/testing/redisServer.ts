import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, stopProcess, waitForPort } from './processes';

/** The deployment's script and users (compose.yaml), run as shipped. */
export const REDIS_START_SCRIPT = 'deploy/redis/start-redis.sh';
export const REDIS_USERS = 'deploy/redis/users.acl';

/** The tests' passwords: the site's user and the operator's (every right, the tests' own access). */
export const TEST_REDIS_PASSWORD = 'mot-de-passe-redis-des-tests-du-kiosque';
export const TEST_REDIS_ADMIN_PASSWORD = 'mot-de-passe-admin-redis-des-tests-du-kiosque';

/**
 * A real `redis-server` (Debian's package) on a free loopback port, with
 * nothing saved to disk, started as compose.yaml starts it: through
 * deploy/redis/start-redis.sh with the users of deploy/redis/users.acl
 * (no default user, the site's `kiosque` user limited to its keys and commands).
 */
export interface TestRedis {
  /** As the operator's `admin` user: every command, every key (what whoever reaches Redis with full rights could do). */
  url: string;
  /** As the site's `kiosque` user: what the replicas get as REDIS_URL. */
  siteUrl: string;
  /** No user, no password: the default user, which the deployment turns off. */
  anonymousUrl: string;
  port: number;
  stop(): Promise<void>;
  /** Starts it again on the same port, empty, as after a crash. */
  restart(): Promise<void>;
}

export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  // The ACL file the script writes (hashes only) lives beside nothing else.
  const aclDir = await mkdtemp(path.join(tmpdir(), 'kiosque-redis-'));
  let child = await launch(port, aclDir);
  return {
    url: `redis://admin:${TEST_REDIS_ADMIN_PASSWORD}@127.0.0.1:${port}`,
    siteUrl: `redis://kiosque:${TEST_REDIS_PASSWORD}@127.0.0.1:${port}`,
    anonymousUrl: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      await stopProcess(child);
      await rm(aclDir, { recursive: true, force: true });
    },
    async restart() {
      await stopProcess(child);
      child = await launch(port, aclDir);
    },
  };
}

async function launch(port: number, aclDir: string): Promise<ChildProcess> {
  const child = spawn('sh', [REDIS_START_SCRIPT, '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    env: {
      ...process.env,
      REDIS_PASSWORD: TEST_REDIS_PASSWORD,
      REDIS_ADMIN_PASSWORD: TEST_REDIS_ADMIN_PASSWORD,
      REDIS_ACL_RULES: REDIS_USERS,
      REDIS_ACL_FILE: path.join(aclDir, 'users.acl'),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const errors: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => errors.push(chunk.toString()));
  let exited: ((code: number | null) => void) | undefined;
  const failed = new Promise<never>((_, reject) => {
    exited = (code) => reject(new Error(`redis-server ne démarre pas (code ${code}) : ${errors.join('').trim() || 'apt-get install -y redis-server'}`));
    child.once('exit', exited);
  });
  try {
    await Promise.race([failed, waitForPort(port, 5_000, () => errors.join(''))]);
  } finally {
    // Once it listens, stopping it is no failure.
    if (exited) child.off('exit', exited);
    failed.catch(() => {});
  }
  return child;
}
