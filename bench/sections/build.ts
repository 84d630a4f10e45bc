// 2. Build: `next build` at each size, from nothing and again with the last build's cache.
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fixed, SectionReport, type SectionResult } from '../report';
import { scaleCorpus } from '../scaleCorpus';
import { folderBytes, lastJsonLine, run } from '../servers';
import { BUILD_SIZES, buildEnv, corpusDir, SERVED_SIZE } from '../settings';

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

function timedBuild(env: Record<string, string>, count: number): BuildFigures {
  const timed = existsSync('/usr/bin/time');
  const build = timed ? run('/usr/bin/time', ['-f', 'peak-kb %M', 'npx', 'next', 'build'], env) : run('npx', ['next', 'build'], env);
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
  await writeFile(
    path.join(folder, newest),
    text.replace(/^title: "(.*)"$/m, (_, title: string) => `title: "${title}, corrigé"`),
  );
  await writeFile(path.join(folder, `ajout-du-jour-${count}.md`), text.replace(/^title: "(.*)"$/m, 'title: "Un article ajouté entre deux builds"'));
}

const seconds = (ms: number) => `${fixed(ms / 1000, 1)} s`;
const peak = (figures: BuildFigures) => (figures.peakRssMb === undefined ? '' : `, ${fixed(figures.peakRssMb)} Mo RSS au pic`);

interface FloorFigures {
  articles: number;
  frontMatterMs: number;
  markdownMs: number;
  parseMs: number;
  searchMs: number;
}

/**
 * Why the build from nothing is bounded by what it does per article: what
 * the steps no build from nothing can skip cost on their own
 * (bench/measureBuildFloor.ts, on the corpus of `count` articles, one core)
 * and, with the 1,000 and 10,000 builds, the cost of an article in them, the
 * fixed part they share and the cost an article may have for 100,000 to take
 * ≤ 2 × 10,000.
 */
function floorRows(report: SectionReport, count: number, builds?: { build1000Ms: number; build10000Ms: number }): void {
  const floor = lastJsonLine<FloorFigures>(
    run('npx', ['tsx', 'bench/measureBuildFloor.ts', corpusDir(count), 'bench/.cache/build-floor.sqlite'], { NODE_ENV: 'production' }),
  );
  const unavoidableMs = floor.frontMatterMs + floor.markdownMs + floor.searchMs;
  const ms = (value: number) => `${fixed(value, 2)} ms`;
  if (builds) {
    const perArticleMs = (builds.build10000Ms - builds.build1000Ms) / 9_000;
    const fixedMs = builds.build1000Ms - 1_000 * perArticleMs;
    // F + 100,000 c ≤ 2 (F + 10,000 c)  ⇔  c ≤ F / 80,000
    const budgetMs = fixedMs / 80_000;
    report.figure('buildBudget', { perArticleMs, fixedMs, budgetMs });
    report.row(
      'build',
      'build sans cache : coût d’un article',
      ms(perArticleMs),
      `pente entre 1 000 et 10 000 articles, au-delà d’une partie fixe de ${seconds(fixedMs)}`,
    );
    report.row('build', 'build sans cache : budget d’un article pour ≤ 2 ×', ms(budgetMs), `partie fixe / 80 000 (F + 100 000 c ≤ 2 × (F + 10 000 c))`);
  }
  report.figure('buildFloor', { ...floor, unavoidableMs });
  report.row(
    'build',
    'build sans cache : plancher d’un article, un cœur',
    ms(unavoidableMs),
    `front matter lu et validé ${ms(floor.frontMatterMs)}, Markdown analysé seul ${ms(floor.markdownMs)}, texte indexé ${ms(floor.searchMs)} ; le parse entier ${ms(floor.parseMs)} (${floor.articles} articles)`,
  );
}

/**
 * Builds every size, the largest first; the smallest last into `servedDistDir`,
 * for `siteUrl`, where the serving sections then serve it (left on disk).
 */
export async function benchBuild({ servedDistDir, siteUrl }: { servedDistDir: string; siteUrl: string }): Promise<SectionResult> {
  const report = new SectionReport('2. Build');
  const measured = new Map<string, BuildFigures>();
  for (const count of [...BUILD_SIZES].sort((a, b) => b - a)) {
    if (!existsSync(corpusDir(count))) await scaleCorpus('tests/.corpus', corpusDir(count), count);
    const distDir = count === SERVED_SIZE ? servedDistDir : `.next-bench-${count}`;
    const env = buildEnv(count, distDir, siteUrl);
    await rm(distDir, { recursive: true, force: true });
    const cold = timedBuild(env, count);
    const bytes = await folderBytes(distDir);
    measured.set(`build${count}`, cold);
    report.figure(`build${count}`, { ...cold, bytes });
    report.row(
      'build',
      `next build ${count} articles, sans cache`,
      seconds(cold.ms),
      `${fixed(bytes / 1024 / 1024)} Mo dans ${distDir}${peak(cold)}${count === 10_000 ? ` ; avant : ${seconds(BEFORE_BUILD_10000_MS)}` : ''}`,
    );
    if (count === SERVED_SIZE) continue;
    // Again on the same folder: the cache a CI keeps between builds (`<distDir>/cache/`) holds the last build's parses, snapshot and search index.
    await editCorpus(count);
    const again = timedBuild(env, count);
    measured.set(`rebuild${count}`, again);
    report.figure(`rebuild${count}`, again);
    report.row(
      'build',
      `next build ${count} articles, cache gardé`,
      seconds(again.ms),
      `cache du build précédent ; un article corrigé, un ajouté${peak(again)}`,
    );
    await rm(distDir, { recursive: true, force: true });
    // Edited, and gigabytes for the largest: made again at the next run.
    await rm(corpusDir(count), { recursive: true, force: true });
  }
  const of = (name: string) => measured.get(name)?.ms ?? Number.NaN;
  if (BUILD_SIZES.includes(10_000)) {
    const ratio = of('build10000') / of(`build${SERVED_SIZE}`);
    report.target(`build 10000 articles borné (≤ 3 × celui de ${SERVED_SIZE})`, ratio <= 3, `× ${fixed(ratio, 2)}`);
    report.target(
      'build 10000 articles pas plus lent qu’avant',
      of('build10000') <= BEFORE_BUILD_10000_MS,
      `${seconds(of('build10000'))}, avant ${seconds(BEFORE_BUILD_10000_MS)}`,
    );
  }
  if (BUILD_SIZES.includes(100_000)) {
    const cold = of('build100000') / of('build10000');
    const again = of('rebuild100000') / of('rebuild10000');
    report.target(
      'build 100000 articles ≤ 2 × celui de 10000, cache du build précédent',
      again <= 2,
      `× ${fixed(again, 2)} (${seconds(of('rebuild100000'))} contre ${seconds(of('rebuild10000'))})`,
    );
    report.target(
      'build 100000 articles ≤ 2 × celui de 10000, sans cache',
      cold <= 2,
      `× ${fixed(cold, 2)} (${seconds(of('build100000'))} contre ${seconds(of('build10000'))})`,
    );
  }
  floorRows(
    report,
    SERVED_SIZE,
    BUILD_SIZES.includes(1_000) && BUILD_SIZES.includes(10_000) ? { build1000Ms: of('build1000'), build10000Ms: of('build10000') } : undefined,
  );
  return report.result();
}
