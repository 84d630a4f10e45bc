// `npm run bench [-- --quick]`: measures the site against its physical limits in
// one run and prints a table, then PASS/FAIL lines for the targets; the same
// figures go to bench/results/latest.json and latest.md. See bench/README.md.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { startLocalNginx, type RunningNginx } from '../deploy/nginx/localNginx';
import { freePort, waitForHttp } from '../lib/cache/testing/processes';
import { startRedis } from '../lib/cache/testing/redisServer';
import { nonceContentSecurityPolicy } from '../lib/securityHeaders';
import { findChromium } from '../scripts/findChromium.mjs';
import { scaleCorpus } from './scaleCorpus';

const quick = process.argv.includes('--quick');
/** `--only=store`: one section alone (the 100,000-article archive takes a quarter of an hour by itself). */
const only = process.argv.find((argument) => argument.startsWith('--only='))?.slice('--only='.length);
/** `build` runs the serving sections after it: they serve what it built. */
const SECTIONS = ['index', 'search', 'store', 'build', 'csp'] as const;
if (only !== undefined && !(SECTIONS as readonly string[]).includes(only)) throw new Error(`--only: one of ${SECTIONS.join(', ')}`);
const runs = (section: (typeof SECTIONS)[number]) => only === undefined || only === section;
const INDEX_SIZES = quick ? [200] : [1_000, 10_000];
const BUILD_SIZES = quick ? [100] : [1_000, 10_000, 100_000];
const SEARCH_SIZES = quick ? [1_000] : [1_000, 10_000, 100_000];
const STORE_SIZES = quick ? [1_000] : [1_000, 10_000, 100_000];
const LOAD_SECONDS = quick ? 2 : 10;
/** Each load measure is repeated and its median kept: single runs here move by 20-30 %. */
const LOAD_RUNS = quick ? 1 : 3;
const CONNECTIONS = 50;
const COLD_ARTICLES = quick ? 11 : 101;
const PORTS = { next: 3300, floor: 3301 } as const;
const BASE = `http://127.0.0.1:${PORTS.next}`;
const FLOOR_FILE = 'public/__bench-floor.html';
const PHOTO_FLOOR_FILE = 'public/__bench-photo.webp';
/** What Chromium asks for an image: the photo route negotiates WebP for it (AVIF is measured apart, in section 3d). */
const WEBP_ACCEPT = { Accept: 'image/webp,image/*,*/*;q=0.8' };

interface Row {
  section: string;
  name: string;
  value: string;
  note?: string;
}
interface Target {
  name: string;
  pass: boolean;
  measured: string;
}

const rows: Row[] = [];
const targets: Target[] = [];
const figures: Record<string, unknown> = {};
const row = (section: string, name: string, value: string, note?: string) => {
  rows.push({ section, name, value, ...(note ? { note } : {}) });
  console.log(`  ${section.padEnd(10)} ${name.padEnd(48)} ${value}${note ? `   (${note})` : ''}`);
};
const target = (name: string, pass: boolean, measured: string) => {
  targets.push({ name, pass, measured });
  console.log(`${pass ? 'PASS' : 'FAIL'}  ${name}: ${measured}`);
};
const fixed = (value: number, digits = 0) => value.toFixed(digits);

