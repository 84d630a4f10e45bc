// 3b. Content-Security-Policy: by hash (what ships) against static and nonce.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { freePort } from '../../lib/cache/testing/processes';
import { nonceContentSecurityPolicy } from '../../lib/securityHeaders';
import { load, loadOnce, type LoadFigures, medianLoad } from '../load';
import { pickPages } from '../pages';
import { fixed, SectionReport, type SectionResult } from '../report';
import { scaleCorpus } from '../scaleCorpus';
import { fetchBytes, run, startNext, type RunningServer } from '../servers';
import { buildEnv, corpusDir, LOAD_RUNS, SERVED_SIZE } from '../settings';

const MODES = ['hash', 'static', 'nonce'] as const;
type Mode = (typeof MODES)[number];
const distDir = (mode: Mode) => `.next-bench-csp-${mode}`;

/** A page's policy and scripts, as a reader gets them: what the load then measures. */
async function policyFacts(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  const html = await response.text();
  const policy = response.headers.get('content-security-policy') ?? '';
  const scriptSrc = policy.split('; ').find((part) => part.startsWith('script-src ')) ?? '';
  const inline = new Set([...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/ld\+json")[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]));
  const scriptTags = [...html.matchAll(/<script(?![^>]*type="application\/ld\+json")[^>]*>/g)].map((match) => match[0]);
  return {
    scriptSrc,
    inline: inline.size,
    hashes: scriptSrc.split(' ').filter((source) => source.startsWith("'sha256-")).length,
    scriptTags,
    cache: response.headers.get('x-nextjs-cache') ?? '',
  };
}

/**
 * The same corpus built three times, one per policy mode (lib/securityHeaders.ts):
 * `hash` (what ships: each cached page with the SHA-256 of its inline scripts,
 * stored with it by the cache handler), `static` (one policy with
 * 'unsafe-inline', the baseline) and `nonce` (every page rendered per request).
 * The hash and static servers run side by side and their loads alternate, run
 * after run, so that the machine's drift falls on both alike.
 */
export async function benchCsp(): Promise<SectionResult> {
  const report = new SectionReport('3b. CSP : par hachage (en service), statique, à nonce');
  const count = SERVED_SIZE;
  if (!existsSync(corpusDir(count))) await scaleCorpus('tests/.corpus', corpusDir(count), count);
  const pages = await pickPages(count);
  const ports = { hash: await freePort(), static: await freePort(), nonce: await freePort() };
  const envOf = (mode: Mode) => ({ ...buildEnv(count, distDir(mode), `http://127.0.0.1:${ports[mode]}`), KIOSQUE_CSP: mode });
  for (const mode of MODES) {
    await rm(distDir(mode), { recursive: true, force: true });
    if (!run('npx', ['next', 'build'], envOf(mode)).ok) throw new Error(`next build failed in ${mode} mode`);
  }
  const servers: RunningServer[] = [];
  const start = async (mode: Mode) => {
    const server = await startNext(ports[mode], envOf(mode));
    servers.push(server);
    return server;
  };
  try {
    const hash = await start('hash');
    const plain = await start('static');
    const paths: [string, string][] = [
      ['article', pages.article],
      ['une', '/'],
    ];
    for (const [name, page] of paths) {
      await fetchBytes(`${hash.base}${page}`);
      const facts = await policyFacts(`${hash.base}${page}`);
      report.row(
        'csp',
        `${name} : script-src par hachage`,
        `${facts.hashes} empreintes pour ${facts.inline} scripts en ligne`,
        `${facts.scriptSrc.includes('unsafe-inline') ? 'unsafe-inline présent' : 'sans unsafe-inline'}, cache Next ${facts.cache || '?'}`,
      );
      report.target(
        `${name} : une empreinte par script en ligne, sans unsafe-inline`,
        facts.hashes === facts.inline && facts.inline > 0 && !facts.scriptSrc.includes('unsafe-inline'),
        `${facts.hashes} / ${facts.inline}`,
      );
    }
    const figures: Record<string, LoadFigures> = {};
    for (const [name, page] of paths) {
      await fetchBytes(`${plain.base}${page}`);
      const runs: Record<'hash' | 'static', LoadFigures[]> = { hash: [], static: [] };
      for (let runIndex = 0; runIndex < LOAD_RUNS; runIndex += 1) {
        runs.hash.push(await loadOnce(`${hash.base}${page}`));
        runs.static.push(await loadOnce(`${plain.base}${page}`));
      }
      const strict = medianLoad(runs.hash);
      const baseline = medianLoad(runs.static);
      figures[`${name}:hash`] = strict;
      figures[`${name}:static`] = baseline;
      const ratio = strict.rps / baseline.rps;
      report.row('csp', `${name}, CSP statique (unsafe-inline)`, `${fixed(baseline.rps)} req/s, p50 ${baseline.p50} ms, p99 ${baseline.p99} ms`);
      report.row(
        'csp',
        `${name}, CSP par hachage (en service)`,
        `${fixed(strict.rps)} req/s, p50 ${strict.p50} ms, p99 ${strict.p99} ms`,
        `× ${fixed(ratio, 2)} de la CSP statique${strict.errors + strict.non2xx > 0 ? `, ${strict.errors} erreurs, ${strict.non2xx} non-2xx` : ''}`,
      );
      report.target(
        `${name} : CSP stricte par hachage ≥ 0,9 × la CSP statique`,
        ratio >= 0.9,
        `× ${fixed(ratio, 2)} (${fixed(strict.rps)} contre ${fixed(baseline.rps)} req/s)`,
      );
    }
    await plain.stop();

    const withNonce = await start('nonce');
    const nonce = randomBytes(16).toString('base64');
    const headers = { 'Content-Security-Policy': nonceContentSecurityPolicy(nonce) };
    const facts = await policyFacts(`${withNonce.base}${pages.article}`, headers);
    const carrying = facts.scriptTags.filter((tag) => tag.includes(`nonce="${nonce}"`)).length;
    report.row('csp', 'scripts de l’article portant le nonce', `${carrying} / ${facts.scriptTags.length}`);
    const nonceLoad = await load(`${withNonce.base}${pages.article}`, headers);
    const baseline = figures['article:static'];
    const cost = baseline ? 1 - nonceLoad.rps / baseline.rps : NaN;
    figures['article:nonce'] = nonceLoad;
    report.row(
      'csp',
      'article, CSP à nonce (rendu à chaque requête)',
      `${fixed(nonceLoad.rps)} req/s, p99 ${nonceLoad.p99} ms`,
      `coût ${fixed(cost * 100)} % du débit de la CSP statique`,
    );
    report.figure('csp', figures);
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    for (const mode of MODES) await rm(distDir(mode), { recursive: true, force: true });
  }
  return report.result();
}
