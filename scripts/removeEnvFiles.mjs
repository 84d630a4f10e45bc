// `next build` copies the checkout's `.env` and `.env.production` into the
// standalone server (`<distDir>/standalone/`), so that it would ship whatever
// secrets they hold (the compose `.env` holds two) inside any image or copy of
// the build. This removes every `.env*` file from it; scripts/start.mjs reads
// the checkout's `.env` at run time instead, so a local `npm start` still sees it.
//   node scripts/removeEnvFiles.mjs [distDir]
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Removes the `.env*` files of a standalone output, at any depth; returns their paths. */
export function removeEnvFiles(standaloneDir) {
  let entries;
  try {
    entries = readdirSync(standaloneDir, { recursive: true, withFileTypes: true });
  } catch {
    return []; // no standalone output (a build without `output: 'standalone'`)
  }
  const removed = entries.filter((entry) => entry.isFile() && entry.name.startsWith('.env')).map((entry) => path.join(entry.parentPath, entry.name));
  for (const file of removed) rmSync(file);
  return removed;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const distDir = process.argv[2] ?? process.env.NEXT_DIST_DIR ?? '.next';
  const removed = removeEnvFiles(path.join(distDir, 'standalone'));
  if (removed.length > 0) console.log(`removeEnvFiles : retiré de la sortie standalone : ${removed.join(', ')}`);
}
