// `npm run bench [-- --quick] [-- --only=<section>]`: measures the site against
// its physical limits in one run, each section in bench/sections/ printing its
// rows and PASS/FAIL targets as it goes; the same figures go to
// bench/results/<latest|quick>[-<section>].{json,md}. See bench/README.md.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { freePort } from '../lib/cache/testing/processes';
import { pickPages } from './pages';
import { fixed, markdownTables, type SectionResult } from './report';
import { benchBuild } from './sections/build';
import { benchCsp } from './sections/csp';
import { benchIndex } from './sections/contentIndex';
import { benchLighthouse } from './sections/lighthouse';
import { benchNewPhoto } from './sections/newPhoto';
import { benchReplicas } from './sections/replicas';
import { benchSearch } from './sections/search';
import { benchServing } from './sections/serving';
import { benchStore } from './sections/store';
import { benchWeight } from './sections/weight';
import { run } from './servers';
import { buildEnv, only, quick, runsSection, SERVED_SIZE } from './settings';

/** The build every serving section serves, made by section 2 for the port it is served on. */
const SERVED_DIST_DIR = '.next-bench';

/** Build, then what serves that build: Next alone (3), the weight of its pages (4), Lighthouse (5), replicas behind nginx (3c); 3d needs no server. */
async function buildAndServe(): Promise<SectionResult[]> {
  const port = await freePort();
  const env = buildEnv(SERVED_SIZE, SERVED_DIST_DIR, `http://127.0.0.1:${port}`);
  const results = [await benchBuild({ servedDistDir: SERVED_DIST_DIR, siteUrl: `http://127.0.0.1:${port}` })];
  const pages = await pickPages(SERVED_SIZE);
  results.push(await benchServing({ port, env, pages }));
  results.push(await benchWeight({ port, env, pages }));
  results.push(await benchLighthouse({ port, env, pages }));
  results.push(benchNewPhoto());
  results.push(await benchReplicas({ env, pages }));
  return results;
}

async function main(): Promise<void> {
  const started = new Date();
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: os.totalmem() / 1024 ** 3, node: process.version };
  console.log(`kiosque bench${quick ? ' (--quick)' : ''}: ${machine.cpus} cœurs, ${fixed(machine.memoryGb)} Go, Node ${machine.node}`);
  if (!existsSync('tests/.corpus/summary.json')) run('npm', ['run', '--silent', 'corpus', '--', 'tests/.corpus']);
  await mkdir('bench/results', { recursive: true });
  await mkdir('bench/.cache', { recursive: true });

  const results: SectionResult[] = [];
  if (runsSection('index')) results.push(await benchIndex());
  if (runsSection('search')) results.push(await benchSearch());
  if (runsSection('store')) results.push(await benchStore());
  if (runsSection('build')) results.push(...(await buildAndServe()));
  if (runsSection('csp')) results.push(await benchCsp());

  const name = `${quick ? 'quick' : 'latest'}${only ? `-${only}` : ''}`;
  const rows = results.flatMap((result) => result.rows);
  const targets = results.flatMap((result) => result.targets);
  const figures = Object.assign({}, ...results.map((result) => result.figures)) as Record<string, unknown>;
  await writeFile(`bench/results/${name}.json`, `${JSON.stringify({ date: started.toISOString(), quick, machine, rows, targets, figures }, null, 2)}\n`);
  const command = `npm run bench${quick || only ? ` --${quick ? ' --quick' : ''}${only ? ` --only=${only}` : ''}` : ''}`;
  await writeFile(
    `bench/results/${name}.md`,
    `# kiosque bench, ${started.toISOString().slice(0, 10)}${quick ? ' (--quick)' : ''}\n\n${machine.cpus} cœurs (${machine.cpuModel ?? '?'}), ${fixed(machine.memoryGb)} Go, Node ${machine.node}. Commande : \`${command}\`.\n\n${markdownTables(results)}\n`,
  );
  const failed = targets.filter((entry) => !entry.pass).length;
  console.log(`\n${targets.length - failed} cibles atteintes, ${failed} manquées ; bench/results/${name}.md`);
}

await main();
