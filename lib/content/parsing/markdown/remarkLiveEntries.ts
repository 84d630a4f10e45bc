import type { Heading, Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { parseDateTime, type DateWithOffset } from '../../../dates/parseDateTime';
import { formatDateTimeFr, formatIsoInSiteTimeZone, formatTimeFr } from '../../../dates/formatDate';
import { reportProblem } from './reportProblem';

/** One entry of a live article, as the body writes it: `## 16:45 Titre`, in the file's order. */
export interface LiveEntryHeading {
  /** The anchor, from the Paris wall-clock time: `direct-2024-02-07-1645`, then `-2`, `-3`… for the same minute. */
  id: string;
  date: DateWithOffset;
  /** Marked `[essentiel]` after the time: listed at the top, under « L’essentiel ». */
  key: boolean;
}

declare module 'vfile' {
  interface DataMap {
    /** Set before parsing a live article: its publication, from which entries written with a time only take their day. */
    liveSince: DateWithOffset;
    /** Set by remarkLiveEntries: the entries found, in the file's order; each heading's `data.liveEntry` is its index here. */
    liveEntries: LiveEntryHeading[];
  }
}

declare module 'mdast' {
  interface HeadingData {
    liveEntry?: number;
  }
}

/** The mark of a key entry, right after the time. */
export const KEY_ENTRY_MARK = '[essentiel]';

/** `16:45`, `16h45`, `2024-02-07 09:10`, then an optional `[essentiel]`, at the start of a heading. */
const ENTRY_START = /^\s*(?:(\d{4}-\d{2}-\d{2})[ T])?(\d{1,2})\s*[:h]\s*(\d{2})(?=\s|$)\s*(\[essentiel\](?=\s|$))?\s*/iu;

export const ENTRY_EXAMPLE = '## 16:45 Le titre de l’entrée (ou ## 2024-02-07 09:10 … le jour suivant)';

/**
 * In a live article (`live: true`, so `file.data.liveSince` is set), each
 * `##` heading of the body (or `#`, an intertitle as well) that starts with a Paris time opens an entry,
 * which runs to the next one; what comes before the first is the
 * introduction. A time alone is on the day of the nearest entry above that
 * gives a date, or else of the publication. The time and the mark are taken
 * out of the heading, which keeps the title; renderMarkdown cuts the tree at
 * the marked headings. An entry before the publication, an impossible time or
 * an entry without a title is an error; a `##` or `#` heading without a time, a
 * warning (it stays inside the entry above it).
 */
export const remarkLiveEntries: Plugin<[], Root> = function () {
  return (tree, file) => {
    const since = file.data.liveSince;
    if (!since) return;
    const entries: LiveEntryHeading[] = [];
    const seen = new Map<string, number>();
    let day = formatIsoInSiteTimeZone(since.date).slice(0, 10);
    for (const node of tree.children) {
      // `#` is an intertitle too (remarkDemoteHeadings makes it an h2): an entry written with it is an entry.
      if (node.type !== 'heading' || node.depth > 2) continue;
      const entry = readEntry(node, day, since, file);
      if (!entry) continue;
      day = formatIsoInSiteTimeZone(entry.date.date).slice(0, 10);
      const minute = `direct-${day}-${formatIsoInSiteTimeZone(entry.date.date).slice(11, 16).replace(':', '')}`;
      const count = (seen.get(minute) ?? 0) + 1;
      seen.set(minute, count);
      node.data = { ...node.data, liveEntry: entries.length };
      entries.push({ id: count === 1 ? minute : `${minute}-${count}`, date: entry.date, key: entry.key });
    }
    file.data.liveEntries = entries;
  };
};

function readEntry(heading: Heading, day: string, since: DateWithOffset, file: VFile): { date: DateWithOffset; key: boolean } | undefined {
  const first = heading.children[0];
  const match = first?.type === 'text' ? ENTRY_START.exec(first.value) : null;
  if (!first || first.type !== 'text' || !match) {
    reportProblem(file, heading, {
      message: 'intertitre sans heure dans un direct : ce n’est pas une entrée, il reste dans celle du dessus',
      hint: `commencez-le par l’heure de Paris pour en faire une entrée (${ENTRY_EXAMPLE}), ou écrivez ### pour un intertitre dans l’entrée`,
      fatal: false,
    });
    return undefined;
  }
  const [whole, writtenDay, hours = '', minutes = '', mark] = match;
  const written = `${writtenDay ?? day} ${hours.padStart(2, '0')}:${minutes}`;
  const parsed = parseDateTime(written);
  if (!parsed.ok) {
    reportProblem(file, heading, { message: `entrée du direct : ${parsed.message}`, hint: `${parsed.hint} ; ${ENTRY_EXAMPLE}`, fatal: true });
    return undefined;
  }
  first.value = first.value.slice(whole.length);
  if (first.value === '') heading.children.shift();
  if (heading.children.length === 0) {
    reportProblem(file, heading, { message: `entrée du direct de ${written} sans titre`, hint: `écrivez son titre après l’heure : ${ENTRY_EXAMPLE}`, fatal: true });
    return undefined;
  }
  if (parsed.value.date < since.date) {
    reportProblem(file, heading, {
      message: `entrée du direct datée de ${written}, avant la publication (${since.iso})`,
      hint: writtenDay ? 'vérifiez la date de l’entrée et celle de publishedAt' : 'une heure seule est du jour de l’entrée datée au-dessus (ou de la publication) : écrivez la date, ## 2024-02-07 09:10 …',
      fatal: true,
    });
    return undefined;
  }
  return { date: parsed.value, key: mark !== undefined };
}

/**
 * The tree cut at the marked headings: what comes before the first entry,
 * and each entry's heading with what follows it up to the next.
 */
export function splitAtEntries(tree: Root): { intro: RootContent[]; entries: Array<{ heading: Heading; index: number; children: RootContent[] }> } {
  const intro: RootContent[] = [];
  const entries: Array<{ heading: Heading; index: number; children: RootContent[] }> = [];
  for (const node of tree.children) {
    const index = node.type === 'heading' ? node.data?.liveEntry : undefined;
    if (node.type === 'heading' && index !== undefined) entries.push({ heading: node, index, children: [] });
    else (entries.at(-1)?.children ?? intro).push(node);
  }
  return { intro, entries };
}

/** Newest first, as readers see them; of two entries of the same minute, the one written lower in the file is the newer. */
export function newestFirst<T extends { date: DateWithOffset }>(entries: readonly T[]): T[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => b.entry.date.date.getTime() - a.entry.date.date.getTime() || b.index - a.index)
    .map(({ entry }) => entry);
}

/** « 16:45 » on the day the coverage began, « 7 février 2024 à 09:10 » on the days after. */
export function entryTimeLabel(date: Date, since: Date): string {
  const sameDay = formatIsoInSiteTimeZone(date).slice(0, 10) === formatIsoInSiteTimeZone(since).slice(0, 10);
  return sameDay ? formatTimeFr(date) : formatDateTimeFr(date);
}