function run(command: string, args: string[], env: Record<string, string> = {}): { ok: boolean; stdout: string; stderr: string; ms: number } {
  const start = performance.now();
  const result = spawnSync(command, args, { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) console.error(result.stdout, result.stderr);
  return { ok: result.status === 0, stdout: result.stdout, stderr: result.stderr, ms: performance.now() - start };
}

async function folderBytes(folder: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

function stop(child: ChildProcess | undefined): void {
  if (child?.pid) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

const corpusDir = (count: number) => `bench/.corpus-${count}`;

/**
 * A GET read to the end, retried: Node's fetch may reuse a keep-alive socket the
 * server has just closed ("other side closed"), which says nothing about the page.
 */
async function fetchBytes(url: string, headers: Record<string, string> = {}): Promise<Buffer> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return Buffer.from(await (await fetch(url, { headers })).arrayBuffer());
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

// ---------------------------------------------------------------------------
// 1. Content index
// ---------------------------------------------------------------------------

interface IndexFigures {
  articles: number;
  coldMs: number;
  coldParsed: number;
  warmMs: number;
  reparsed: number;
  peakRssMb: number;
}

function measureIndex(count: number, cacheFile?: string): IndexFigures {
  const result = run('npx', ['tsx', 'bench/measureIndex.ts', corpusDir(count), ...(cacheFile ? [cacheFile] : [])]);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as IndexFigures;
}

async function benchIndex(): Promise<void> {
  console.log('\n1. Index de contenu');
  for (const count of INDEX_SIZES) {
    await scaleCorpus('tests/.corpus', corpusDir(count), count);
    const cold = measureIndex(count);
    const cacheDir = `bench/.cache/index-${count}`;
    await rm(cacheDir, { recursive: true, force: true });
    measureIndex(count, cacheDir); // fills the persistent cache
    const cached = measureIndex(count, cacheDir);
    figures[`index${count}`] = { cold, cached };
    row('index', `${count} articles, à froid sans cache`, `${fixed(cold.coldMs)} ms`, `${fixed((count / cold.coldMs) * 1000)} articles/s, ${fixed(cold.peakRssMb)} Mo RSS`);
    row('index', `${count} articles, à froid avec cache disque`, `${fixed(cached.coldMs)} ms`, `${cached.coldParsed} fichiers analysés (auteurs compris), ${fixed(cached.peakRssMb)} Mo RSS`);
    row('index', `${count} articles, un fichier modifié`, `${fixed(cold.warmMs)} ms`, `${cold.reparsed} fichier réanalysé`);
    if (count === Math.max(...INDEX_SIZES)) {
      target(`index ${count} articles à froid ≤ 2 s (sans cache)`, cold.coldMs <= 2_000, `${fixed(cold.coldMs)} ms`);
      target(`index ${count} articles à froid ≤ 2 s (cache disque)`, cached.coldMs <= 2_000, `${fixed(cached.coldMs)} ms`);
      target(`index ${count} articles ≤ 300 Mo RSS`, Math.min(cold.peakRssMb, cached.peakRssMb) <= 300, `${fixed(cold.peakRssMb)} Mo sans cache, ${fixed(cached.peakRssMb)} Mo avec`);
      target('un fichier modifié : un seul fichier réanalysé', cold.reparsed === 1, `${cold.reparsed}`);
    }
  }
}

// ---------------------------------------------------------------------------
// 1b. Search
// ---------------------------------------------------------------------------

interface QueryFigures {
  p50: number;
  p99: number;
  queries: number;
  meanHits: number;
}

interface SearchFigures {
  articles: number;
  fillMs: number;
  updateMs: number;
  updated: number;
  one: QueryFigures;
  three: QueryFigures;
  peakRssMb: number;
}

async function benchSearch(): Promise<void> {
  console.log('\n1b. Recherche (index SQLite FTS5, requêtes qu’aucun cache de page ne sert)');
  for (const count of SEARCH_SIZES) {
    const indexFile = path.resolve(`bench/.cache/search-${count}.sqlite`);
    const result = run('npx', ['tsx', 'bench/measureSearch.ts', 'tests/.corpus', String(count), indexFile]);
    const search = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as SearchFigures;
    await rm(indexFile, { force: true });
    figures[`search${count}`] = search;
    const queries = (measured: QueryFigures) => `p50 ${fixed(measured.p50, 1)} ms, p99 ${fixed(measured.p99, 1)} ms`;
    row('recherche', `${count} articles : index rempli`, `${fixed(search.fillMs / 1000, 1)} s`, `${fixed(search.peakRssMb)} Mo RSS`);
    row('recherche', `${count} articles : un article modifié`, `${fixed(search.updateMs)} ms`, `${search.updated} article réécrit`);
    row('recherche', `${count} articles : 1 mot`, queries(search.one), `${search.one.queries} requêtes, ${fixed(search.one.meanHits)} résultats en moyenne`);
    row('recherche', `${count} articles : 3 mots`, queries(search.three), `${search.three.queries} requêtes, ${fixed(search.three.meanHits)} résultats en moyenne`);
    if (count === Math.max(...SEARCH_SIZES)) {
      const p99 = Math.max(search.one.p99, search.three.p99);
      target(`recherche ${count} articles : p99 ≤ 50 ms (1 et 3 mots)`, p99 <= 50, `${fixed(p99, 1)} ms`);
    }
  }
}

// ---------------------------------------------------------------------------
// 1c. The archive: the content store at 1,000 to 100,000 articles
// ---------------------------------------------------------------------------

interface StoreFill {
  articles: number;
  ms: number;
  peakRssMb: number;
}

interface StoreServe {
  articles: number;
  readyMs: number;
  rssAtReadyMb: number;
  peakRssMb: number;
  firstSearchMs: number;
  publicationMs: number;
  publicationCpuMs: number;
  tags: number;
  listTags: string[];
  wholeFolderCpuMs: number;
  wholeFolderTags: number;
  firstPublicationCpuMs: number;
  firstPublicationTags: number;
  firstPublicationPages: number;
  publicationPages: number;
  publicationTagList: string[];
  summaryReadCpuMs: number;
}

/** Measured on this machine before the store was rebuilt (README, 27 Nov 2026), for the 10,000 rows. */
const BEFORE_10000 = { readyFromCacheMs: 671, readyRssMb: 263, firstSearchOverHttpMs: 7_800 };

function measureStore(count: number, phase: 'fill' | 'serve'): StoreFill | StoreServe {
  // Room for the largest archive's fill, so a figure is printed even where the target is missed; a server runs with Node's defaults.
  const result = run('npx', ['tsx', 'bench/measureStore.ts', `bench/.corpus-store-${count}`, `bench/.cache/store-${count}`, phase], phase === 'fill' ? { NODE_OPTIONS: '--max-old-space-size=12000' } : {});
  if (!result.ok) throw new Error(`bench/measureStore.ts ${phase} failed for ${count} articles`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as StoreFill | StoreServe;
}

async function benchStore(): Promise<void> {
  console.log('\n1c. Archive (le magasin de contenu, de 1 000 à 100 000 articles)');
  for (const count of STORE_SIZES) {
    await scaleCorpus('tests/.corpus', `bench/.corpus-store-${count}`, count);
    await rm(`bench/.cache/store-${count}`, { recursive: true, force: true });
    const fill = measureStore(count, 'fill') as StoreFill;
    const serve = measureStore(count, 'serve') as StoreServe;
    figures[`store${count}`] = { fill, serve };
    row('archive', `${count} articles : contenu du build`, `${fixed(fill.ms / 1000, 1)} s`, `vérification, analyses et corps stockés, recherche remplie ; ${fixed(fill.peakRssMb)} Mo RSS au pic`);
    row('archive', `${count} articles : serveur prêt depuis le cache du build`, `${fixed(serve.readyMs)} ms`, `${fixed(serve.rssAtReadyMb)} Mo RSS${count === 10_000 ? ` ; avant : ${BEFORE_10000.readyFromCacheMs} ms, ${BEFORE_10000.readyRssMb} Mo` : ''}`);
    row('archive', `${count} articles : résumé du build lu après le départ`, `${fixed(serve.summaryReadCpuMs)} ms CPU`, 'une fois, une seconde après la première page ; ce que la 1re publication compare');
    row('archive', `${count} articles : 1re recherche`, `${fixed(serve.firstSearchMs)} ms`, count === 10_000 ? `avant : ${fixed(BEFORE_10000.firstSearchOverHttpMs / 1000, 1)} s par HTTP` : 'index du build');
    row('archive', `${count} articles : 1re publication après le départ`, `${fixed(serve.firstPublicationCpuMs)} ms CPU`, `${serve.firstPublicationTags} étiquettes revalidées, ${serve.firstPublicationPages} pages et fichiers à refaire (+ recherches en cache) ; comparée au résumé du build`);
    row('archive', `${count} articles : une correction (fichier nommé par la surveillance)`, `${fixed(serve.publicationCpuMs)} ms CPU`, `${fixed(serve.publicationMs)} ms ; ${serve.tags} étiquettes revalidées`);
    row('archive', `${count} articles : une correction (API sans fichier nommé, dossier relu)`, `${fixed(serve.wholeFolderCpuMs)} ms CPU`, `${serve.wholeFolderTags} étiquettes revalidées`);
    if (count === Math.max(...STORE_SIZES)) {
      target(`archive ${count} : serveur prêt ≤ 5 s depuis le cache du build`, serve.readyMs <= 5_000, `${fixed(serve.readyMs)} ms`);
      target(`archive ${count} : ≤ 1 Go RSS prêt`, serve.rssAtReadyMb <= 1_000, `${fixed(serve.rssAtReadyMb)} Mo (pic ${fixed(serve.peakRssMb)} Mo)`);
      const worst = Math.max(serve.firstPublicationCpuMs, serve.publicationCpuMs);
      target(`archive ${count} : une publication ≤ 1 s de CPU`, worst <= 1_000, `${fixed(serve.firstPublicationCpuMs)} ms la 1re, ${fixed(serve.publicationCpuMs)} ms ensuite`);
      target(`archive ${count} : ≤ 30 pages refaites par publication`, serve.firstPublicationPages <= 30, `${serve.firstPublicationPages} (${serve.publicationTagList.filter((tag) => tag.startsWith('list:')).join(', ')}) + recherches en cache`);
    }
    // The largest corpora take gigabytes: they go once measured.
    if (count > 1_000) await rm(`bench/.corpus-store-${count}`, { recursive: true, force: true });
    await rm(`bench/.cache/store-${count}`, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------
// 2. Build
// ---------------------------------------------------------------------------

function buildEnv(count: number, distDir: string): Record<string, string> {
  return { CONTENT_DIR: corpusDir(count), NEXT_DIST_DIR: distDir, SITE_URL: BASE, NEXT_TELEMETRY_DISABLED: '1' };
}

/**
 * The 10,000-article build before the content store was rebuilt: commit 9ddbf51
 * (Node 20, the parse cache of one file per article, MiniSearch built at the
 * first search), measured on this machine on 3 Dec 2026 (README, « The archive »):
 * 102.3 s from nothing, 1.8 GB peak; 34.1 s again with its cache. Its 100,000 build died.
 */
const BEFORE_BUILD_10000_MS = 102_300;

interface BuildFigures {
  ms: number;
  /** Peak RSS of the largest process of the build, when /usr/bin/time is there to tell. */
  peakRssMb?: number;
}

function timedBuild(count: number, distDir: string): BuildFigures {
  const timed = existsSync('/usr/bin/time');
  const build = timed ? run('/usr/bin/time', ['-f', 'peak-kb %M', 'npx', 'next', 'build'], buildEnv(count, distDir)) : run('npx', ['next', 'build'], buildEnv(count, distDir));
  if (!build.ok) throw new Error(`next build failed for ${count} articles`);
  const peakKb = Number(/peak-kb (\d+)/.exec(build.stderr)?.[1]);
  return { ms: build.ms, ...(Number.isFinite(peakKb) ? { peakRssMb: peakKb / 1024 } : {}) };
}

/** An editor's day on a built archive: the newest article corrected, one article added. */
async function editCorpus(count: number): Promise<void> {
  const folder = path.join(corpusDir(count), 'articles');
  const [newest] = (await readdir(folder)).filter((file) => file.endsWith('-0.md'));
  if (!newest) throw new Error(`no newest article in ${folder}`);
  const text = await readFile(path.join(folder, newest), 'utf8');
  await writeFile(path.join(folder, newest), text.replace(/^title: "(.*)"$/m, (_, title: string) => `title: "${title}, corrigé"`));
  await writeFile(path.join(folder, `ajout-du-jour-${count}.md`), text.replace(/^title: "(.*)"$/m, 'title: "Un article ajouté entre deux builds"'));
}

const seconds = (ms: number) => `${fixed(ms / 1000, 1)} s`;
const peak = (figures: BuildFigures) => (figures.peakRssMb === undefined ? '' : `, ${fixed(figures.peakRssMb)} Mo RSS au pic`);

async function benchBuild(): Promise<void> {
  console.log('\n2. Build');
  const smallest = Math.min(...BUILD_SIZES);
  // The largest first, then the one that gets served, which stays on disk untouched.
  for (const count of [...BUILD_SIZES].sort((a, b) => b - a)) {
    if (!existsSync(corpusDir(count))) await scaleCorpus('tests/.corpus', corpusDir(count), count);
    const distDir = count === smallest ? '.next-bench' : `.next-bench-${count}`;
    await rm(distDir, { recursive: true, force: true });
    const cold = timedBuild(count, distDir);
    const bytes = await folderBytes(distDir);
    figures[`build${count}`] = { ...cold, bytes };
    row('build', `next build ${count} articles, sans cache`, seconds(cold.ms), `${fixed(bytes / 1024 / 1024)} Mo dans ${distDir}${peak(cold)}${count === 10_000 && Number.isFinite(BEFORE_BUILD_10000_MS) ? ` ; avant : ${seconds(BEFORE_BUILD_10000_MS)}` : ''}`);
    if (count === smallest) continue;
    // Again on the same folder: the cache a CI keeps between builds (`<distDir>/cache/`) holds the last build's parses, snapshot and search index.
    await editCorpus(count);
    const again = timedBuild(count, distDir);
    figures[`rebuild${count}`] = again;
    row('build', `next build ${count} articles, cache gardé`, seconds(again.ms), `cache du build précédent ; un article corrigé, un ajouté${peak(again)}`);
    await rm(distDir, { recursive: true, force: true });
    // Edited, and gigabytes for the largest: made again at the next run.
    await rm(corpusDir(count), { recursive: true, force: true });
  }
  const of = (name: string) => (figures[name] as BuildFigures | undefined)?.ms ?? Number.NaN;
  if (BUILD_SIZES.includes(10_000)) {
    const ratio = of('build10000') / of(`build${smallest}`);
    target(`build 10000 articles borné (≤ 3 × celui de ${smallest})`, ratio <= 3, `× ${fixed(ratio, 2)}`);
    if (Number.isFinite(BEFORE_BUILD_10000_MS)) target('build 10000 articles pas plus lent qu’avant', of('build10000') <= BEFORE_BUILD_10000_MS, `${seconds(of('build10000'))}, avant ${seconds(BEFORE_BUILD_10000_MS)}`);
  }
  if (BUILD_SIZES.includes(100_000)) {
    const cold = of('build100000') / of('build10000');
    const again = of('rebuild100000') / of('rebuild10000');
    target('build 100000 articles ≤ 2 × celui de 10000, cache du build précédent', again <= 2, `× ${fixed(again, 2)} (${seconds(of('rebuild100000'))} contre ${seconds(of('rebuild10000'))})`);
    target('build 100000 articles ≤ 2 × celui de 10000, sans cache', cold <= 2, `× ${fixed(cold, 2)} (${seconds(of('build100000'))} contre ${seconds(of('build10000'))})`);
  }
}

// ---------------------------------------------------------------------------
// 3. Serving
// ---------------------------------------------------------------------------

interface LoadFigures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** LOAD_RUNS runs of one load: the median of each figure, the sum of errors. */
function medianOfRuns(measure: () => LoadFigures): LoadFigures {
  const runs = Array.from({ length: LOAD_RUNS }, () => measure());
  return {
    rps: median(runs.map((one) => one.rps)),
    p50: median(runs.map((one) => one.p50)),
    p99: median(runs.map((one) => one.p99)),
    errors: runs.reduce((sum, one) => sum + one.errors, 0),
    non2xx: runs.reduce((sum, one) => sum + one.non2xx, 0),
  };
}

/** autocannon on `url`: what every page of sections 3 and 3b is measured with. */
function load(url: string, headers: Record<string, string> = {}): LoadFigures {
  return medianOfRuns(() => loadOnce(url, headers));
}

function loadOnce(url: string, headers: Record<string, string> = {}): LoadFigures {
  const headerArgs = Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
  const result = run('npx', ['autocannon', '--json', '-c', String(CONNECTIONS), '-d', String(LOAD_SECONDS), ...headerArgs, url]);
  const report = JSON.parse(result.stdout) as {
    requests: { average: number };
    latency: { p50: number; p99: number };
    errors: number;
    non2xx: number;
  };
  return { rps: report.requests.average, p50: report.latency.p50, p99: report.latency.p99, errors: report.errors, non2xx: report.non2xx };
}

/** wrk (C, two threads): for what nginx serves, faster than autocannon can read (see section 3c). */
const hasWrk = spawnSync('sh', ['-c', 'command -v wrk'], { stdio: 'ignore' }).status === 0;

function wrkOnce(url: string): LoadFigures {
  const { stdout } = run('wrk', ['-t', '2', '-c', String(CONNECTIONS), '-d', `${LOAD_SECONDS}s`, '--latency', url]);
  const toMs = (value: string, unit: string) => Number(value) * ({ us: 0.001, ms: 1, s: 1_000 }[unit] ?? NaN);
  const percentile = (p: number) => {
    const match = new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s)$`, 'm').exec(stdout);
    return match ? toMs(match[1] ?? '', match[2] ?? '') : NaN;
  };
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1] ?? NaN),
    p50: Number(percentile(50).toFixed(1)),
    p99: Number(percentile(99).toFixed(1)),
    errors: socketErrors ? socketErrors.slice(1).reduce((sum, count) => sum + Number(count), 0) : 0,
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0),
  };
}

interface Pages {
  article: string;
  oldArticles: string[];
  tag: string;
}

async function pickPages(count: number): Promise<Pages> {
  const files = (await readdir(path.join(corpusDir(count), 'articles'))).sort((a, b) => Number(a.match(/-(\d+)\.md$/)?.[1]) - Number(b.match(/-(\d+)\.md$/)?.[1]));
  const slugs = files.map((file) => file.replace(/\.md$/, ''));
  const real = slugs.find((slug) => slug.startsWith('mark-zuckerberg-ia-photos-facebook-instagram-')) ?? slugs[0] ?? '';
  // The oldest articles: past the prerender limit, never rendered yet.
  return { article: `/article/${real}`, oldArticles: slugs.slice(-COLD_ARTICLES).map((slug) => `/article/${slug}`), tag: '/tag/ia' };
}

/**
 * Waits until every process of a stopped server's group has exited (then kills
 * what remains after 15 s): one still closing answers on the bench's keep-alive
 * sockets, then drops them in the middle of the next measure.
 */
async function untilGone(child: ChildProcess): Promise<void> {
  const alive = () => {
    try {
      if (child.pid) process.kill(-child.pid, 0);
      return child.pid !== undefined;
    } catch {
      return false;
    }
  };
  for (const deadline = Date.now() + 15_000; alive() && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 100));
  if (alive() && child.pid) process.kill(-child.pid, 'SIGKILL');
}

async function coldRenders(urls: string[]): Promise<number[]> {
  const times: number[] = [];
  for (const url of urls) {
    const start = performance.now();
    await fetchBytes(`${BASE}${url}`);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function benchServing(count: number): Promise<Pages> {
  console.log(`\n3. Service (${CONNECTIONS} connexions, ${LOAD_SECONDS} s par page, médiane de ${LOAD_RUNS}, corpus de ${count} articles)`);
  const pages = await pickPages(count);
  for (const port of Object.values(PORTS)) {
    const busy = await fetch(`http://127.0.0.1:${port}/`).then(
      async (response) => (await response.arrayBuffer(), true),
      () => false,
    );
    if (busy) throw new Error(`port ${port} is already in use: stop that server first`);
  }
  const startNext = async () => {
    const child = spawn('npx', ['next', 'start', '--hostname', '127.0.0.1', '--port', String(PORTS.next)], {
      env: { ...process.env, ...buildEnv(count, '.next-bench') },
      detached: true,
      stdio: 'ignore',
    });
    await waitForHttp(`${BASE}/`);
    return child;
  };
  // Next serves only the public/ files present when it starts: fetch the article's
  // bytes, put them in public/, then start again for the measures.
  const first = await startNext();
  const html = await fetchBytes(`${BASE}${pages.article}`);
  // The hero at 1080 px, as the photo route sends it from its cache, and the same bytes as a file of public/.
  const photoPath = /\/photos\/[0-9a-f]{16}\/w1080\/[^"\s,]+/.exec(html.toString())?.[0];
  if (!photoPath) throw new Error('no 1080 px photo variant on the article page');
  const photoBytes = await fetchBytes(`${BASE}${photoPath}`, WEBP_ACCEPT);
  stop(first);
  await writeFile(FLOOR_FILE, html);
  await writeFile(PHOTO_FLOOR_FILE, photoBytes);
  await untilGone(first);
  const server = await startNext();
  let floor: ChildProcess | undefined;
  try {
    // One old article first, so loading the route's code is not counted as rendering.
    const [warmUp, ...oldArticles] = pages.oldArticles;
    if (warmUp) await coldRenders([warmUp]);
    const cold = await coldRenders(oldArticles);
    figures.coldRender = cold;
    row('service', `1re requête d’un article jamais rendu (${cold.length})`, `p50 ${fixed(percentile(cold, 50))} ms, p99 ${fixed(percentile(cold, 99))} ms`);
    target('1re requête d’un vieil article ≤ 100 ms au p99', percentile(cold, 99) <= 100, `${fixed(percentile(cold, 99))} ms`);

    floor = spawn('node', ['bench/floorServer.mjs', FLOOR_FILE, String(PORTS.floor)], { detached: true, stdio: 'ignore' });
    await waitForHttp(`http://127.0.0.1:${PORTS.floor}/`);

    const urls: [string, string][] = [
      ['plancher : fichier statique de public/ (next start)', `${BASE}/${path.basename(FLOOR_FILE)}`],
      ['plancher : node:http en mémoire', `http://127.0.0.1:${PORTS.floor}/`],
      ['article', `${BASE}${pages.article}`],
      ['une', `${BASE}/`],
      ['tag', `${BASE}${pages.tag}`],
      ['recherche', `${BASE}/recherche?q=intelligence+artificielle`],
      ['flux RSS', `${BASE}/rss.xml`],
    ];
    const results = new Map<string, LoadFigures>();
    for (const [name, url] of urls) {
      await fetchBytes(url); // warm: the first render is not what is measured
      const figuresForUrl = load(url);
      results.set(name, figuresForUrl);
    }
    // Photos: the same WebP bytes from the photo route's memory cache and as a static file.
    const photoFloor = load(`${BASE}/${path.basename(PHOTO_FLOOR_FILE)}`, WEBP_ACCEPT);
    await fetch(`${BASE}${photoPath}`, { headers: WEBP_ACCEPT }).then((response) => response.arrayBuffer());
    const photo = load(`${BASE}${photoPath}`, WEBP_ACCEPT);
    figures.photoServing = { floor: photoFloor, photo, bytes: photoBytes.length };
    row('photos', `plancher : la même photo WebP (${fixed(photoBytes.length / 1024)} Ko) dans public/`, `${fixed(photoFloor.rps)} req/s, p50 ${photoFloor.p50} ms, p99 ${photoFloor.p99} ms`);
    row('photos', 'photo optimisée servie du cache (/photos/…/w1080)', `${fixed(photo.rps)} req/s, p50 ${photo.p50} ms, p99 ${photo.p99} ms`, `× ${fixed(photo.rps / photoFloor.rps, 2)} du fichier statique${photo.errors + photo.non2xx > 0 ? `, ${photo.errors} erreurs, ${photo.non2xx} non-2xx` : ''}`);
    target('photo du cache ≥ 0,3 × le même fichier statique', photo.rps >= 0.3 * photoFloor.rps, `× ${fixed(photo.rps / photoFloor.rps, 2)}`);
    figures.serving = Object.fromEntries(results);
    const nextFloor = results.get(urls[0]?.[0] ?? '');
    const memoryFloor = results.get(urls[1]?.[0] ?? '');
    for (const [name, result] of results) {
      const ratios = nextFloor && memoryFloor ? `× ${fixed(result.rps / nextFloor.rps, 2)} du plancher Next, × ${fixed(result.rps / memoryFloor.rps, 3)} du plancher mémoire` : '';
      row('service', name, `${fixed(result.rps)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms`, `${ratios}${result.errors + result.non2xx > 0 ? `, ${result.errors} erreurs, ${result.non2xx} non-2xx` : ''}`);
    }
    if (nextFloor) {
      for (const name of ['article', 'une']) {
        const result = results.get(name);
        if (!result) continue;
        target(`${name} ≥ 0,5 × plancher Next`, result.rps >= 0.5 * nextFloor.rps, `× ${fixed(result.rps / nextFloor.rps, 2)}`);
        target(`${name} p99 ≤ 3 × p99 du plancher`, result.p99 <= 3 * Math.max(1, nextFloor.p99), `${result.p99} ms pour ${nextFloor.p99} ms`);
      }
      for (const name of ['tag', 'recherche', 'flux RSS']) {
        const result = results.get(name);
        if (result) target(`${name} ≥ 0,3 × plancher Next`, result.rps >= 0.3 * nextFloor.rps, `× ${fixed(result.rps / nextFloor.rps, 2)}`);
      }
    }
    await benchWeight(pages);
    await benchLighthouse(pages);
  } finally {
    stop(server);
    stop(floor);
    await rm(FLOOR_FILE, { force: true });
    await rm(PHOTO_FLOOR_FILE, { force: true });
  }
  return pages;
}

// ---------------------------------------------------------------------------
// 3b. Content-Security-Policy: by hash (what ships) against static and nonce
// ---------------------------------------------------------------------------

/** The article's policy and scripts, as a reader gets them: what the load then measures. */
async function policyFacts(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  const html = await response.text();
  const policy = response.headers.get('content-security-policy') ?? '';
  const scriptSrc = policy.split('; ').find((part) => part.startsWith('script-src ')) ?? '';
  const inline = new Set([...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/ld\+json")[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]));
  const scriptTags = [...html.matchAll(/<script(?![^>]*type="application\/ld\+json")[^>]*>/g)].map((match) => match[0]);
  return { scriptSrc, inline: inline.size, hashes: scriptSrc.split(' ').filter((source) => source.startsWith("'sha256-")).length, scriptTags, cache: response.headers.get('x-nextjs-cache') ?? '' };
}

/** A production server of `distDir` on a free port, its process group stopped by stop(). */
async function startBuilt(count: number, distDir: string, mode: string): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn('npx', ['next', 'start', '--hostname', '127.0.0.1', '--port', String(port)], {
    env: { ...process.env, ...buildEnv(count, distDir), KIOSQUE_CSP: mode },
    detached: true,
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/`);
  return { base, child };
}

/**
 * The same corpus built three times, one per policy mode (lib/securityHeaders.ts):
 * `hash` (what ships: each cached page with the SHA-256 of its inline scripts,
 * stored with it by the cache handler), `static` (one policy with
 * 'unsafe-inline', the baseline) and `nonce` (every page rendered per request).
 * The hash and static servers run side by side and their loads alternate, run
 * after run, so that the machine's drift falls on both alike.
 */
async function benchCsp(count: number): Promise<void> {
  console.log('\n3b. CSP : par hachage (en service), statique, à nonce');
  if (!existsSync(corpusDir(count))) await scaleCorpus('tests/.corpus', corpusDir(count), count);
  const pages = await pickPages(count);
  const modes = ['hash', 'static', 'nonce'] as const;
  const distDir = (mode: string) => `.next-bench-csp-${mode}`;
  for (const mode of modes) {
    await rm(distDir(mode), { recursive: true, force: true });
    if (!run('npx', ['next', 'build'], { ...buildEnv(count, distDir(mode)), KIOSQUE_CSP: mode }).ok) throw new Error(`next build failed in ${mode} mode`);
  }
  const servers: ChildProcess[] = [];
  try {
    const hash = await startBuilt(count, distDir('hash'), 'hash');
    servers.push(hash.child);
    const plain = await startBuilt(count, distDir('static'), 'static');
    servers.push(plain.child);
    const paths: [string, string][] = [
      ['article', pages.article],
      ['une', '/'],
    ];
    for (const [name, page] of paths) {
      await fetchBytes(`${hash.base}${page}`);
      const facts = await policyFacts(`${hash.base}${page}`);
      row('csp', `${name} : script-src par hachage`, `${facts.hashes} empreintes pour ${facts.inline} scripts en ligne`, `${facts.scriptSrc.includes('unsafe-inline') ? 'unsafe-inline présent' : 'sans unsafe-inline'}, cache Next ${facts.cache || '?'}`);
      target(`${name} : une empreinte par script en ligne, sans unsafe-inline`, facts.hashes === facts.inline && facts.inline > 0 && !facts.scriptSrc.includes('unsafe-inline'), `${facts.hashes} / ${facts.inline}`);
    }
    const loads = new Map<string, LoadFigures[]>();
    const measure = (key: string, url: string) => loads.set(key, [...(loads.get(key) ?? []), loadOnce(url)]);
    for (const [name, page] of paths) {
      await fetchBytes(`${plain.base}${page}`);
      for (let runIndex = 0; runIndex < LOAD_RUNS; runIndex += 1) {
        measure(`${name}:hash`, `${hash.base}${page}`);
        measure(`${name}:static`, `${plain.base}${page}`);
      }
    }
    const medianLoad = (key: string): LoadFigures => {
      const runs = loads.get(key) ?? [];
      return { rps: median(runs.map((one) => one.rps)), p50: median(runs.map((one) => one.p50)), p99: median(runs.map((one) => one.p99)), errors: runs.reduce((sum, one) => sum + one.errors, 0), non2xx: runs.reduce((sum, one) => sum + one.non2xx, 0) };
    };
    const cspFigures: Record<string, LoadFigures> = {};
    for (const [name] of paths) {
      const strict = medianLoad(`${name}:hash`);
      const baseline = medianLoad(`${name}:static`);
      cspFigures[`${name}:hash`] = strict;
      cspFigures[`${name}:static`] = baseline;
      const ratio = strict.rps / baseline.rps;
      row('csp', `${name}, CSP statique (unsafe-inline)`, `${fixed(baseline.rps)} req/s, p50 ${baseline.p50} ms, p99 ${baseline.p99} ms`);
      row('csp', `${name}, CSP par hachage (en service)`, `${fixed(strict.rps)} req/s, p50 ${strict.p50} ms, p99 ${strict.p99} ms`, `× ${fixed(ratio, 2)} de la CSP statique${strict.errors + strict.non2xx > 0 ? `, ${strict.errors} erreurs, ${strict.non2xx} non-2xx` : ''}`);
      target(`${name} : CSP stricte par hachage ≥ 0,9 × la CSP statique`, ratio >= 0.9, `× ${fixed(ratio, 2)} (${fixed(strict.rps)} contre ${fixed(baseline.rps)} req/s)`);
    }
    stop(plain.child);
    await untilGone(plain.child);

    const withNonce = await startBuilt(count, distDir('nonce'), 'nonce');
    servers.push(withNonce.child);
    const nonce = randomBytes(16).toString('base64');
    const headers = { 'Content-Security-Policy': nonceContentSecurityPolicy(nonce) };
    const facts = await policyFacts(`${withNonce.base}${pages.article}`, headers);
    const carrying = facts.scriptTags.filter((tag) => tag.includes(`nonce="${nonce}"`)).length;
    row('csp', 'scripts de l’article portant le nonce', `${carrying} / ${facts.scriptTags.length}`);
    const nonceLoad = load(`${withNonce.base}${pages.article}`, headers);
    const baseline = cspFigures['article:static'];
    const cost = baseline ? 1 - nonceLoad.rps / baseline.rps : NaN;
    cspFigures['article:nonce'] = nonceLoad;
    row('csp', 'article, CSP à nonce (rendu à chaque requête)', `${fixed(nonceLoad.rps)} req/s, p99 ${nonceLoad.p99} ms`, `coût ${fixed(cost * 100)} % du débit de la CSP statique`);
    figures.csp = cspFigures;
  } finally {
    for (const child of servers) stop(child);
    for (const child of servers) await untilGone(child);
    for (const mode of modes) await rm(distDir(mode), { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------
// 3c. Standalone replicas behind nginx, sharing Redis
// ---------------------------------------------------------------------------

const REPLICA_PORTS = [3302, 3303] as const;
const PROXY_PORTS = { cached: 3304, uncached: 3305, floor: 3306 } as const;

/**
 * The reference deployment's parts on this machine (as tests/e2e/replicas/):
 * `npm run start:cluster` on the 1,000-article build with Redis, and
 * deploy/nginx/nginx.conf in front. Beside the shipped server block, the same
 * nginx runs that block with `proxy_cache off` (what two replicas serve through
 * the proxy with no cache), and a plain `root` serving the article's exact bytes
 * from disk: the floor the cached proxy is compared with.
 */
async function benchReplicas(count: number, pages: Pages): Promise<void> {
  console.log('\n3c. Répliques standalone derrière nginx, cache partagé dans Redis');
  const work = await mkdtemp(path.join(os.tmpdir(), 'kiosque-bench-replicas-'));
  // nginx's workers run unprivileged: they must reach the folders below.
  await chmod(work, 0o755);
  const redis = await startRedis();
  let cluster: ChildProcess | undefined;
  let nginx: RunningNginx | undefined;
  try {
    cluster = spawn(process.execPath, ['scripts/start.mjs', '--replicas', '2', '--port', String(REPLICA_PORTS[0])], {
      env: { ...process.env, ...buildEnv(count, '.next-bench'), REDIS_URL: redis.url, CACHE_SIGNING_KEY: 'la clé de signature du cache du bench, assez longue' },
      detached: true,
      stdio: 'ignore',
    });
    await Promise.all(REPLICA_PORTS.map((port) => waitForHttp(`http://127.0.0.1:${port}/`)));
    const replica = `http://127.0.0.1:${REPLICA_PORTS[0]}`;

    const floorDir = path.join(work, 'floor');
    await mkdir(floorDir, { recursive: true });
    await writeFile(path.join(floorDir, 'article.html'), await fetchBytes(`${replica}${pages.article}`));
    nginx = await startLocalNginx({
      workDir: work,
      listenPort: PROXY_PORTS.cached,
      upstreamPorts: REPLICA_PORTS,
      extraServers: (site) =>
        site.replace(`listen 127.0.0.1:${PROXY_PORTS.cached};`, `listen 127.0.0.1:${PROXY_PORTS.uncached};`).replace('proxy_cache kiosque;', 'proxy_cache off;') +
        `    server {\n        listen 127.0.0.1:${PROXY_PORTS.floor};\n        root ${floorDir};\n    }\n`,
    });

    const urls: [string, string][] = [
      ['plancher : nginx sert le même fichier du disque', `http://127.0.0.1:${PROXY_PORTS.floor}/article.html`],
      ['article, une réplique seule (standalone)', `${replica}${pages.article}`],
      ['article, 2 répliques derrière nginx, sans cache', `http://127.0.0.1:${PROXY_PORTS.uncached}${pages.article}`],
      ['article, 2 répliques derrière nginx, avec cache', `http://127.0.0.1:${PROXY_PORTS.cached}${pages.article}`],
    ];
    // autocannon reads this page at about 14,000 req/s whoever serves it (wrk reads the same bytes from nginx at 56,000): nginx needs wrk.
    const tool = hasWrk ? 'wrk' : 'autocannon';
    row('répliques', 'outil de charge', tool, hasWrk ? `2 fils, ${CONNECTIONS} connexions` : 'wrk absent : plafonné par autocannon');
    const results = new Map<string, LoadFigures>();
    for (const [name, url] of urls) {
      await fetchBytes(url);
      results.set(name, hasWrk ? medianOfRuns(() => wrkOnce(url)) : load(url));
    }
    figures.replicas = { tool, ...Object.fromEntries(results) };
    const [floorName, oneName, twoName, cachedName] = urls.map(([name]) => name);
    const nginxFloor = results.get(floorName ?? '');
    for (const [name, result] of results) {
      const ratio = nginxFloor ? `× ${fixed(result.rps / nginxFloor.rps, 2)} de nginx sur fichier` : '';
      row('répliques', name, `${fixed(result.rps)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms`, `${ratio}${result.errors + result.non2xx > 0 ? `, ${result.errors} erreurs, ${result.non2xx} non-2xx` : ''}`);
    }
    const one = results.get(oneName ?? '');
    const two = results.get(twoName ?? '');
    if (one && two) row('répliques', '2 répliques sans cache / 1 réplique', `× ${fixed(two.rps / one.rps, 2)}`, `${os.cpus().length} cœurs pour la charge, nginx et les répliques`);
    const cached = results.get(cachedName ?? '');
    if (cached && nginxFloor) target('article derrière le proxy ≥ 0,5 × nginx servant le même fichier', cached.rps >= 0.5 * nginxFloor.rps && cached.errors + cached.non2xx === 0, `× ${fixed(cached.rps / nginxFloor.rps, 2)}`);
  } finally {
    await nginx?.stop();
    stop(cluster);
    await redis.stop();
    await rm(work, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------
// 4. Weight
// ---------------------------------------------------------------------------

async function pageWeight(url: string): Promise<{ htmlBytes: number; htmlGzip: number; jsGzip: number; scripts: number }> {
  const html = (await fetchBytes(`${BASE}${url}`)).toString('utf8');
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1] ?? ''))];
  let jsGzip = 0;
  for (const source of sources) {
    const body = await fetchBytes(new URL(source, BASE).toString());
    jsGzip += gzipSync(body).length;
  }
  return { htmlBytes: Buffer.byteLength(html), htmlGzip: gzipSync(html).length, jsGzip, scripts: sources.length };
}

async function benchWeight(pages: Pages): Promise<void> {
  console.log('\n4. Poids');
  // The 404 page renders no component of ours that needs JavaScript: the framework's floor in the same build.
  const floor = await pageWeight('/page-qui-n-existe-pas');
  row('poids', 'plancher : page 404 (framework seul)', `JS ${fixed(floor.jsGzip / 1024, 1)} Ko gzip`, `${floor.scripts} scripts`);
  const kinds: [string, string][] = [
    ['article', pages.article],
    ['une', '/'],
    ['tag', pages.tag],
    ['recherche', '/recherche?q=ia'],
  ];
  const weights: Record<string, unknown> = { floor };
  for (const [name, url] of kinds) {
    const weight = await pageWeight(url);
    weights[name] = weight;
    const extra = (weight.jsGzip - floor.jsGzip) / 1024;
    row('poids', name, `HTML ${fixed(weight.htmlBytes / 1024, 1)} Ko (${fixed(weight.htmlGzip / 1024, 1)} Ko gzip), JS ${fixed(weight.jsGzip / 1024, 1)} Ko gzip`, `${extra >= 0 ? '+' : ''}${fixed(extra, 1)} Ko au-dessus du plancher`);
    target(`${name} : JS ≤ plancher + 5 Ko gzip`, extra <= 5, `${fixed(extra, 1)} Ko`);
    if (name === 'article') target('HTML de l’article réel ≤ 60 Ko', weight.htmlBytes <= 60 * 1024, `${fixed(weight.htmlBytes / 1024, 1)} Ko`);
  }
  figures.weight = weights;
}

// ---------------------------------------------------------------------------
// 5. Lighthouse
// ---------------------------------------------------------------------------

interface LighthouseReport {
  categories: Record<string, { score: number }>;
  audits: Record<string, { numericValue: number }>;
}

async function benchLighthouse(pages: Pages): Promise<void> {
  console.log('\n5. Lighthouse (mobile)');
  const chromium = await findChromium();
  if (!chromium) {
    row('lighthouse', 'Chromium introuvable', 'non mesuré');
    return;
  }
  const reports: Record<string, unknown> = {};
  for (const [name, url] of [
    ['article', pages.article],
    ['une', '/'],
  ] as const) {
    const output = path.join(os.tmpdir(), `kiosque-lighthouse-${name}.json`);
    const result = run(
      'npx',
      [
        'lighthouse',
        `${BASE}${url}`,
        '--quiet',
        '--output=json',
        `--output-path=${output}`,
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update',
      ],
      { CHROME_PATH: chromium },
    );
    if (!result.ok) {
      row('lighthouse', name, 'échec');
      continue;
    }
    const report = JSON.parse(await readFile(output, 'utf8')) as LighthouseReport;
    const score = (key: string) => Math.round((report.categories[key]?.score ?? 0) * 100);
    const audit = (key: string) => report.audits[key]?.numericValue ?? NaN;
    const scores = { performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'), seo: score('seo') };
    const metrics = { lcpMs: audit('largest-contentful-paint'), cls: audit('cumulative-layout-shift'), tbtMs: audit('total-blocking-time') };
    reports[name] = { scores, metrics };
    row('lighthouse', name, `perf ${scores.performance}, a11y ${scores.accessibility}, pratiques ${scores.bestPractices}, SEO ${scores.seo}`, `LCP ${fixed(metrics.lcpMs)} ms, CLS ${fixed(metrics.cls, 3)}, TBT ${fixed(metrics.tbtMs)} ms`);
    target(`${name} : Lighthouse performance ≥ 98`, scores.performance >= 98, `${scores.performance}`);
    target(`${name} : accessibilité, pratiques, SEO = 100`, scores.accessibility === 100 && scores.bestPractices === 100 && scores.seo === 100, `${scores.accessibility}/${scores.bestPractices}/${scores.seo}`);
    target(`${name} : CLS = 0`, metrics.cls === 0, fixed(metrics.cls, 3));
  }
  figures.lighthouse = reports;
}

// ---------------------------------------------------------------------------

function markdownTable(): string {
  const lines = ['| section | mesure | valeur | détail |', '|---|---|---|---|'];
  for (const entry of rows) lines.push(`| ${entry.section} | ${entry.name} | ${entry.value} | ${entry.note ?? ''} |`);
  lines.push('', '| cible | résultat | mesuré |', '|---|---|---|');
  for (const entry of targets) lines.push(`| ${entry.name} | ${entry.pass ? 'PASS' : 'FAIL'} | ${entry.measured} |`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------
// 3d. A new 24-megapixel photo, first made (bench/measurePhoto.ts)
// ---------------------------------------------------------------------------

interface PhotoFigures {
  megapixels: number;
  bytes: number;
  inspectMs: number;
  webp1280Ms: number;
  avif1280Ms: number;
  jpeg1920Ms: number;
  crop16x9Ms: number;
  cachedWebpMs: number;
  peakRssMb: number;
  rssAboveStartMb: number;
}

function benchNewPhoto(): void {
  console.log('\n3d. Une nouvelle photo de 24 mégapixels (médiane de 3 processus)');
  const runs = Array.from({ length: quick ? 1 : 3 }, () => JSON.parse(run('npx', ['tsx', 'bench/measurePhoto.ts']).stdout.trim().split('\n').at(-1) ?? '{}') as PhotoFigures);
  const of = (key: keyof PhotoFigures) => median(runs.map((entry) => entry[key]));
  figures.newPhoto = runs;
  row('photos', `photo de ${fixed(of('megapixels'))} Mpx (${fixed(of('bytes') / 1e6, 1)} Mo) : contrôle de l’en-tête et de la structure`, `${fixed(of('inspectMs'), 1)} ms`);
  row('photos', '1re variante WebP 1280 px', `${fixed(of('webp1280Ms'))} ms`);
  row('photos', '1re variante AVIF 1280 px', `${fixed(of('avif1280Ms'))} ms`);
  row('photos', '1re variante JPEG 1920 px (flux)', `${fixed(of('jpeg1920Ms'))} ms`);
  row('photos', '1er recadrage 16:9 1200 px (JSON-LD)', `${fixed(of('crop16x9Ms'))} ms`);
  row('photos', 'la même variante WebP, du cache', `${fixed(of('cachedWebpMs'), 2)} ms`);
  row('photos', 'pic de RSS du processus', `${fixed(of('peakRssMb'))} Mo`, `+${fixed(of('rssAboveStartMb'))} Mo au-dessus du départ`);
  target('1re variante d’une photo de 24 Mpx ≤ 1 s', Math.max(of('webp1280Ms'), of('avif1280Ms'), of('jpeg1920Ms')) <= 1_000, `${fixed(Math.max(of('webp1280Ms'), of('avif1280Ms'), of('jpeg1920Ms')))} ms au plus`);
  target('pic de RSS ≤ 512 Mo pour une photo de 24 Mpx', of('peakRssMb') <= 512, `${fixed(of('peakRssMb'))} Mo`);
}

async function main(): Promise<void> {
  const started = new Date();
  console.log(`kiosque bench${quick ? ' (--quick)' : ''}: ${os.cpus().length} cœurs, ${fixed(os.totalmem() / 1024 ** 3)} Go, Node ${process.version}`);
  if (!existsSync('tests/.corpus/summary.json')) run('node', ['scripts/generate-fixture-corpus.mjs', 'tests/.corpus']);
  await mkdir('bench/results', { recursive: true });
  await mkdir('bench/.cache', { recursive: true });
  if (runs('index')) await benchIndex();
  if (runs('search')) await benchSearch();
  if (runs('store')) await benchStore();
  if (runs('build')) {
    await benchBuild();
    const served = await benchServing(Math.min(...BUILD_SIZES));
    benchNewPhoto();
    await benchReplicas(Math.min(...BUILD_SIZES), served);
  }
  if (runs('csp')) await benchCsp(Math.min(...BUILD_SIZES));

  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: os.totalmem() / 1024 ** 3, node: process.version };
  const name = `${quick ? 'quick' : 'latest'}${only ? `-${only}` : ''}`;
  await writeFile(`bench/results/${name}.json`, `${JSON.stringify({ date: started.toISOString(), quick, machine, rows, targets, figures }, null, 2)}\n`);
  await writeFile(
    `bench/results/${name}.md`,
    `# kiosque bench, ${started.toISOString().slice(0, 10)}${quick ? ' (--quick)' : ''}\n\n${machine.cpus} cœurs (${machine.cpuModel ?? '?'}), ${fixed(machine.memoryGb)} Go, Node ${machine.node}. Commande : \`npm run bench${quick || only ? ` --${quick ? ' --quick' : ''}${only ? ` --only=${only}` : ''}` : ''}\`.\n\n${markdownTable()}\n`,
  );
  const failed = targets.filter((entry) => !entry.pass).length;
  console.log(`\n${targets.length - failed} cibles atteintes, ${failed} manquées ; bench/results/${name}.md`);
}

await main();
