import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmod, cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startLocalNginx } from '../../../deploy/nginx/localNginx';
import { stopProcess, waitForHttp } from '../../../lib/cache/testing/processes';
import { startRedis, type TestRedis } from '../../../lib/cache/testing/redisServer';
import servers from '../servers.json' with { type: 'json' };

/**
 * The reference deployment (compose.yaml) started from its parts on loopback:
 * Redis with the deployment's users (deploy/redis/), two standalone replicas of
 * the corpus build (`npm run start:cluster`) on one temporary content folder,
 * connected as the site's Redis user, and nginx with deploy/nginx/nginx.conf,
 * on HTTPS with a certificate of deploy/nginx/make-local-certificate.sh, and
 * HTTP redirecting to it.
 */
export const STACK = {
  /** The site, through nginx: https://localhost:<this> (the certificate is for localhost and 127.0.0.1). */
  proxyPort: 3220,
  /** nginx's HTTP port: a 301 to the same path on proxyPort. */
  httpPort: 3223,
  /** The name to ask nginx for: one of its `server_name`s, and the certificate's. */
  hostname: 'localhost',
  replicaPorts: [3221, 3222] as const,
  secret: 'secret-de-test-repliques',
  draftSecret: 'secret-de-test-apercu-repliques',
  /** Signs the replicas' entries in Redis (CACHE_SIGNING_KEY). */
  signingKey: 'la clé de signature du cache des tests de répliques',
} as const;

const PURGE_SCRIPT = 'deploy/nginx/purge-cache.sh';

/**
 * What a client of the proxy needs, such as Mozilla's HTTP Observatory scanner
 * run against it: `https://${hostname}:${httpsPort}/`, trusting `caFile`
 * (NODE_EXTRA_CA_CERTS, curl --cacert), whose HTTP side `http://${hostname}:${httpPort}/`
 * redirects there.
 */
export interface ProxyTls {
  hostname: string;
  httpsPort: number;
  httpPort: number;
  /** The authority that signed the proxy's certificate (PEM). */
  caFile: string;
  /** The proxy's certificate (PEM), for a client that pins it rather than trust the authority. */
  certificateFile: string;
  /** caFile's contents, for Node's https/tls `ca` option. */
  ca: Buffer;
}

export interface ReplicaStack {
  contentDir: string;
  articlesDir: string;
  /** https://localhost:<proxyPort> */
  proxyUrl: string;
  /** http://localhost:<httpPort>: redirects to proxyUrl. */
  proxyHttpUrl: string;
  tls: ProxyTls;
  replicaUrls: readonly string[];
  /** What the replicas printed, line by line. */
  replicaLogs: string[];
  redis: TestRedis;
  stopReplicas(): Promise<void>;
  /** `npm run revalidate` on one replica, its patterns piped into deploy/nginx/purge-cache.sh, as README "Deployment" says. */
  revalidateAndPurge(replicaUrl: string): string;
  /** deploy/nginx/purge-cache.sh on the proxy's cache with these paths and tags. */
  purge(patterns: readonly string[]): string;
  stop(): Promise<void>;
}

export async function startReplicaStack(): Promise<ReplicaStack> {
  const work = await mkdtemp(path.join(tmpdir(), 'kiosque-replicas-'));
  // nginx's workers run as an unprivileged user: they must reach their cache under this folder.
  await chmod(work, 0o755);
  const contentDir = path.join(work, 'content');
  await cp(servers.corpus.contentDir, contentDir, { recursive: true });

  const redis = await startRedis();
  const tlsDir = path.join(work, 'tls');
  execFileSync('deploy/nginx/make-local-certificate.sh', [tlsDir]);
  const replicaLogs: string[] = [];
  const replicas = spawn(process.execPath, ['scripts/start.mjs', '--replicas', '2', '--port', String(STACK.replicaPorts[0])], {
    env: {
      ...process.env,
      NEXT_DIST_DIR: servers.corpus.distDir,
      CONTENT_DIR: contentDir,
      // The deployment's `kiosque` user: its keys and the cache's commands only (deploy/redis/users.acl).
      REDIS_URL: redis.siteUrl,
      CACHE_SIGNING_KEY: STACK.signingKey,
      REVALIDATE_SECRET: STACK.secret,
      DRAFT_SECRET: STACK.draftSecret,
      // These tests revalidate through the API, as a publishing hook does, and purge what it lists: no watcher to answer first.
      CONTENT_WATCH: 'off',
      // The corpus build was made for the corpus server's address.
      SITE_URL: `http://127.0.0.1:${servers.corpus.port}`,
      TZ: 'America/New_York',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [replicas.stdout, replicas.stderr])
    stream.on('data', (chunk: Buffer) => replicaLogs.push(...chunk.toString().split('\n').filter(Boolean)));
  const replicaUrls = STACK.replicaPorts.map((port) => `http://127.0.0.1:${port}`);
  await Promise.all(replicaUrls.map((url) => waitForHttp(`${url}/`)));

  const tls: ProxyTls = {
    hostname: STACK.hostname,
    httpsPort: STACK.proxyPort,
    httpPort: STACK.httpPort,
    caFile: path.join(tlsDir, 'ca.pem'),
    certificateFile: path.join(tlsDir, 'fullchain.pem'),
    ca: await readFile(path.join(tlsDir, 'ca.pem')),
  };
  const nginx = await startLocalNginx({
    workDir: work,
    listenPort: STACK.httpPort,
    upstreamPorts: STACK.replicaPorts,
    tls: { port: STACK.proxyPort, certificate: tls.certificateFile, key: path.join(tlsDir, 'privkey.pem') },
  });
  const proxyUrl = `https://${STACK.hostname}:${STACK.proxyPort}`;

  return {
    contentDir,
    articlesDir: path.join(contentDir, 'articles'),
    proxyUrl,
    proxyHttpUrl: `http://${STACK.hostname}:${STACK.httpPort}`,
    tls,
    replicaUrls,
    replicaLogs,
    redis,
    stopReplicas: () => stopProcess(replicas, 'SIGTERM'),
    revalidateAndPurge(replicaUrl) {
      const result = spawnSync('sh', ['-c', `node scripts/revalidate.mjs "$1" | ${PURGE_SCRIPT} "$2"`, 'sh', replicaUrl, nginx.cacheDir], {
        encoding: 'utf8',
        env: { ...process.env, REVALIDATE_SECRET: STACK.secret },
      });
      if (result.status !== 0) throw new Error(`revalidate | purge-cache.sh failed: ${result.stderr}`);
      return result.stdout;
    },
    purge(patterns) {
      const result = spawnSync(PURGE_SCRIPT, [nginx.cacheDir, ...patterns], { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`purge-cache.sh failed: ${result.stderr}`);
      return result.stdout;
    },
    async stop() {
      await Promise.all([stopProcess(replicas, 'SIGTERM'), nginx.stop(), redis.stop()]);
      await rm(work, { recursive: true, force: true });
    },
  };
}
