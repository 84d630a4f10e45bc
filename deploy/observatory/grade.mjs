// One HTTP Observatory scan of https://hostname:httpsPort/path, graded exactly as
// the package's own scan() (src/scanner/index.js) grades, which cannot be used
// because it takes no port. Usage: node grade.mjs hostname httpPort httpsPort path
// Prints one JSON line { grade, score, tests }; observatory.ts runs it in a child
// process so that NODE_EXTRA_CA_CERTS (read by Node at start only) is in effect.

const SCANNER_SRC = new URL('./node_modules/@mdn/mdn-http-observatory/src/', import.meta.url);

// The scanner is untyped here: observatory.ts installs it under node_modules/ only
// when the tests run. What this script uses of it, as the package's JSDoc
// (src/types.js, src/grader/) describes it:
/**
 * retrieve()'s result (the package's Requests); only the main response's status is read here.
 * @typedef {{ responses: { auto: { status: number } | null } }} Requests
 */
/**
 * A test's output (a subclass of the package's BaseOutput).
 * @typedef {object} TestOutput
 * @property {boolean | null} pass
 * @property {string | null} result the Expectation, e.g. "csp-implemented-with-unsafe-inline"; null when the test could not run
 * @property {number | null} scoreModifier
 * @property {Record<string, boolean> | null} [policy] CspOutput only: the policy's flags (unsafeInline, defaultNone…)
 * @property {string[]} [route] RedirectionOutput only: the URLs the plain HTTP request went through
 * @property {{ name: string }} constructor the output class, whose static name is the test's ("redirection", …)
 */
/** @typedef {{ retrieve: (hostname: string, options: { httpPort: string, httpsPort: string, path: string }) => Promise<Requests> }} RetrieverModule */
/** @typedef {{ ALL_TESTS: ((requests: Requests) => TestOutput)[] }} ConstantsModule */
/**
 * @typedef {object} GraderModule
 * @property {(expectation: string) => number} getScoreModifier
 * @property {(score: number) => { grade: string, score: number }} getGradeForScore
 */
/** @typedef {{ MINIMUM_SCORE_FOR_EXTRA_CREDIT: number }} ChartsModule */
/** @typedef {RetrieverModule & ConstantsModule & GraderModule & ChartsModule} Scanner */

/**
 * The same sources scan() imports, so the grading cannot drift from it.
 * @returns {Promise<Scanner>}
 */
async function loadScanner() {
  /**
   * @param {string} file
   * @returns {Promise<unknown>}
   */
  const load = (file) => import(new URL(file, SCANNER_SRC).href);
  const [{ retrieve }, { ALL_TESTS }, grader, { MINIMUM_SCORE_FOR_EXTRA_CREDIT }] =
    /** @type {[RetrieverModule, ConstantsModule, GraderModule, ChartsModule]} */ (
      await Promise.all([load('retriever/retriever.js'), load('constants.js'), load('grader/grader.js'), load('grader/charts.js')])
    );
  return { retrieve, ALL_TESTS, MINIMUM_SCORE_FOR_EXTRA_CREDIT, ...grader };
}

/**
 * @param {string[]} args the command line's, after the script
 */
function parseArgs([hostname, httpPort, httpsPort, path = '/']) {
  /**
   * @param {string | undefined} value
   * @returns {value is string}
   */
  const isPort = (value) => /^\d{1,5}$/.test(value ?? '') && Number(value) > 0 && Number(value) < 65536;
  if (!hostname || !isPort(httpPort) || !isPort(httpsPort) || !path.startsWith('/')) {
    throw new Error('usage: grade.mjs hostname httpPort httpsPort /path');
  }
  return { hostname, httpPort, httpsPort, path };
}

/**
 * scan() aborts on these two conditions before running any test.
 * @param {Requests} requests
 */
function checkReachable(requests) {
  const auto = requests.responses.auto;
  if (!auto) throw new Error('The site seems to be down.');
  const { status } = auto;
  if (status < 200 || (status >= 400 && ![401, 403].includes(status))) {
    throw new Error(`Site did respond with an unexpected HTTP status code ${status}.`);
  }
}

/**
 * A test's outcome, plus what tells why it failed where that is small (CSP flags, redirect route).
 * @param {TestOutput} output
 */
function summarize(output) {
  /** @type {{ pass: boolean, result: string | null, scoreModifier: number, policy?: Record<string, boolean> | null, route?: string[] }} */
  const summary = { pass: output.pass === true, result: output.result, scoreModifier: output.scoreModifier ?? 0 };
  if (output.constructor.name === 'content-security-policy') summary.policy = output.policy;
  if (output.constructor.name === 'redirection') summary.route = output.route;
  return summary;
}

/**
 * scan()'s arithmetic: extra credit only counts once the penalties alone still leave an A.
 * @param {Scanner} scanner
 * @param {TestOutput[]} outputs their scoreModifier is set, as scan() sets it
 */
function grade(scanner, outputs) {
  let scoreWithExtraCredit = 100;
  let uncurvedScore = 100;
  for (const output of outputs) {
    if (!output.result) continue;
    output.scoreModifier = scanner.getScoreModifier(output.result);
    scoreWithExtraCredit += output.scoreModifier;
    if (output.scoreModifier < 0) uncurvedScore += output.scoreModifier;
  }
  const score = uncurvedScore >= scanner.MINIMUM_SCORE_FOR_EXTRA_CREDIT ? scoreWithExtraCredit : uncurvedScore;
  return scanner.getGradeForScore(score);
}

async function main() {
  const target = parseArgs(process.argv.slice(2));
  const scanner = await loadScanner();
  const { hostname, ...options } = target;
  const requests = await scanner.retrieve(hostname, options);
  checkReachable(requests);
  const outputs = scanner.ALL_TESTS.map((test) => test(requests));
  const { grade: letter, score } = grade(scanner, outputs);
  // scan() keys its tests by each output class's static name ("redirection", …).
  const tests = Object.fromEntries(outputs.map((output) => [output.constructor.name, summarize(output)]));
  return JSON.stringify({ grade: letter, score, tests });
}

// The retriever's agents and abort timers can outlive the scan: exit once the line is flushed.
main().then(
  (line) => process.stdout.write(`${line}\n`, () => process.exit(0)),
  (error) => {
    process.stderr.write(`observatory: ${error instanceof Error ? error.message : String(error)}\n`, () => process.exit(1));
  },
);
