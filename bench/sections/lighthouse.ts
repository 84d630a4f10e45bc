// 5. Lighthouse (mobile) on the article and the front page, with Debian's Chromium.
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findChromium } from '../../scripts/findChromium.mjs';
import type { Pages } from '../pages';
import { fixed, SectionReport, type SectionResult } from '../report';
import { fetchBytes, run, startNext } from '../servers';

interface LighthouseReport {
  categories: Record<string, { score: number }>;
  audits: Record<string, { numericValue: number }>;
}

export async function benchLighthouse({ port, env, pages }: { port: number; env: Record<string, string>; pages: Pages }): Promise<SectionResult> {
  const report = new SectionReport('5. Lighthouse (mobile)');
  const chromium = await findChromium();
  if (!chromium) {
    report.row('lighthouse', 'Chromium introuvable', 'non mesuré');
    return report.result();
  }
  const server = await startNext(port, env);
  try {
    const reports: Record<string, unknown> = {};
    for (const [name, url] of [
      ['article', pages.article],
      ['une', '/'],
    ] as const) {
      // A fresh server: the route's code is loaded by a first request, as on a server that has been running.
      await fetchBytes(`${server.base}${url}`);
      const output = path.join(os.tmpdir(), `kiosque-lighthouse-${name}.json`);
      const result = run(
        'npx',
        [
          'lighthouse',
          `${server.base}${url}`,
          '--quiet',
          '--output=json',
          `--output-path=${output}`,
          '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update',
        ],
        { CHROME_PATH: chromium },
      );
      if (!result.ok) {
        report.row('lighthouse', name, 'échec');
        continue;
      }
      const lighthouse = JSON.parse(await readFile(output, 'utf8')) as LighthouseReport;
      const score = (key: string) => Math.round((lighthouse.categories[key]?.score ?? 0) * 100);
      const audit = (key: string) => lighthouse.audits[key]?.numericValue ?? NaN;
      const scores = { performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'), seo: score('seo') };
      const metrics = { lcpMs: audit('largest-contentful-paint'), cls: audit('cumulative-layout-shift'), tbtMs: audit('total-blocking-time') };
      reports[name] = { scores, metrics };
      report.row(
        'lighthouse',
        name,
        `perf ${scores.performance}, a11y ${scores.accessibility}, pratiques ${scores.bestPractices}, SEO ${scores.seo}`,
        `LCP ${fixed(metrics.lcpMs)} ms, CLS ${fixed(metrics.cls, 3)}, TBT ${fixed(metrics.tbtMs)} ms`,
      );
      report.target(`${name} : Lighthouse performance ≥ 98`, scores.performance >= 98, `${scores.performance}`);
      report.target(
        `${name} : accessibilité, pratiques, SEO = 100`,
        scores.accessibility === 100 && scores.bestPractices === 100 && scores.seo === 100,
        `${scores.accessibility}/${scores.bestPractices}/${scores.seo}`,
      );
      report.target(`${name} : CLS = 0`, metrics.cls === 0, fixed(metrics.cls, 3));
    }
    report.figure('lighthouse', reports);
  } finally {
    await server.stop();
  }
  return report.result();
}
