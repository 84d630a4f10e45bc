// `npm test`: every check, in the order a failure is cheapest to find, then one
// closing line `N passed, N failed` summing vitest and Playwright (a failed
// lint, typecheck or build counts as one failure each).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { findChromium } from './findChromium.mjs';
import { requireSupportedNode } from './supportedNode.mjs';

requireSupportedNode();

/**
 * What is read of the reports the steps write in test-results/.
 * @typedef {{ checks: { pass: boolean }[] }} ChecksReport dependencies.json, soak.json
 * @typedef {{ numPassedTests: number, numFailedTests: number }} VitestReport vitest.json
 * @typedef {{ stats: { expected: number, flaky: number, unexpected: number } }} PlaywrightReport playwright.json
 */

/**
 * The two production builds the browser tests run against (ports shared with playwright.config.ts).
 * @type {Record<string, { port: number, distDir: string, contentDir: string }>}
 */
const servers = JSON.parse(readFileSync('tests/e2e/servers.json', 'utf8'));
/** The variable the planted `.env.production` sets (see withEnvFileInCheckout). */
const ENV_FILE_MARKER = 'KIOSQUE_ENV_FILE_CHECK';

const results = { passed: 0, failed: 0 };
/** @type {string[]} */
const failedSteps = [];

/**
 * Runs one step, its output shown as it comes; a failure is recorded under `label`.
 * @param {string} label
 * @param {string} command
 * @param {string[]} args
 * @param {Record<string, string>} [env] added to this process's environment
 * @returns {boolean} whether the step passed
 */
function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (status !== 0) failedSteps.push(label);
  return status === 0;
}

/**
 * A report a step wrote, or undefined when the step wrote none or one that does not parse.
 * @template T what the caller expects the file to hold: not checked
 * @param {string} path
 * @returns {T | undefined}
 */
function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

async function ensureChromium() {
  const found = await findChromium();
  if (found) return found;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (canInstall) {
    console.log('\n▶ Aucun Chromium trouvé : installation du paquet Debian « chromium »');
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    return findChromium();
  }
  console.error(
    '\n✖ No Chromium found for the browser tests.\n' +
      '  Install it with: sudo apt-get update && sudo apt-get install -y chromium\n' +
      '  or point CHROMIUM_PATH at a Chromium or Chrome executable.',
  );
  return undefined;
}

/** The shared cache and the caching proxy are real servers from Debian's packages (lib/cache/, tests/e2e/replicas/), openssl makes the proxy's local certificate; wrk loads nginx in the bench. */
function ensureServerPackages() {
  /** @param {string} name */
  const commandExists = (name) => spawnSync('sh', ['-c', `command -v ${name} || test -x /usr/sbin/${name}`], { stdio: 'ignore' }).status === 0;
  const missing = /** @type {[string, string][]} */ ([
    ['redis-server', 'redis-server'],
    ['nginx', 'nginx'],
    ['openssl', 'openssl'],
    ['wrk', 'wrk'],
  ])
    .filter(([command]) => !commandExists(command))
    .map(([, pkg]) => pkg);
  if (missing.length === 0) return;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log(`\n▶ Installation des paquets Debian : ${missing.join(', ')}`);
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    spawnSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } else {
    console.error(
      `\n✖ Missing for the cache, proxy and replica tests and the bench: ${missing.join(', ')}. Install with: sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

// The shipped content must pass the editors' check before anything else.
run('content check', 'npm', ['run', '--silent', 'content:check']);
// Next and React at their fixed releases, and npm audit when the registry answers: each check counts as a test.
run('dependencies', 'node', ['scripts/check-dependencies.mjs']);
/** @type {ChecksReport | undefined} */
const dependencies = readJson('test-results/dependencies.json');
if (dependencies) {
  results.passed += dependencies.checks.filter((check) => check.pass).length;
  results.failed += dependencies.checks.filter((check) => !check.pass).length;
}
run('lint', 'npx', ['eslint', '.']);
// One layout for every source file (.prettierrc.json): `npm run format` writes it.
run('format', 'npx', ['prettier', '--check', '.']);
run('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']);

ensureServerPackages();
run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']);
/** @type {VitestReport | undefined} */
const vitest = readJson('test-results/vitest.json');
if (vitest) {
  results.passed += vitest.numPassedTests;
  results.failed += vitest.numFailedTests;
}

/**
 * Builds with a `.env.production` in the checkout (unless one is there), as a
 * deployment's checkout would hold one: the browser tests check that no build
 * output carries it (tests/e2e/site/buildOutput.spec.ts). Removed afterwards.
 * @template T
 * @param {() => T} build
 * @returns {T} what build returns
 */
function withEnvFileInCheckout(build) {
  const planted = !existsSync('.env.production');
  if (planted) writeFileSync('.env.production', `# Written by scripts/test.mjs for the build, removed after it.\n${ENV_FILE_MARKER}=dans-le-depot\n`);
  try {
    return build();
  } finally {
    if (planted) rmSync('.env.production', { force: true });
  }
}

const chromium = await ensureChromium();
if (!chromium) failedSteps.push('browser');
// Built in New York time on purpose: prerendered dates must come out in Paris time anyway.
const built =
  chromium &&
  run('fixture corpus', 'npm', ['run', '--silent', 'corpus', '--', 'tests/.corpus']) &&
  Object.entries(servers).every(([name, server]) =>
    // Absolute URLs (canonical, JSON-LD, feeds) must point at the server the tests will query.
    withEnvFileInCheckout(
      () =>
        run(`build (${name})`, 'npx', ['next', 'build'], {
          TZ: 'America/New_York',
          CONTENT_DIR: server.contentDir,
          NEXT_DIST_DIR: server.distDir,
          SITE_URL: `http://127.0.0.1:${server.port}`,
        }) && run(`build (${name}): .env files and what the server never reads out of the output`, 'node', ['scripts/pruneStandalone.mjs', server.distDir]),
    ),
  );
if (built) {
  run('browser tests', 'npx', ['playwright', 'test'], { CHROMIUM_PATH: chromium });
  /** @type {PlaywrightReport | undefined} */
  const playwright = readJson('test-results/playwright.json');
  if (playwright) {
    results.passed += playwright.stats.expected + playwright.stats.flaky;
    results.failed += playwright.stats.unexpected;
  }
  // The short load and soak test: each of its checks counts as a test.
  rmSync('test-results/soak.json', { force: true });
  run('soak (quick)', 'npm', ['run', '--silent', 'soak', '--', '--quick']);
  /** @type {ChecksReport | undefined} */
  const soak = readJson('test-results/soak.json');
  if (soak) {
    results.passed += soak.checks.filter((check) => check.pass).length;
    results.failed += soak.checks.filter((check) => !check.pass).length;
  }
  // The benchmark's smoke run: proves it still runs and prints every row (its targets are not tests).
  if (run('bench (smoke)', 'npm', ['run', '--silent', 'bench', '--', '--quick'], { CHROMIUM_PATH: chromium })) results.passed += 1;
}

const stepFailures = failedSteps.filter(
  (step) =>
    step !== 'unit tests' &&
    step !== 'browser tests' &&
    !(step === 'soak (quick)' && readJson('test-results/soak.json')) &&
    !(step === 'dependencies' && dependencies),
);
results.failed += stepFailures.length;
if (failedSteps.length > 0) console.log(`\nÉchecs : ${failedSteps.join(', ')}`);
console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(failedSteps.length > 0 ? 1 : 0);
