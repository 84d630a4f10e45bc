import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/**
 * Mozilla's HTTP Observatory (@mdn/mdn-http-observatory, pinned in ./package.json)
 * grading a running HTTPS site on any ports: see grade.mjs for why it is not the
 * package's own scan(), and the README's "Security" section.
 */

const HERE = import.meta.dirname;
const NODE_MODULES = path.join(HERE, 'node_modules');
const SCANNER_DIR = path.join(NODE_MODULES, '@mdn', 'mdn-http-observatory');
const GRADE_SCRIPT = path.join(HERE, 'grade.mjs');
/** Holds the hash of the package-lock.json the installed tree came from. */
const INSTALL_STAMP = path.join(NODE_MODULES, '.kiosque-observatory-lock');

/**
 * The package's postinstall downloads these from outside the npm registry, which
 * the install skips (--ignore-scripts). src/analyzer/hsts.js reads the HSTS
 * preload list on every scan: empty, no host counts as preloaded, which is the
 * truth for a local host and the conservative answer for any other.
 * conf/tld-list.json, the other download, is read only by the package's HTTP API
 * (src/api/v2/utils.js) to validate host names, never by the retriever or the
 * analyzers, so it is not written.
 */
const SCANNER_CONF_FILES: Readonly<Record<string, string>> = { 'hsts-preload.json': '{}\n' };

const NPM_CI_TIMEOUT_MS = 5 * 60_000;
/** The retriever aborts each of its two sessions after 10 s, and robots.txt and CORS requests after 9 s more. */
const GRADE_TIMEOUT_MS = 60_000;

let installing: Promise<void> | undefined;

/** Installs the pinned scanner when deploy/observatory/node_modules is missing or from another lockfile; fast when current. */
export function installObservatory(): Promise<void> {
  installing ??= install().finally(() => {
    installing = undefined;
  });
  return installing;
}

async function install(): Promise<void> {
  const lockHash = await hashOf(path.join(HERE, 'package-lock.json'));
  if ((await readOrNull(INSTALL_STAMP)) !== lockHash || (await readOrNull(path.join(SCANNER_DIR, 'package.json'))) === null) {
    await run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: HERE, timeout: NPM_CI_TIMEOUT_MS });
    await writeFile(INSTALL_STAMP, lockHash);
  }
  await writeScannerConf();
}

async function writeScannerConf(): Promise<void> {
  const confDir = path.join(SCANNER_DIR, 'conf');
  await mkdir(confDir, { recursive: true });
  for (const [name, content] of Object.entries(SCANNER_CONF_FILES)) {
    const file = path.join(confDir, name);
    if ((await readOrNull(file)) === null) await writeFile(file, content);
  }
}

async function hashOf(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}

async function readOrNull(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return null;
  }
}

const testOutcomeSchema = z.object({
  pass: z.boolean(),
  /** The scanner's Expectation, e.g. "csp-implemented-with-unsafe-inline"; null when the test could not run. */
  result: z.string().nullable(),
  scoreModifier: z.number(),
  /** Content Security Policy only: which of the scanner's flags (unsafeInline, defaultNone…) the policy raised. */
  policy: z.record(z.string(), z.boolean()).nullable().optional(),
  /** Redirection only: the URLs the plain HTTP request went through. */
  route: z.array(z.string()).optional(),
});

const gradeSchema = z.object({
  grade: z.string(),
  score: z.number(),
  /** Keyed as scan() keys them: "content-security-policy", "redirection", "strict-transport-security"… */
  tests: z.record(z.string(), testOutcomeSchema),
});

export type ObservatoryTestOutcome = z.infer<typeof testOutcomeSchema>;
export type ObservatoryGrade = z.infer<typeof gradeSchema>;

export interface ObservatoryTarget {
  hostname: string;
  httpPort: number;
  httpsPort: number;
  /** Starts with a slash; the page graded is https://hostname:httpsPort/path. */
  path?: string;
  /** A PEM certificate to trust besides Node's own roots, e.g. the test's self-signed one. */
  caFile?: string;
}

/** Runs grade.mjs on `target`: needs installObservatory() to have completed. */
export async function gradeWithObservatory({ hostname, httpPort, httpsPort, path: pagePath = '/', caFile }: ObservatoryTarget): Promise<ObservatoryGrade> {
  const env = caFile ? { ...process.env, NODE_EXTRA_CA_CERTS: caFile } : process.env;
  const stdout = await run(process.execPath, [GRADE_SCRIPT, hostname, String(httpPort), String(httpsPort), pagePath], {
    cwd: HERE,
    env,
    timeout: GRADE_TIMEOUT_MS,
  });
  return parseGrade(stdout);
}

function parseGrade(stdout: string): ObservatoryGrade {
  const line = stdout.trim().split('\n').at(-1) ?? '';
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    throw new Error(`the Observatory printed no JSON line: ${stdout.slice(0, 500)}`);
  }
  return gradeSchema.parse(json);
}

interface RunOptions {
  cwd: string;
  timeout: number;
  env?: NodeJS.ProcessEnv;
}

/** A command's stdout; rejects with its stderr, so a failing scan says why. */
function run(command: string, args: readonly string[], options: RunOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { ...options, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        const reason = stderr.trim() || error.message;
        reject(new Error(`${path.basename(command)} ${args.join(' ')} failed: ${reason}`));
        return;
      }
      resolve(stdout);
    });
  });
}
