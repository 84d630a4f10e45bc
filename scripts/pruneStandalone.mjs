// What `next build` puts in the standalone server (`<distDir>/standalone/`) that
// the server never reads, and an image or a copy of the build must not carry:
// - the checkout's `.env` and `.env.production`, which Next copies in, so that
//   whatever secrets they hold (the compose `.env` holds two) would travel with
//   the build; scripts/start.mjs reads the checkout's `.env` at run time instead;
// - folders the tracer follows from the cache handler and instrumentation's
//   file reads (Turbopack's trace ignores outputFileTracingExcludes there): the
//   content folder (the server reads CONTENT_DIR), tests, bench and test
//   results, app/'s sources (compiled under .next/server), scripts, deploy, and
//   lib/'s tests and test helpers.
//   node scripts/pruneStandalone.mjs [distDir]
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Folders of the checkout that the standalone server never reads. */
const NOT_READ_BY_THE_SERVER = ['content', 'tests', 'bench', 'test-results', 'app', 'scripts', 'deploy'];

/**
 * A file under lib/ that only tests use.
 * @param {string} relative its path from the standalone folder, with forward slashes
 */
const isTestFile = (relative) => /^lib\/.*(\.test\.ts$|\/testing\/)/.test(relative);

/**
 * Removes them from a standalone output; returns the paths removed (a folder as one path).
 * @param {string} standaloneDir
 * @returns {string[]}
 */
export function pruneStandalone(standaloneDir) {
  let entries;
  try {
    entries = readdirSync(standaloneDir, { recursive: true, withFileTypes: true });
  } catch {
    return []; // no standalone output (a build without `output: 'standalone'`)
  }
  /** @param {import('node:fs').Dirent} entry */
  const relative = (entry) => path.relative(standaloneDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
  const files = entries.filter((entry) => entry.isFile());
  const removed = [
    ...files.filter((entry) => entry.name.startsWith('.env')).map((entry) => path.join(entry.parentPath, entry.name)),
    ...NOT_READ_BY_THE_SERVER.map((folder) => path.join(standaloneDir, folder)).filter((folder) => existsSync(folder)),
    ...files.filter((entry) => isTestFile(relative(entry))).map((entry) => path.join(entry.parentPath, entry.name)),
  ];
  for (const target of removed) rmSync(target, { recursive: true, force: true });
  return removed;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const distDir = process.argv[2] ?? process.env.NEXT_DIST_DIR ?? '.next';
  const removed = pruneStandalone(path.join(distDir, 'standalone'));
  if (removed.length > 0)
    console.log(`pruneStandalone : retiré de la sortie standalone : ${removed.map((target) => path.relative(distDir, target)).join(', ')}`);
}
