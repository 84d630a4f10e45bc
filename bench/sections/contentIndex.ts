// 1. The content index: cold, from the disk cache, after one file changed (bench/measureIndex.ts in its own process).
import { rm } from 'node:fs/promises';
import { fixed, SectionReport, type SectionResult } from '../report';
import { scaleCorpus } from '../scaleCorpus';
import { lastJsonLine, run } from '../servers';
import { corpusDir, INDEX_SIZES } from '../settings';

interface IndexFigures {
  articles: number;
  coldMs: number;
  coldParsed: number;
  warmMs: number;
  reparsed: number;
  peakRssMb: number;
}

const measureIndex = (count: number, cacheFile?: string) =>
  lastJsonLine<IndexFigures>(run('npx', ['tsx', 'bench/measureIndex.ts', corpusDir(count), ...(cacheFile ? [cacheFile] : [])]));

export async function benchIndex(): Promise<SectionResult> {
  const report = new SectionReport('1. Index de contenu');
  for (const count of INDEX_SIZES) {
    await scaleCorpus('tests/.corpus', corpusDir(count), count);
    const cold = measureIndex(count);
    const cacheDir = `bench/.cache/index-${count}`;
    await rm(cacheDir, { recursive: true, force: true });
    measureIndex(count, cacheDir); // fills the persistent cache
    const cached = measureIndex(count, cacheDir);
    report.figure(`index${count}`, { cold, cached });
    report.row(
      'index',
      `${count} articles, à froid sans cache`,
      `${fixed(cold.coldMs)} ms`,
      `${fixed((count / cold.coldMs) * 1000)} articles/s, ${fixed(cold.peakRssMb)} Mo RSS`,
    );
    report.row(
      'index',
      `${count} articles, à froid avec cache disque`,
      `${fixed(cached.coldMs)} ms`,
      `${cached.coldParsed} fichiers analysés (auteurs compris), ${fixed(cached.peakRssMb)} Mo RSS`,
    );
    report.row('index', `${count} articles, un fichier modifié`, `${fixed(cold.warmMs)} ms`, `${cold.reparsed} fichier réanalysé`);
    if (count === Math.max(...INDEX_SIZES)) {
      report.target(`index ${count} articles à froid ≤ 2 s (sans cache)`, cold.coldMs <= 2_000, `${fixed(cold.coldMs)} ms`);
      report.target(`index ${count} articles à froid ≤ 2 s (cache disque)`, cached.coldMs <= 2_000, `${fixed(cached.coldMs)} ms`);
      report.target(
        `index ${count} articles ≤ 300 Mo RSS`,
        Math.min(cold.peakRssMb, cached.peakRssMb) <= 300,
        `${fixed(cold.peakRssMb)} Mo sans cache, ${fixed(cached.peakRssMb)} Mo avec`,
      );
      report.target('un fichier modifié : un seul fichier réanalysé', cold.reparsed === 1, `${cold.reparsed}`);
    }
  }
  return report.result();
}
