// 3c. Standalone replicas behind nginx, sharing Redis.
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startLocalNginx, type RunningNginx } from '../../deploy/nginx/localNginx';
import { freePort, waitForHttp } from '../../lib/cache/testing/processes';
import { startRedis } from '../../lib/cache/testing/redisServer';
import { hasWrk, load, type LoadFigures, medianOfRuns, wrkOnce } from '../load';
import type { Pages } from '../pages';
import { fixed, SectionReport, type SectionResult } from '../report';
import { fetchBytes, spawnGroup, stopGroup } from '../servers';
import { CONNECTIONS } from '../settings';

/** Whether nothing listens on this loopback port. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Two free ports in a row, as `start.mjs --replicas 2 --port P` takes them (P and P+1). */
async function twoFreePorts(): Promise<[number, number]> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const first = await freePort();
    if (await portIsFree(first + 1)) return [first, first + 1];
  }
  throw new Error('no two free ports in a row');
}

/**
 * The reference deployment's parts on this machine (as tests/e2e/replicas/):
 * `npm run start:cluster` on the served build with Redis, and
 * deploy/nginx/nginx.conf in front, in plain HTTP (this measures the cache,
 * not TLS). Beside the shipped server block, the same nginx runs that block
 * with `proxy_cache off` (what two replicas serve through the proxy with no
 * cache), and a plain `root` serving the article's exact bytes from disk: the
 * floor the cached proxy is compared with.
 */
export async function benchReplicas({ env, pages }: { env: Record<string, string>; pages: Pages }): Promise<SectionResult> {
  const report = new SectionReport('3c. Répliques standalone derrière nginx, cache partagé dans Redis');
  const work = await mkdtemp(path.join(os.tmpdir(), 'kiosque-bench-replicas-'));
  // nginx's workers run unprivileged: they must reach the folders below.
  await chmod(work, 0o755);
  const redis = await startRedis();
  const replicaPorts = await twoFreePorts();
  const proxyPorts = { cached: await freePort(), uncached: await freePort(), floor: await freePort() };
  const cluster = spawnGroup(process.execPath, ['scripts/start.mjs', '--replicas', '2', '--port', String(replicaPorts[0])], {
    ...env,
    REDIS_URL: redis.siteUrl,
    CACHE_SIGNING_KEY: 'la clé de signature du cache du bench, assez longue',
  });
  let nginx: RunningNginx | undefined;
  try {
    await Promise.all(replicaPorts.map((port) => waitForHttp(`http://127.0.0.1:${port}/`)));
    const replica = `http://127.0.0.1:${replicaPorts[0]}`;

    const floorDir = path.join(work, 'floor');
    await mkdir(floorDir, { recursive: true });
    await writeFile(path.join(floorDir, 'article.html'), await fetchBytes(`${replica}${pages.article}`));
    nginx = await startLocalNginx({
      workDir: work,
      listenPort: proxyPorts.cached,
      upstreamPorts: replicaPorts,
      extraServers: (site) =>
        site.replace(`listen 127.0.0.1:${proxyPorts.cached};`, `listen 127.0.0.1:${proxyPorts.uncached};`).replace('proxy_cache kiosque;', 'proxy_cache off;') +
        `    server {\n        listen 127.0.0.1:${proxyPorts.floor};\n        root ${floorDir};\n    }\n`,
    });

    const urls: [string, string][] = [
      ['plancher : nginx sert le même fichier du disque', `http://127.0.0.1:${proxyPorts.floor}/article.html`],
      ['article, une réplique seule (standalone)', `${replica}${pages.article}`],
      ['article, 2 répliques derrière nginx, sans cache', `http://127.0.0.1:${proxyPorts.uncached}${pages.article}`],
      ['article, 2 répliques derrière nginx, avec cache', `http://127.0.0.1:${proxyPorts.cached}${pages.article}`],
    ];
    // autocannon reads this page at about 14,000 req/s whoever serves it (wrk reads the same bytes from nginx at 56,000): nginx needs wrk.
    const tool = hasWrk ? 'wrk' : 'autocannon';
    report.row('répliques', 'outil de charge', tool, hasWrk ? `2 fils, ${CONNECTIONS} connexions` : 'wrk absent : plafonné par autocannon');
    const results = new Map<string, LoadFigures>();
    for (const [name, url] of urls) {
      await fetchBytes(url);
      results.set(name, hasWrk ? await medianOfRuns(() => wrkOnce(url)) : await load(url));
    }
    report.figure('replicas', { tool, ...Object.fromEntries(results) });
    const [floorName, oneName, twoName, cachedName] = urls.map(([name]) => name);
    const nginxFloor = results.get(floorName ?? '');
    for (const [name, result] of results) {
      const ratio = nginxFloor ? `× ${fixed(result.rps / nginxFloor.rps, 2)} de nginx sur fichier` : '';
      report.row(
        'répliques',
        name,
        `${fixed(result.rps)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms`,
        `${ratio}${result.errors + result.non2xx > 0 ? `, ${result.errors} erreurs, ${result.non2xx} non-2xx` : ''}`,
      );
    }
    const one = results.get(oneName ?? '');
    const two = results.get(twoName ?? '');
    if (one && two)
      report.row(
        'répliques',
        '2 répliques sans cache / 1 réplique',
        `× ${fixed(two.rps / one.rps, 2)}`,
        `${os.cpus().length} cœurs pour la charge, nginx et les répliques`,
      );
    const cached = results.get(cachedName ?? '');
    if (cached && nginxFloor)
      report.target(
        'article derrière le proxy ≥ 0,5 × nginx servant le même fichier',
        cached.rps >= 0.5 * nginxFloor.rps && cached.errors + cached.non2xx === 0,
        `× ${fixed(cached.rps / nginxFloor.rps, 2)}`,
      );
  } finally {
    await nginx?.stop();
    await stopGroup(cluster);
    await redis.stop();
    await rm(work, { recursive: true, force: true });
  }
  return report.result();
}
