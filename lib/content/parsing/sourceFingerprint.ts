import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The modules whose code decides what is stored under the fingerprint: the
 * loader (parses, stored parses, the snapshot), the build's state and the
 * search index. Everything they import, however deep, is hashed with them.
 */
const STORED_BY = ['lib/content/index/contentIndex.ts', 'lib/content/index/buildState.ts', 'lib/search/searchIndex.ts'];

/**
 * A hash of the code that turns Markdown into what is stored (the modules
 * above and every module of the project they import, and the locked version
 * of every package those import, with the packages those depend on), of
 * Node's version and of `SITE_URL`, which decides which body links are
 * external: the persistent content cache, the snapshot and the search index
 * are valid only for the exact parser that wrote them. A change elsewhere (a
 * page, a component, the shared cache, a tool of the tests) keeps them, so
 * the next build and the next image read only the files that changed.
 * Computed where the sources are on disk (next.config.ts, the bench), never
 * inside a bundle.
 */
export function sourceFingerprint(projectRoot: string): string {
  const hash = createHash('sha256');
  const { files, packages } = importClosure(projectRoot, STORED_BY.filter((entry) => existsSync(path.join(projectRoot, entry))));
  for (const file of files) hash.update(path.relative(projectRoot, file)).update('\0').update(readFileSync(file)).update('\0');
  const lock = JSON.parse(readFileSync(path.join(projectRoot, 'package-lock.json'), 'utf8')) as PackageLock;
  for (const locked of lockedClosure(lock, packages)) hash.update(locked).update('\n');
  hash.update(process.versions.node).update('\0');
  hash.update(process.env.SITE_URL ?? '');
  return hash.digest('hex').slice(0, 16);
}

/** `from '…'`, `import '…'`, `import('…')`: static and dynamic imports, and re-exports. */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"\n]+)['"]/g;

/** The project's modules reachable from `entries` by relative imports (sorted), and the packages they import by name. */
export function importClosure(projectRoot: string, entries: readonly string[]): { files: string[]; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const waiting = entries.map((entry) => path.resolve(projectRoot, entry));
  for (let file = waiting.pop(); file !== undefined; file = waiting.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    for (const [, specifier = ''] of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      if (specifier.startsWith('.')) {
        const found = moduleFile(path.resolve(path.dirname(file), specifier));
        if (found) waiting.push(found);
      } else if (!specifier.startsWith('node:')) {
        const [scope = '', name = ''] = specifier.split('/');
        packages.add(scope.startsWith('@') ? `${scope}/${name}` : scope);
      }
    }
  }
  return { files: [...files].sort(), packages };
}

/** The file an extensionless relative import names, as TypeScript resolves it. */
function moduleFile(base: string): string | undefined {
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

interface LockedPackage {
  version?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

interface PackageLock {
  packages?: Record<string, LockedPackage>;
}

/**
 * Each package of `names` as the lockfile installs it, and every package it
 * depends on, found as Node finds them (the nearest `node_modules` up the
 * tree): `path version integrity`, sorted.
 */
export function lockedClosure(lock: PackageLock, names: Iterable<string>): string[] {
  const packages = lock.packages ?? {};
  const found = new Set<string>();
  const resolve = (name: string, from: string): string | undefined => {
    for (let base = from; ; base = base.slice(0, Math.max(0, base.lastIndexOf('/node_modules/')))) {
      const candidate = base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`;
      if (packages[candidate]) return candidate;
      if (base === '') return undefined;
    }
  };
  const waiting: string[] = [];
  const follow = (name: string, from: string) => {
    const location = resolve(name, from);
    if (location !== undefined) waiting.push(location);
  };
  for (const name of names) follow(name, '');
  for (let location = waiting.pop(); location !== undefined; location = waiting.pop()) {
    if (found.has(location)) continue;
    found.add(location);
    const { dependencies = {}, optionalDependencies = {}, peerDependencies = {} } = packages[location] ?? {};
    for (const name of Object.keys({ ...dependencies, ...optionalDependencies, ...peerDependencies })) follow(name, location);
  }
  return [...found].sort().map((location) => `${location} ${packages[location]?.version ?? ''} ${packages[location]?.integrity ?? ''}`);
}
