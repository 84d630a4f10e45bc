import { spawn, type ChildProcess } from 'node:child_process';
import { freePort, stopProcess, waitForPort } from './processes';

/** A real `redis-server` (Debian's package) on a free loopback port, with nothing saved to disk. */
export interface TestRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Starts it again on the same port, empty, as after a crash. */
  restart(): Promise<void>;
}

export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  let child = await launch(port);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      await stopProcess(child);
    },
    async restart() {
      await stopProcess(child);
      child = await launch(port);
    },
  };
}

async function launch(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const failed = new Promise<never>((_, reject) =>
    child.once('error', (error) => reject(new Error(`redis-server ne démarre pas (${error.message}) : apt-get install -y redis-server`))),
  );
  await Promise.race([failed, waitForPort(port)]);
  return child;
}
