// The project runs on the Node of `.nvmrc`, installed by `npm ci` as the `node`
// package: npm puts node_modules/.bin first on the PATH of its scripts, so
// `npm test`, `npm run build`, `npm start` and `npm run bench` use it even where
// the system's Node is older. Run by hand with another Node, a script stops here.
import { readFileSync } from 'node:fs';

const wanted = readFileSync(new URL('../.nvmrc', import.meta.url), 'utf8').trim();

export function requireSupportedNode() {
  /** @param {string} version `v24.1.0` or `24` */
  const major = (version) => Number(version.replace(/^v/, '').split('.')[0]);
  if (major(process.version) === major(wanted)) return;
  console.error(
    `✖ kiosque runs on Node ${wanted} (.nvmrc), not ${process.version}.\n` +
      '  Run it through npm (npm test, npm run build, npm start), which uses the Node that npm ci installed,\n' +
      '  or call node_modules/.bin/node directly.',
  );
  process.exit(1);
}
