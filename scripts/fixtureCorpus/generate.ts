// Writes a realistic, deterministic content folder for tests: 51 French articles and a
// draft over six sections, four authors, a dossier, and the real first article with its
// author, so search, section, tag, author and listing tests run against more than one file.
//
//   npm run corpus -- [folder]     (default: tests/.corpus)
//
// The folder is deleted and rebuilt with `articles/`, `authors/`, `dossiers/`, `images/` and
// `summary.json`; point CONTENT_DIR at it to serve or test it. Every run writes the same
// files (one seeded PRNG, no locale), so a failing test can be replayed exactly, with one
// exception: the breaking news of data/recentArticles.yaml is dated hours before the run,
// since the Google News sitemap lists only the last two days. The summary (also printed as
// one JSON line) gives the counts, every article's facts and the slugs planted for search
// tests, so the browser tests read them instead of hard-coding them.
//
// The prose and the choices are in data/ (each file says what its fields do); the code:
// tables.ts reads and checks them, articles.ts draws each article, body.ts its body,
// dates.ts its dates, files.ts writes the Markdown, summary.ts the summary and the checks.
//
// A TEST ORACLE: the browser tests hold the site to summary.json, so what the summary
// states must not come from the code under test. Computed here, independently of lib/:
//   - every instant (publication, corrections, live entries) and the anchors of live
//     entries: from Paris wall-clock times with the time-zone database (parisClock.ts),
//     never lib/dates/. The site reads the same files with lib/dates/; were both sides to
//     use it, a wrong offset would agree with itself. The real article's date is read
//     with Date.parse, its offset being written.
//   - which articles are public (drafts out), the counts by section, tag and author, the
//     newest-first order and the dossiers' parts: plain filters and sorts of what was
//     written, never lib/content/'s index.
// Taken from lib/ on purpose, as rules the corpus must share with the site rather than
// check: slugify, slugifyTitle and SLUG_PATTERN (the summary keys sections and tags by
// the site's addresses), ARTICLE_TYPES, and parseFrontMatter (the real files' fields).
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildArticles } from './articles';
import { renderArticleFile, renderAuthorFile, renderDossierFile } from './files';
import { createRandom } from './random';
import { readRealContent } from './realContent';
import { checkCorpus, summarize, type CorpusSummary } from './summary';
import { ARTICLE_SPECS, AUTHORS, DOSSIERS } from './tables';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..');
const DEFAULT_FOLDER = path.join(PROJECT_ROOT, 'tests', '.corpus');
const SEED = 20240206;

const CORPUS_ENTRIES = new Set(['articles', 'authors', 'dossiers', 'images', 'summary.json']);

/** The folder is deleted first: refuse anything that does not look like an earlier corpus. */
async function assertReplaceable(folder: string): Promise<void> {
  if (folder === path.parse(folder).root || folder === PROJECT_ROOT) throw new Error(`refusing to replace ${folder}`);
  let entries: string[];
  try {
    entries = await readdir(folder);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return;
    throw error;
  }
  const foreign = entries.filter((entry) => !CORPUS_ENTRIES.has(entry));
  if (foreign.length > 0) throw new Error(`refusing to delete ${folder}: it holds ${foreign.join(', ')}, not only a fixture corpus`);
}

/** Deletes and rewrites `folder` with the corpus; returns the summary also written to summary.json. */
export async function generateFixtureCorpus(folder: string = DEFAULT_FOLDER, now: Date = new Date()): Promise<CorpusSummary> {
  const target = path.resolve(folder);
  const real = await readRealContent(PROJECT_ROOT);
  const written = buildArticles(createRandom(SEED), ARTICLE_SPECS, new Set([real.article.publishedAt.epoch]), now);
  checkCorpus(written, real.article);
  const summary = summarize(written, real.article, [...AUTHORS, real.author]);

  await assertReplaceable(target);
  await rm(target, { recursive: true, force: true });
  await Promise.all(['articles', 'authors', 'dossiers'].map((entry) => mkdir(path.join(target, entry), { recursive: true })));
  await Promise.all([
    ...written.map((article) => writeFile(path.join(target, 'articles', `${article.slug}.md`), renderArticleFile(article))),
    ...AUTHORS.map((author) => writeFile(path.join(target, 'authors', `${author.slug}.md`), renderAuthorFile(author))),
    ...DOSSIERS.map((dossier) => writeFile(path.join(target, 'dossiers', `${dossier.slug}.md`), renderDossierFile(dossier))),
    writeFile(path.join(target, 'articles', `${real.article.slug}.md`), real.articleText),
    writeFile(path.join(target, 'authors', `${real.author.slug}.md`), real.authorText),
    writeFile(path.join(target, 'summary.json'), `${JSON.stringify(summary)}\n`),
    cp(path.join(PROJECT_ROOT, 'content', 'images'), path.join(target, 'images'), { recursive: true }),
  ]);
  return summary;
}

const runDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (runDirectly) {
  const summary = await generateFixtureCorpus(process.argv[2] ?? DEFAULT_FOLDER);
  console.log(JSON.stringify(summary));
}
