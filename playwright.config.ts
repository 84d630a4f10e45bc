import { defineConfig } from '@playwright/test';
import { HOSTILE_SERVER } from './tests/e2e/hostile/hostileServer';
import { LIVE_SERVER } from './tests/e2e/live/liveServer';
import { WATCH_SERVER } from './tests/e2e/watch/watchServer';
import servers from './tests/e2e/servers.json' with { type: 'json' };

// scripts/test.mjs finds a system Chromium and passes it here; Playwright cannot download its own.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Two production builds side by side, the shipped content and the generated
// fixture corpus; scripts/test.mjs builds each with the same SITE_URL.
const baseUrl = (port: number) => `http://127.0.0.1:${port}`;

const live = LIVE_SERVER;
const hostile = HOSTILE_SERVER;
const watching = WATCH_SERVER;

/**
 * A server on copies of the corpus build and of its content, which its tests
 * change (`addContent`: shell steps run on the copy before it starts).
 */
function copyOfCorpusServer(
  server: { port: number; distDir: string; contentDir: string; secrets: { revalidate: string } },
  options: { addContent?: string[]; env?: Record<string, string>; output: 'pipe' | 'ignore' },
) {
  return {
    command: [
      `rm -rf ${server.distDir} ${server.contentDir}`,
      `cp -r ${servers.corpus.distDir} ${server.distDir}`,
      `cp -r ${servers.corpus.contentDir} ${server.contentDir}`,
      ...(options.addContent ?? []),
      `npx next start --hostname 127.0.0.1 --port ${server.port}`,
    ].join(' && '),
    url: `${baseUrl(server.port)}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      TZ: 'America/New_York',
      NEXT_DIST_DIR: server.distDir,
      CONTENT_DIR: server.contentDir,
      // The build it copies was made for the corpus server's address.
      SITE_URL: baseUrl(servers.corpus.port),
      REVALIDATE_SECRET: server.secrets.revalidate,
      ...options.env,
    },
    stdout: options.output,
    stderr: options.output,
  };
}

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  outputDir: 'test-results/playwright',
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    browserName: 'chromium',
    locale: 'fr-FR',
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
  },
  projects: [
    ...Object.entries(servers).map(([name, server]) => ({
      name,
      // Each project's own specs, plus the crawler checks that run on both.
      testMatch: [`${name}/**/*.spec.ts`, 'crawlers/**/*.spec.ts'],
      use: { baseURL: baseUrl(server.port) },
    })),
    { name: 'live', testMatch: ['live/**/*.spec.ts'], testIgnore: ['live/photos.spec.ts'], use: { baseURL: baseUrl(live.port) } },
    // The same server and content folder: after the publishing tests, never beside them.
    { name: 'live-photos', testMatch: ['live/photos.spec.ts'], dependencies: ['live'], use: { baseURL: baseUrl(live.port) } },
    { name: 'hostile', testMatch: ['hostile/**/*.spec.ts'], use: { baseURL: baseUrl(hostile.port) } },
    { name: 'watch', testMatch: ['watch/**/*.spec.ts'], use: { baseURL: baseUrl(watching.port) } },
    // Starts its own deployment (Redis, two standalone replicas, nginx): tests/e2e/replicas/replicaStack.ts.
    { name: 'replicas', testMatch: ['replicas/**/*.spec.ts'] },
  ],
  webServer: [
    ...Object.values(servers).map((server) => ({
      // The production builds made by `npm test` (next build), served on loopback only.
      command: `npx next start --hostname 127.0.0.1 --port ${server.port}`,
      url: `${baseUrl(server.port)}/`,
      reuseExistingServer: false,
      timeout: 60_000,
      // A server far from Paris: pages must still show Paris time.
      env: { TZ: 'America/New_York', NEXT_DIST_DIR: server.distDir, CONTENT_DIR: server.contentDir, SITE_URL: baseUrl(server.port) },
      stdout: 'pipe' as const,
      stderr: 'pipe' as const,
    })),
    // Its tests call the revalidate API and compare what it answers: the content watcher would answer first.
    copyOfCorpusServer(live, { env: { DRAFT_SECRET: live.secrets.draft, CONTENT_WATCH: 'off' }, output: 'pipe' }),
    // As `npm start` runs: the content watcher revalidates on its own.
    copyOfCorpusServer(watching, { output: 'pipe' }),
    // The hostile server logs every rejected fixture: expected, and long.
    copyOfCorpusServer(hostile, {
      // Only the Markdown fixtures, in a folder of their own (sub-folders kept: two share a slug).
      addContent: [`cp -r tests/hostile ${hostile.contentDir}/articles/hostile`, `find ${hostile.contentDir}/articles/hostile -type f ! -name '*.md' -delete`],
      output: 'ignore',
    }),
  ],
});
