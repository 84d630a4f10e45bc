// 3d. A new 24-megapixel photo, first made (bench/measurePhoto.ts, a process per run).
import { median } from '../load';
import { fixed, SectionReport, type SectionResult } from '../report';
import { lastJsonLine, run } from '../servers';
import { quick } from '../settings';

interface PhotoFigures {
  megapixels: number;
  bytes: number;
  inspectMs: number;
  webp1280Ms: number;
  avif1280Ms: number;
  jpeg1920Ms: number;
  crop16x9Ms: number;
  cachedWebpMs: number;
  peakRssMb: number;
  rssAboveStartMb: number;
}

export function benchNewPhoto(): SectionResult {
  const report = new SectionReport('3d. Une nouvelle photo de 24 mégapixels (médiane de 3 processus)');
  const runs = Array.from({ length: quick ? 1 : 3 }, () => lastJsonLine<PhotoFigures>(run('npx', ['tsx', 'bench/measurePhoto.ts'])));
  const of = (key: keyof PhotoFigures) => median(runs.map((entry) => entry[key]));
  report.figure('newPhoto', runs);
  report.row(
    'photos',
    `photo de ${fixed(of('megapixels'))} Mpx (${fixed(of('bytes') / 1e6, 1)} Mo) : contrôle de l’en-tête et de la structure`,
    `${fixed(of('inspectMs'), 1)} ms`,
  );
  report.row('photos', '1re variante WebP 1280 px', `${fixed(of('webp1280Ms'))} ms`);
  report.row('photos', '1re variante AVIF 1280 px', `${fixed(of('avif1280Ms'))} ms`);
  report.row('photos', '1re variante JPEG 1920 px (flux)', `${fixed(of('jpeg1920Ms'))} ms`);
  report.row('photos', '1er recadrage 16:9 1200 px (JSON-LD)', `${fixed(of('crop16x9Ms'))} ms`);
  report.row('photos', 'la même variante WebP, du cache', `${fixed(of('cachedWebpMs'), 2)} ms`);
  report.row('photos', 'pic de RSS du processus', `${fixed(of('peakRssMb'))} Mo`, `+${fixed(of('rssAboveStartMb'))} Mo au-dessus du départ`);
  const slowest = Math.max(of('webp1280Ms'), of('avif1280Ms'), of('jpeg1920Ms'));
  report.target('1re variante d’une photo de 24 Mpx ≤ 1 s', slowest <= 1_000, `${fixed(slowest)} ms au plus`);
  report.target('pic de RSS ≤ 512 Mo pour une photo de 24 Mpx', of('peakRssMb') <= 512, `${fixed(of('peakRssMb'))} Mo`);
  return report.result();
}
