import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import servers from '../servers.json' with { type: 'json' };

/** Every file under a folder, by path. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

// The test command builds with a `.env.production` in the checkout, as a deployment's
// checkout holds one (scripts/test.mjs); `next build` copies such files into the standalone server.
for (const [name, { distDir }] of Object.entries(servers)) {
  test(`the ${name} build's standalone server holds no .env file, nor what the checkout's said`, () => {
    const standalone = path.join(distDir, 'standalone');
    const files = filesUnder(standalone);
    expect(files.some((file) => file.endsWith('server.js'))).toBe(true);
    expect(files.filter((file) => path.basename(file).startsWith('.env'))).toStrictEqual([]);
    const serverFiles = files.filter((file) => file.startsWith(path.join(standalone, distDir, 'server')) && /\.(js|json)$/.test(file));
    expect(serverFiles.length).toBeGreaterThan(0);
    expect(serverFiles.filter((file) => readFileSync(file, 'utf8').includes('dans-le-depot'))).toStrictEqual([]);
  });
}

// The image holds the code only (README, Deployment): articles and photos come from CONTENT_DIR at run time.
for (const [name, { distDir }] of Object.entries(servers)) {
  test(`the ${name} build's standalone server holds no content, tests, bench results or test files`, () => {
    const standalone = path.join(distDir, 'standalone');
    const relative = filesUnder(standalone).map((file) => path.relative(standalone, file).split(path.sep).join('/'));
    expect(relative).toContain('lib/cache/siteCache.ts');
    const strays = relative.filter(
      (file) => /^(content|tests|bench|test-results|app|scripts|deploy)\//.test(file) || /^lib\/.*(\.test\.ts$|\/testing\/)/.test(file),
    );
    expect(strays).toStrictEqual([]);
  });
}
