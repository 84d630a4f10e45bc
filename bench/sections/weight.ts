// 4. Weight: each page's HTML and the JavaScript it loads, against the framework's floor in the same build.
import { gzipSync } from 'node:zlib';
import type { Pages } from '../pages';
import { fixed, SectionReport, type SectionResult } from '../report';
import { fetchBytes, startNext } from '../servers';

async function pageWeight(base: string, url: string): Promise<{ htmlBytes: number; htmlGzip: number; jsGzip: number; scripts: number }> {
  const html = (await fetchBytes(`${base}${url}`)).toString('utf8');
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1] ?? ''))];
  let jsGzip = 0;
  for (const source of sources) {
    const body = await fetchBytes(new URL(source, base).toString());
    jsGzip += gzipSync(body).length;
  }
  return { htmlBytes: Buffer.byteLength(html), htmlGzip: gzipSync(html).length, jsGzip, scripts: sources.length };
}

export async function benchWeight({ port, env, pages }: { port: number; env: Record<string, string>; pages: Pages }): Promise<SectionResult> {
  const report = new SectionReport('4. Poids');
  const server = await startNext(port, env);
  try {
    // The 404 page renders no component of ours that needs JavaScript: the framework's floor in the same build.
    const floor = await pageWeight(server.base, '/page-qui-n-existe-pas');
    report.row('poids', 'plancher : page 404 (framework seul)', `JS ${fixed(floor.jsGzip / 1024, 1)} Ko gzip`, `${floor.scripts} scripts`);
    const kinds: [string, string][] = [
      ['article', pages.article],
      ['une', '/'],
      ['tag', pages.tag],
      ['recherche', '/recherche?q=ia'],
    ];
    const weights: Record<string, unknown> = { floor };
    for (const [name, url] of kinds) {
      const weight = await pageWeight(server.base, url);
      weights[name] = weight;
      const extra = (weight.jsGzip - floor.jsGzip) / 1024;
      report.row(
        'poids',
        name,
        `HTML ${fixed(weight.htmlBytes / 1024, 1)} Ko (${fixed(weight.htmlGzip / 1024, 1)} Ko gzip), JS ${fixed(weight.jsGzip / 1024, 1)} Ko gzip`,
        `${extra >= 0 ? '+' : ''}${fixed(extra, 1)} Ko au-dessus du plancher`,
      );
      report.target(`${name} : JS ≤ plancher + 5 Ko gzip`, extra <= 5, `${fixed(extra, 1)} Ko`);
      if (name === 'article') report.target('HTML de l’article réel ≤ 60 Ko', weight.htmlBytes <= 60 * 1024, `${fixed(weight.htmlBytes / 1024, 1)} Ko`);
    }
    report.figure('weight', weights);
  } finally {
    await server.stop();
  }
  return report.result();
}
