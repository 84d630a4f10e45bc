// `npm start` and `npm run start:cluster -- --replicas N`: serves the standalone
// build (`next build` with `output: 'standalone'`) as N identical replicas on
// consecutive ports, each from its own copy of the build, as on N machines.
//
//   node scripts/start.mjs [--replicas N] [--port P] [--hostname H]
//
// Every replica reads the same content folder (CONTENT_DIR, absolute), gets the
// same environment (REVALIDATE_SECRET, REDIS_URL…), and is restarted if it dies.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, parseEnv } from 'node:util';
import { requireSupportedNode } from './supportedNode.mjs';

requireSupportedNode();

const { values } = parseArgs({
  options: {
    replicas: { type: 'string', default: '1' },
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    hostname: { type: 'string', default: '127.0.0.1' },
  },
});
const replicas = Number(values.replicas);
const firstPort = Number(values.port);
if (!Number.isInteger(replicas) || replicas < 1 || replicas > 16) fail(`--replicas ${values.replicas} : un entier de 1 à 16`);
if (!Number.isInteger(firstPort) || firstPort < 1 || firstPort + replicas - 1 > 65_535) fail(`--port ${values.port} : un port TCP`);

const distDir = process.env.NEXT_DIST_DIR ?? '.next';
const standalone = path.resolve(distDir, 'standalone');
if (!existsSync(path.join(standalone, 'server.js'))) fail(`${standalone}/server.js est introuvable : lancez d'abord « npm run build »`);

// What Next leaves out of the standalone folder on purpose (a CDN may serve them): the hashed assets and public/
// (the site's own logo and icons; photos are content, read from CONTENT_DIR).
cpSync(path.resolve(distDir, 'static'), path.join(standalone, distDir, 'static'), { recursive: true });
cpSync(path.resolve('public'), path.join(standalone, 'public'), { recursive: true });
// The parsed-content cache the build filled: replicas start without parsing every article again.
const contentCache = path.resolve(distDir, 'cache', 'kiosque-content');
if (existsSync(contentCache)) cpSync(contentCache, path.join(standalone, distDir, 'cache', 'kiosque-content'), { recursive: true });
// The photo variants the build made (feeds' enclosures): replicas start with them.
const photoCache = path.resolve(distDir, 'cache', 'kiosque-photos');
if (existsSync(photoCache)) cpSync(photoCache, path.join(standalone, distDir, 'cache', 'kiosque-photos'), { recursive: true });
// The search index the build filled: each replica updates its own copy (SQLite files cannot be shared between machines).
const searchCache = path.resolve(distDir, 'cache', 'kiosque-search');
if (existsSync(searchCache)) cpSync(searchCache, path.join(standalone, distDir, 'cache', 'kiosque-search'), { recursive: true });

// The checkout's `.env` files, read here at run time rather than shipped in the build
// (scripts/pruneStandalone.mjs); the environment wins over them, as with Next's own loading.
/** @type {NodeJS.Dict<string>} */
const fromEnvFiles = Object.assign({}, ...['.env', '.env.production'].map((file) => (existsSync(file) ? parseEnv(readFileSync(file, 'utf8')) : {})));

/** @type {NodeJS.ProcessEnv} */
const environment = {
  ...fromEnvFiles,
  ...process.env,
  NODE_ENV: 'production',
  // The standalone server runs from its own folder: the content is named by an absolute path.
  CONTENT_DIR: path.resolve(process.env.CONTENT_DIR ?? 'content'),
  NEXT_DIST_DIR: distDir,
};

/**
 * One folder per replica: each has its own file cache, as on its own machine.
 * @param {number} index the replica's, from 0
 */
function replicaFolder(index) {
  if (replicas === 1) return standalone;
  const folder = path.resolve(distDir, 'replicas', String(index + 1));
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(path.dirname(folder), { recursive: true });
  cpSync(standalone, folder, { recursive: true, verbatimSymlinks: true });
  return folder;
}

let stopping = false;
/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set();

/** A replica that keeps dying waits longer each time (1 s, 2 s… up to 30 s); a minute up resets the wait. */
const RESTART_DELAYS_MS = { first: 1_000, max: 30_000, healthyAfter: 60_000 };

/**
 * @param {number} index the replica's, from 0: its port is firstPort + index
 * @param {string} folder its copy of the standalone build
 * @param {number} [restartDelay] how long to wait before restarting it if it dies
 */
function startReplica(index, folder, restartDelay = RESTART_DELAYS_MS.first) {
  const port = firstPort + index;
  const name = `réplique ${index + 1}`;
  const startedAt = Date.now();
  const child = spawn(process.execPath, ['server.js'], {
    cwd: folder,
    env: { ...environment, PORT: String(port), HOSTNAME: values.hostname, KIOSQUE_REPLICA: String(index + 1) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const prefix = replicas === 1 ? '' : `[${name}] `;
  /** @type {[import('node:stream').Readable, NodeJS.WriteStream][]} */
  const outputs = [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ];
  for (const [stream, out] of outputs) {
    let rest = '';
    stream.on('data', (chunk) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) out.write(`${prefix}${line}\n`);
    });
    stream.on('end', () => rest && out.write(`${prefix}${rest}\n`));
  }
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (stopping) return;
    const delay = Date.now() - startedAt > RESTART_DELAYS_MS.healthyAfter ? RESTART_DELAYS_MS.first : restartDelay;
    console.error(`[kiosque] ${name} (port ${port}) arrêtée (${signal ?? `code ${code}`}) : redémarrage dans ${delay / 1_000} s`);
    setTimeout(() => {
      if (!stopping) startReplica(index, folder, Math.min(delay * 2, RESTART_DELAYS_MS.max));
    }, delay);
  });
  console.log(`[kiosque] ${name} : http://${values.hostname}:${port}`);
}

for (let index = 0; index < replicas; index++) startReplica(index, replicaFolder(index));

/**
 * Each server finishes its requests on SIGTERM; one still there after 10 s is killed.
 * @param {NodeJS.Signals} signal passed on to the replicas
 */
function stop(signal) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill(signal);
  const killer = setTimeout(() => {
    for (const child of children) child.kill('SIGKILL');
  }, 10_000);
  const waitForAll = setInterval(() => {
    if (children.size > 0) return;
    clearInterval(waitForAll);
    clearTimeout(killer);
    process.exit(0);
  }, 50);
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  console.error(`[kiosque] ${message}`);
  process.exit(2);
}
