// 1b. Search: the SQLite FTS5 index filled, updated and queried (bench/measureSearch.ts in its own process).
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fixed, SectionReport, type SectionResult } from '../report';
import { lastJsonLine, run } from '../servers';
import { SEARCH_SIZES } from '../settings';

interface QueryFigures {
  p50: number;
  p99: number;
  queries: number;
  meanHits: number;
}

interface SearchFigures {
  articles: number;
  fillMs: number;
  updateMs: number;
  updated: number;
  one: QueryFigures;
  three: QueryFigures;
  peakRssMb: number;
}

export async function benchSearch(): Promise<SectionResult> {
  const report = new SectionReport('1b. Recherche (index SQLite FTS5, requêtes qu’aucun cache de page ne sert)');
  for (const count of SEARCH_SIZES) {
    const indexFile = path.resolve(`bench/.cache/search-${count}.sqlite`);
    const search = lastJsonLine<SearchFigures>(run('npx', ['tsx', 'bench/measureSearch.ts', 'tests/.corpus', String(count), indexFile]));
    await rm(indexFile, { force: true });
    report.figure(`search${count}`, search);
    const queries = (measured: QueryFigures) => `p50 ${fixed(measured.p50, 1)} ms, p99 ${fixed(measured.p99, 1)} ms`;
    report.row('recherche', `${count} articles : index rempli`, `${fixed(search.fillMs / 1000, 1)} s`, `${fixed(search.peakRssMb)} Mo RSS`);
    report.row('recherche', `${count} articles : un article modifié`, `${fixed(search.updateMs)} ms`, `${search.updated} article réécrit`);
    report.row(
      'recherche',
      `${count} articles : 1 mot`,
      queries(search.one),
      `${search.one.queries} requêtes, ${fixed(search.one.meanHits)} résultats en moyenne`,
    );
    report.row(
      'recherche',
      `${count} articles : 3 mots`,
      queries(search.three),
      `${search.three.queries} requêtes, ${fixed(search.three.meanHits)} résultats en moyenne`,
    );
    if (count === Math.max(...SEARCH_SIZES)) {
      const p99 = Math.max(search.one.p99, search.three.p99);
      report.target(`recherche ${count} articles : p99 ≤ 50 ms (1 et 3 mots)`, p99 <= 50, `${fixed(p99, 1)} ms`);
    }
  }
  return report.result();
}
