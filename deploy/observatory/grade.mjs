// One HTTP Observatory scan of https://hostname:httpsPort/path, graded exactly as
// the package's own scan() (src/scanner/index.js) grades, which cannot be used
// because it takes no port. Usage: node grade.mjs hostname httpPort httpsPort path
// Prints one JSON line { grade, score, tests }; observatory.ts runs it in a child
// process so that NODE_EXTRA_CA_CERTS (read by Node at start only) is in effect.

const SCANNER_SRC = new URL('./node_modules/@mdn/mdn-http-observatory/src/', import.meta.url);

/** The same sources scan() imports, so the grading cannot drift from it. */
async function loadScanner() {
  const load = (file) => import(new URL(file, SCANNER_SRC).href);
  const [{ retrieve }, { ALL_TESTS }, grader, { MINIMUM_SCORE_FOR_EXTRA_CREDIT }] = await Promise.all([
    load('retriever/retriever.js'),
    load('constants.js'),
    load('grader/grader.js'),
    load('grader/charts.js'),
  ]);
  return { retrieve, ALL_TESTS, MINIMUM_SCORE_FOR_EXTRA_CREDIT, ...grader };
}

function parseArgs([hostname, httpPort, httpsPort, path = '/']) {
  const isPort = (value) => /^\d{1,5}$/.test(value ?? '') && Number(value) > 0 && Number(value) < 65536;
  if (!hostname || !isPort(httpPort) || !isPort(httpsPort) || !path.startsWith('/')) {
    throw new Error('usage: grade.mjs hostname httpPort httpsPort /path');
  }
  return { hostname, httpPort, httpsPort, path };
}

// scan() aborts on these two conditions before running any test.
function checkReachable(requests) {
  const auto = requests.responses.auto;
  if (!auto) throw new Error('The site seems to be down.');
  const { status } = auto;
  if (status < 200 || (status >= 400 && ![401, 403].includes(status))) {
    throw new Error(`Site did respond with an unexpected HTTP status code ${status}.`);
  }
}

/** A test's outcome, plus what tells why it failed where that is small (CSP flags, redirect route). */
function summarize(output) {
  const summary = { pass: output.pass === true, result: output.result, scoreModifier: output.scoreModifier ?? 0 };
  if (output.constructor.name === 'content-security-policy') summary.policy = output.policy;
  if (output.constructor.name === 'redirection') summary.route = output.route;
  return summary;
}

/** scan()'s arithmetic: extra credit only counts once the penalties alone still leave an A. */
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
