// 3. Serving: `next start` on the served build, each page loaded against two floors
// serving the article's exact bytes, and the first request of never-rendered articles.
import path from 'node:path';
import { rm, writeFile } from 'node:fs/promises';
import { freePort, waitForHttp } from '../../lib/cache/testing/processes';
import { load, type LoadFigures, percentile } from '../load';
import type { Pages } from '../pages';
import { fixed, SectionReport, type SectionResult } from '../report';
import { fetchBytes, spawnGroup, startNext, stopGroup } from '../servers';
import { CONNECTIONS, LOAD_RUNS, LOAD_SECONDS, SERVED_SIZE } from '../settings';

const FLOOR_FILE = 'public/__bench-floor.html';
const PHOTO_FLOOR_FILE = 'public/__bench-photo.webp';
/** What Chromium asks for an image: the photo route negotiates WebP for it (AVIF is measured apart, in section 3d). */
const WEBP_ACCEPT = { Accept: 'image/webp,image/*,*/*;q=0.8' };

async function coldRenders(base: string, urls: string[]): Promise<number[]> {
  const times: number[] = [];
  for (const url of urls) {
    const start = performance.now();
    await fetchBytes(`${base}${url}`);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

/** The served build on `port`, with `env` (its build's): the server is stopped before this returns. */
export async function benchServing({ port, env, pages }: { port: number; env: Record<string, string>; pages: Pages }): Promise<SectionResult> {
  const report = new SectionReport(
    `3. Service (${CONNECTIONS} connexions, ${LOAD_SECONDS} s par page, médiane de ${LOAD_RUNS}, corpus de ${SERVED_SIZE} articles)`,
  );
  // Next serves only the public/ files present when it starts: fetch the article's
  // bytes and its hero, put them in public/, then start again for the measures.
  const first = await startNext(port, env);
  const html = await fetchBytes(`${first.base}${pages.article}`);
  // The hero at 1080 px, as the photo route sends it from its cache, and the same bytes as a file of public/.
  const photoPath = /\/photos\/[0-9a-f]{16}\/w1080\/[^"\s,]+/.exec(html.toString())?.[0];
  const photoBytes = photoPath ? await fetchBytes(`${first.base}${photoPath}`, WEBP_ACCEPT) : undefined;
  await first.stop();
  if (!photoPath || !photoBytes) throw new Error('no 1080 px photo variant on the article page');
  await writeFile(FLOOR_FILE, html);
  await writeFile(PHOTO_FLOOR_FILE, photoBytes);
  const server = await startNext(port, env);
  const floorPort = await freePort();
  const floor = spawnGroup(process.execPath, ['bench/floorServer.mjs', FLOOR_FILE, String(floorPort)], {});
  try {
    const base = server.base;
    // One old article first, so loading the route's code is not counted as rendering.
    const [warmUp, ...oldArticles] = pages.oldArticles;
    if (warmUp) await coldRenders(base, [warmUp]);
    const cold = await coldRenders(base, oldArticles);
    report.figure('coldRender', cold);
    report.row(
      'service',
      `1re requête d’un article jamais rendu (${cold.length})`,
      `p50 ${fixed(percentile(cold, 50))} ms, p99 ${fixed(percentile(cold, 99))} ms`,
    );
    report.target('1re requête d’un vieil article ≤ 100 ms au p99', percentile(cold, 99) <= 100, `${fixed(percentile(cold, 99))} ms`);

    await waitForHttp(`http://127.0.0.1:${floorPort}/`);
    const urls: [string, string][] = [
      ['plancher : fichier statique de public/ (next start)', `${base}/${path.basename(FLOOR_FILE)}`],
      ['plancher : node:http en mémoire', `http://127.0.0.1:${floorPort}/`],
      ['article', `${base}${pages.article}`],
      ['une', `${base}/`],
      ['tag', `${base}${pages.tag}`],
      ['recherche', `${base}/recherche?q=intelligence+artificielle`],
      ['flux RSS', `${base}/rss.xml`],
    ];
    const results = new Map<string, LoadFigures>();
    for (const [name, url] of urls) {
      await fetchBytes(url); // warm: the first render is not what is measured
      results.set(name, await load(url));
    }
    // Photos: the same WebP bytes from the photo route's memory cache and as a static file.
    const photoFloor = await load(`${base}/${path.basename(PHOTO_FLOOR_FILE)}`, WEBP_ACCEPT);
    await fetchBytes(`${base}${photoPath}`, WEBP_ACCEPT);
    const photo = await load(`${base}${photoPath}`, WEBP_ACCEPT);
    report.figure('photoServing', { floor: photoFloor, photo, bytes: photoBytes.length });
    report.row(
      'photos',
      `plancher : la même photo WebP (${fixed(photoBytes.length / 1024)} Ko) dans public/`,
      `${fixed(photoFloor.rps)} req/s, p50 ${photoFloor.p50} ms, p99 ${photoFloor.p99} ms`,
    );
    report.row(
      'photos',
      'photo optimisée servie du cache (/photos/…/w1080)',
      `${fixed(photo.rps)} req/s, p50 ${photo.p50} ms, p99 ${photo.p99} ms`,
      `× ${fixed(photo.rps / photoFloor.rps, 2)} du fichier statique${photo.errors + photo.non2xx > 0 ? `, ${photo.errors} erreurs, ${photo.non2xx} non-2xx` : ''}`,
    );
    report.target('photo du cache ≥ 0,3 × le même fichier statique', photo.rps >= 0.3 * photoFloor.rps, `× ${fixed(photo.rps / photoFloor.rps, 2)}`);
    report.figure('serving', Object.fromEntries(results));
    const nextFloor = results.get(urls[0]?.[0] ?? '');
    const memoryFloor = results.get(urls[1]?.[0] ?? '');
    for (const [name, result] of results) {
      const ratios =
        nextFloor && memoryFloor
          ? `× ${fixed(result.rps / nextFloor.rps, 2)} du plancher Next, × ${fixed(result.rps / memoryFloor.rps, 3)} du plancher mémoire`
          : '';
      report.row(
        'service',
        name,
        `${fixed(result.rps)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms`,
        `${ratios}${result.errors + result.non2xx > 0 ? `, ${result.errors} erreurs, ${result.non2xx} non-2xx` : ''}`,
      );
    }
    if (nextFloor) {
      for (const name of ['article', 'une']) {
        const result = results.get(name);
        if (!result) continue;
        report.target(`${name} ≥ 0,5 × plancher Next`, result.rps >= 0.5 * nextFloor.rps, `× ${fixed(result.rps / nextFloor.rps, 2)}`);
        report.target(`${name} p99 ≤ 3 × p99 du plancher`, result.p99 <= 3 * Math.max(1, nextFloor.p99), `${result.p99} ms pour ${nextFloor.p99} ms`);
      }
      for (const name of ['tag', 'recherche', 'flux RSS']) {
        const result = results.get(name);
        if (result) report.target(`${name} ≥ 0,3 × plancher Next`, result.rps >= 0.3 * nextFloor.rps, `× ${fixed(result.rps / nextFloor.rps, 2)}`);
      }
    }
  } finally {
    await Promise.all([server.stop(), stopGroup(floor)]);
    await rm(FLOOR_FILE, { force: true });
    await rm(PHOTO_FLOOR_FILE, { force: true });
  }
  return report.result();
}
