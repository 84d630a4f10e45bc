// 1c. The archive: the content store at 1,000 to 100,000 articles (bench/measureStore.ts, a process per phase).
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fixed, SectionReport, type SectionResult } from '../report';
import { scaleCorpus } from '../scaleCorpus';
import { lastJsonLine, run } from '../servers';
import { STORE_SIZES } from '../settings';

interface StoreFill {
  articles: number;
  ms: number;
  peakRssMb: number;
}

interface StoreServe {
  articles: number;
  readyMs: number;
  rssAtReadyMb: number;
  peakRssMb: number;
  firstSearchMs: number;
  publicationMs: number;
  publicationCpuMs: number;
  tags: number;
  listTags: string[];
  wholeFolderCpuMs: number;
  wholeFolderTags: number;
  firstPublicationCpuMs: number;
  firstPublicationTags: number;
  firstPublicationPages: number;
  publicationPages: number;
  publicationTagList: string[];
  summaryReadCpuMs: number;
}

/** Measured on this machine before the store was rebuilt (README, 27 Nov 2026), for the 10,000 rows. */
const BEFORE_10000 = { readyFromCacheMs: 671, readyRssMb: 263, firstSearchOverHttpMs: 7_800 };

interface StoreOwnStart {
  readyMs: number;
  rssAtReadyMb: number;
  peakRssMb: number;
  /** Absent when it started from a snapshot (it has none to write). */
  snapshotWriteMs?: number;
}

type PhaseResult<Phase> = Phase extends 'fill' ? StoreFill : Phase extends 'serve' ? StoreServe : StoreOwnStart;

function measureStore<Phase extends 'fill' | 'serve' | 'own'>(count: number, phase: Phase): PhaseResult<Phase> {
  // Room for the largest archive's fill, so a figure is printed even where the target is missed; a server runs with Node's defaults.
  const result = run(
    'npx',
    ['tsx', 'bench/measureStore.ts', `bench/.corpus-store-${count}`, `bench/.cache/store-${count}`, phase],
    phase === 'fill' ? { NODE_OPTIONS: '--max-old-space-size=12000' } : {},
  );
  if (!result.ok) throw new Error(`bench/measureStore.ts ${phase} failed for ${count} articles`);
  return lastJsonLine(result);
}

export async function benchStore(): Promise<SectionResult> {
  const report = new SectionReport('1c. Archive (le magasin de contenu, de 1 000 à 100 000 articles)');
  for (const count of STORE_SIZES) {
    await scaleCorpus('tests/.corpus', `bench/.corpus-store-${count}`, count);
    await rm(`bench/.cache/store-${count}`, { recursive: true, force: true });
    const fill = measureStore(count, 'fill');
    const serve = measureStore(count, 'serve');
    report.figure(`store${count}`, { fill, serve });
    report.row(
      'archive',
      `${count} articles : contenu du build`,
      `${fixed(fill.ms / 1000, 1)} s`,
      `vérification, analyses et corps stockés, recherche remplie ; ${fixed(fill.peakRssMb)} Mo RSS au pic`,
    );
    report.row(
      'archive',
      `${count} articles : serveur prêt depuis le cache du build`,
      `${fixed(serve.readyMs)} ms`,
      `${fixed(serve.rssAtReadyMb)} Mo RSS${count === 10_000 ? ` ; avant : ${BEFORE_10000.readyFromCacheMs} ms, ${BEFORE_10000.readyRssMb} Mo` : ''}`,
    );
    report.row(
      'archive',
      `${count} articles : résumé du build lu après le départ`,
      `${fixed(serve.summaryReadCpuMs)} ms CPU`,
      'une fois, une seconde après la première page ; ce que la 1re publication compare',
    );
    report.row(
      'archive',
      `${count} articles : 1re recherche`,
      `${fixed(serve.firstSearchMs)} ms`,
      count === 10_000 ? `avant : ${fixed(BEFORE_10000.firstSearchOverHttpMs / 1000, 1)} s par HTTP` : 'index du build',
    );
    report.row(
      'archive',
      `${count} articles : 1re publication après le départ`,
      `${fixed(serve.firstPublicationCpuMs)} ms CPU`,
      `${serve.firstPublicationTags} étiquettes revalidées, ${serve.firstPublicationPages} pages et fichiers à refaire (+ recherches en cache) ; comparée au résumé du build`,
    );
    report.row(
      'archive',
      `${count} articles : une correction (fichier nommé par la surveillance)`,
      `${fixed(serve.publicationCpuMs)} ms CPU`,
      `${fixed(serve.publicationMs)} ms ; ${serve.tags} étiquettes revalidées`,
    );
    report.row(
      'archive',
      `${count} articles : une correction (API sans fichier nommé, dossier relu)`,
      `${fixed(serve.wholeFolderCpuMs)} ms CPU`,
      `${serve.wholeFolderTags} étiquettes revalidées`,
    );
    // A replica whose content is a mounted folder no build read (the reference
    // deployment): the build's snapshot and summary gone, the stored parses kept.
    const contentCache = `bench/.cache/store-${count}/kiosque-content`;
    for (const file of await readdir(contentCache)) if (/\.(snapshot\.jsonl|public\.json)$/.test(file)) await rm(path.join(contentCache, file));
    const withoutSnapshot = measureStore(count, 'own');
    const fromOwnSnapshot = measureStore(count, 'own');
    report.figure(`storeOwnSnapshot${count}`, { withoutSnapshot, fromOwnSnapshot });
    report.row(
      'archive',
      `${count} articles : serveur sans instantané du build (dossier monté), puis redémarré`,
      `${fixed(withoutSnapshot.readyMs)} ms, puis ${fixed(fromOwnSnapshot.readyMs)} ms`,
      `le 1er lit chaque fichier et son analyse stockée, puis écrit son propre instantané (${fixed(withoutSnapshot.snapshotWriteMs ?? Number.NaN)} ms) ; le 2e part de celui-ci, ${fixed(fromOwnSnapshot.rssAtReadyMb)} Mo RSS`,
    );
    if (count === Math.max(...STORE_SIZES)) {
      report.target(`archive ${count} : serveur prêt ≤ 5 s depuis le cache du build`, serve.readyMs <= 5_000, `${fixed(serve.readyMs)} ms`);
      report.target(`archive ${count} : ≤ 1 Go RSS prêt`, serve.rssAtReadyMb <= 1_000, `${fixed(serve.rssAtReadyMb)} Mo (pic ${fixed(serve.peakRssMb)} Mo)`);
      const worst = Math.max(serve.firstPublicationCpuMs, serve.publicationCpuMs);
      report.target(
        `archive ${count} : une publication ≤ 1 s de CPU`,
        worst <= 1_000,
        `${fixed(serve.firstPublicationCpuMs)} ms la 1re, ${fixed(serve.publicationCpuMs)} ms ensuite`,
      );
      report.target(
        `archive ${count} : ≤ 30 pages refaites par publication`,
        serve.firstPublicationPages <= 30,
        `${serve.firstPublicationPages} (${serve.publicationTagList.filter((tag) => tag.startsWith('list:')).join(', ')}) + recherches en cache`,
      );
    }
    // The largest corpora take gigabytes: they go once measured.
    if (count > 1_000) await rm(`bench/.corpus-store-${count}`, { recursive: true, force: true });
    await rm(`bench/.cache/store-${count}`, { recursive: true, force: true });
  }
  return report.result();
}
