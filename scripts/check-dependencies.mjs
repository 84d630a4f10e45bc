// `npm run deps:check`: the dependency checks of the hardening issue, run by
// `npm test` and CI. Two checks:
// 1. the installed Next.js and React are at least the releases that fixed the
//    2025-2026 RSC and proxy advisories (Next 16.2.6, React 19.2.6);
// 2. `npm audit --omit=dev` reports no high or critical advisory. Where the
//    registry's advisory endpoint cannot be reached (this build machine only
//    reaches the package registry, which answers 405), the audit is reported
//    as not run, never as passed.
// Writes test-results/dependencies.json; exits 1 when a check fails.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const MINIMUM_VERSIONS = { next: '16.2.6', react: '19.2.6', 'react-dom': '19.2.6' };

/**
 * `16.4.6` → [16, 4, 6]; pre-release suffixes sort below the release, as semver says.
 * @param {string} a
 * @param {string} b
 * @returns {number} negative when a is older, 0 when equal, positive when newer
 */
function compareVersions(a, b) {
  // split() always returns at least one part: the `?? ''` is for the type only.
  /** @param {string} version */
  const parse = (version) => (version.split('-')[0] ?? '').split('.').map(Number);
  const [left, right] = [parse(a), parse(b)];
  for (let index = 0; index < 3; index += 1) {
    // A missing part counts as 0 (`16.2` is `16.2.0`); npm only installs full versions anyway.
    const [leftPart, rightPart] = [left[index] ?? 0, right[index] ?? 0];
    if (leftPart !== rightPart) return leftPart - rightPart;
  }
  return (a.includes('-') ? -1 : 0) - (b.includes('-') ? -1 : 0);
}

/** @typedef {{ name: string, pass: boolean, measured: string }} Check */

/** @type {Check[]} */
const checks = [];

for (const [name, minimum] of Object.entries(MINIMUM_VERSIONS)) {
  /** @type {{ version: string }} */
  const { version } = JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8'));
  checks.push({ name: `${name} ≥ ${minimum}`, pass: compareVersions(version, minimum) >= 0, measured: version });
}

const audit = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 60_000 });
/**
 * What is read of `npm audit --json`: the counts by severity when the audit ran,
 * what npm says went wrong otherwise.
 * @type {{ metadata?: { vulnerabilities?: Partial<Record<'critical' | 'high' | 'moderate', number>> }, message?: string, error?: { summary?: string } } | undefined}
 */
let report;
try {
  report = JSON.parse(audit.stdout);
} catch {
  report = undefined;
}
const counts = report?.metadata?.vulnerabilities;
if (counts) {
  const serious = (counts.high ?? 0) + (counts.critical ?? 0);
  checks.push({
    name: 'npm audit --omit=dev : aucune alerte haute ou critique',
    pass: serious === 0,
    measured: `${counts.critical ?? 0} critiques, ${counts.high ?? 0} hautes, ${counts.moderate ?? 0} moyennes`,
  });
} else {
  const reason = report?.message ?? report?.error?.summary ?? audit.stderr.split('\n').find((line) => line.trim() !== '') ?? 'sans réponse';
  console.log(`npm audit non exécuté (le registre n’a pas répondu à la demande d’alertes) : ${reason}`);
}

for (const check of checks) console.log(`${check.pass ? 'PASS' : 'FAIL'}  ${check.name} : ${check.measured}`);
mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/dependencies.json', `${JSON.stringify({ auditRan: Boolean(counts), checks }, null, 2)}\n`);
process.exit(checks.every((check) => check.pass) ? 0 : 1);
