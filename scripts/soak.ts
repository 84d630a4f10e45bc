// `npm run soak [-- --quick]`: a traffic spike on a breaking story, bounded in
// time. 100 connections hit a mix of article, front, listing, search and feed
// URLs on the fixture corpus's production build (`next start` on 127.0.0.1),
// after a warm-up with the same mix, in two equal rounds. It checks that no
// request fails, that no answer is a 4xx or 5xx, and that the server's memory
// after the second round is within 20 % of its memory after the first: a leak
// grows with every round, while Node 24's heap, which keeps growing its young
// generation for a while under load (+25 % over the first 10 s after the
// warm-up, measured), settles. The full form runs two rounds of 30 s after 20 s
// of warm-up; `--quick` (what `npm test` runs) two of 5 s after 15 s.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { z } from 'zod';
import servers from '../tests/e2e/servers.json' with { type: 'json' };

const quick = process.argv.includes('--quick');
const CONNECTIONS = 100;
// Long enough in both forms for the caches and the heap to reach their working size.
const WARM_UP_SECONDS = quick ? 15 : 20;
const SOAK_SECONDS = quick ? 5 : 30;
const PORT = 3213;
const BASE = `http://127.0.0.1:${PORT}`;
/** Allowed growth of the server's resident memory from after the warm-up to after the run. */
const MAX_RSS_GROWTH = 0.2;

const summarySchema = z.object({
  articles: z.array(z.object({ slug: z.string(), category: z.string(), tags: z.array(z.string()), author: z.string() })),
  categories: z.record(z.string(), z.object({ name: z.string() })),
  tags: z.record(z.string(), z.object({ name: z.string() })),
});

/** The request mix: every kind of page a reader or a crawler asks for during a spike. */
function requestMix(): string[] {
  const summary = summarySchema.parse(JSON.parse(readFileSync(path.join(servers.corpus.contentDir, 'summary.json'), 'utf8')));
  const articles = summary.articles.filter((_, index) => index % 5 === 0).map((article) => `/article/${article.slug}`);
  const sections = Object.keys(summary.categories).map((slug) => `/rubrique/${slug}`);
  const tags = Object.keys(summary.tags)
    .slice(0, 6)
    .map((slug) => `/tag/${slug}`);
  const authors = [...new Set(summary.articles.map((article) => article.author))].map((slug) => `/auteur/${slug}`);
  const searches = ['ia', 'zéphyr', 'réforme des retraites', 'cinéma', 'xyzzy'].map((query) => `/recherche?q=${encodeURIComponent(query)}`);
  const crawlers = ['/rss.xml', '/atom.xml', '/feed.json', '/sitemap.xml', '/news-sitemap.xml', `/rubrique/${sections[0]?.split('/').pop() ?? ''}/rss.xml`];
  // Articles and the front page weigh most, as in real traffic.
  return ['/', ...articles, '/', ...sections, '/', ...tags, ...authors, '/page/2', ...searches, ...crawlers, ...articles];
}

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
function treeRss(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const pending = [rootPid];
  while (pending.length > 0) {
    const pid = pending.pop() as number;
    try {
      const kilobytes = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      total += Number(kilobytes ?? 0) * 1024;
    } catch {
      // Gone: nothing to count.
    }
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}

async function waitForServer(): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${BASE}/`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not answer on ${BASE} within 60 s`);
}

async function load(paths: string[], seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url: BASE,
    connections: CONNECTIONS,
    duration: seconds,
    requests: paths.map((urlPath) => ({ method: 'GET' as const, path: urlPath })),
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The server's memory once the load stops: the median of five readings over two seconds, as the garbage collector moves it. */
async function settledRss(pid: number): Promise<number> {
  const readings: number[] = [];
  for (let reading = 0; reading < 5; reading += 1) {
    await pause(400);
    readings.push(treeRss(pid));
  }
  return readings.sort((a, b) => a - b)[2] as number;
}
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main(): Promise<number> {
  const paths = requestMix();
  console.log(
    `Soak: ${CONNECTIONS} connexions, ${paths.length} adresses en boucle, ${WARM_UP_SECONDS} s de mise en route puis deux manches de ${SOAK_SECONDS} s.`,
  );
  const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '--hostname', '127.0.0.1', '--port', String(PORT)], {
    env: { ...process.env, NEXT_DIST_DIR: servers.corpus.distDir, CONTENT_DIR: servers.corpus.contentDir, SITE_URL: `http://127.0.0.1:${servers.corpus.port}` },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let serverErrors = '';
  server.stderr.on('data', (chunk: Buffer) => (serverErrors += chunk.toString()));
  try {
    await waitForServer();
    await load(paths, WARM_UP_SECONDS);
    const rssWarm = await settledRss(server.pid as number);
    const first = await load(paths, SOAK_SECONDS);
    const rssFirst = await settledRss(server.pid as number);
    const result = await load(paths, SOAK_SECONDS);
    const rssAfter = await settledRss(server.pid as number);
    const failedAnswers = first['4xx'] + first['5xx'] + result['4xx'] + result['5xx'];
    const growth = rssAfter / rssFirst - 1;
    const checks = [
      {
        name: 'aucune requête en échec (erreur réseau ou délai dépassé)',
        pass: first.errors + first.timeouts + result.errors + result.timeouts === 0,
        measured: `${first.errors + result.errors} erreurs, ${first.timeouts + result.timeouts} délais (1re manche : ${first.errors} et ${first.timeouts})`,
      },
      {
        name: 'aucune réponse 4xx ou 5xx',
        pass: failedAnswers === 0,
        measured: `${first['2xx'] + result['2xx']} 2xx, ${first['3xx'] + result['3xx']} 3xx, ${first['4xx'] + result['4xx']} 4xx, ${first['5xx'] + result['5xx']} 5xx`,
      },
      {
        name: `mémoire du serveur après la 2e manche ≤ ${(1 + MAX_RSS_GROWTH).toFixed(1)} × après la 1re`,
        pass: growth <= MAX_RSS_GROWTH,
        measured: `${megabytes(rssWarm)} après la mise en route, ${megabytes(rssFirst)} → ${megabytes(rssAfter)} (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} %)`,
      },
      { name: 'le serveur tourne toujours', pass: server.exitCode === null, measured: server.exitCode === null ? 'oui' : `arrêté (code ${server.exitCode})` },
    ];
    console.log(
      `  ${first.requests.total + result.requests.total} requêtes ; 2e manche : ${result.requests.average.toFixed(0)} req/s en moyenne, latence p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
    );
    for (const check of checks) console.log(`${check.pass ? 'PASS' : 'FAIL'}  ${check.name} : ${check.measured}`);
    if (/\b(500|Error)\b/.test(serverErrors)) console.log(`Journal du serveur :\n${serverErrors.slice(0, 4_000)}`);
    mkdirSync('test-results', { recursive: true });
    writeFileSync(
      'test-results/soak.json',
      JSON.stringify({ quick, requests: first.requests.total + result.requests.total, rssWarm, rssFirst, rssAfter, checks }, null, 2),
    );
    return checks.every((check) => check.pass) ? 0 : 1;
  } finally {
    server.kill('SIGTERM');
  }
}

process.exit(await main());
