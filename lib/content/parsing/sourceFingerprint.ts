import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A hash of the code that turns Markdown into articles (everything under
 * `lib/`, and the locked dependency versions) and of `SITE_URL`, which decides
 * which body links are external: the persistent content cache is valid only
 * for the exact parser that wrote it. Computed where the sources are on disk
 * (next.config.ts, the bench), never inside a bundle.
 */
export function sourceFingerprint(projectRoot: string): string {
  const hash = createHash('sha256');
  const libDir = path.join(projectRoot, 'lib');
  const files = readdirSync(libDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .sort();
  for (const file of files) hash.update(file).update(readFileSync(path.join(libDir, file)));
  hash.update(readFileSync(path.join(projectRoot, 'package-lock.json')));
  hash.update(process.env.SITE_URL ?? '');
  return hash.digest('hex').slice(0, 16);
}
