import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { CONTINUE, SKIP, visit } from 'unist-util-visit';
import { remark } from 'remark';
import remarkHtml from 'remark-html';
import { VFile } from 'vfile';
import { siteConfig } from '../../../siteConfig';
import { escapeXml } from '../../../seo/xml';
import type { PhotoLookup } from '../../../images/photoLibrary';
import { bodyTooLong, delimitersTooMany, markersTooDeep, nestedTooDeep } from './bodyLimits';
import type { Figure, Quote } from './bodyNodes';
import { findLinks, type BodyLink } from './findLinks';
import { remarkAttributedQuotes } from './remarkAttributedQuotes';
import { remarkDemoteHeadings } from './remarkDemoteHeadings';
import { embedOf, lazyDefinitions, remarkEmbeds } from './remarkEmbeds';
import { remarkExternalLinks } from './remarkExternalLinks';
import { remarkFrenchTypography } from './remarkFrenchTypography';
import { remarkImageFigures } from './remarkImageFigures';
import { entryTimeLabel, newestFirst, remarkLiveEntries, splitAtEntries, type LiveEntryHeading } from './remarkLiveEntries';
import { remarkStrippedHtml } from './remarkStrippedHtml';
import { remarkUnsafeLinks } from './remarkUnsafeLinks';
import { sanitizeSchema } from './sanitizeSchema';
import type { BodyProblem } from './reportProblem';
import type { DateWithOffset } from '../../../dates/parseDateTime';
import type { EmbedProviderId } from '../../../embeds/frameOrigins';

export type { BodyProblem, LiveEntryHeading };

/** A live article's body cut in parts: the introduction, then each entry in the file's order. */
export interface RenderedLiveBody {
  intro: string;
  /** `line`: the heading's, counted from the body's first. */
  entries: Array<LiveEntryHeading & { title: string; html: string; line: number }>;
}

export interface RenderedBody {
  /** Sanitized HTML, safe to insert as is. */
  html: string;
  quotes: Quote[];
  figures: Figure[];
  /** The body as plain text, for search and snippets. */
  text: string;
  wordCount: number;
  /** Every link as the editor wrote it (the editors' check follows them), taken from the same parse. */
  links: BodyLink[];
  problems: BodyProblem[];
  /** Set when the article is live (`live` given): the same HTML cut at its entries. */
  live?: RenderedLiveBody;
  /** The providers whose content the body shows (after the reader's consent), each once. */
  embeds: EmbedProviderId[];
}

// Order matters: typography first, so quotes listed in `file.data.quotes` carry
// the same spaces as the page; quotes and figures are shaped in the Markdown
// tree, then remark-html converts and sanitizes with a schema that knows them.
// Raw HTML is only reported (remark-html drops it), so its step could go anywhere;
// so could the `rel` of external links, which no other step reads or moves.
function createProcessor(photos: PhotoLookup) {
  return remark()
    .use(remarkStrippedHtml)
    .use(remarkUnsafeLinks)
    // Before typography: the addresses it reads are as written.
    .use(remarkEmbeds)
    // Before typography and heading levels: the time it takes out of entry headings is as written.
    .use(remarkLiveEntries)
    .use(remarkFrenchTypography)
    .use(remarkDemoteHeadings)
    .use(remarkAttributedQuotes)
    .use(remarkImageFigures, { photos })
    .use(remarkExternalLinks, { siteUrl: siteConfig.url })
    .use(remarkHtml, { sanitize: sanitizeSchema });
}

const processors = new WeakMap<PhotoLookup, ReturnType<typeof createProcessor>>();

/**
 * Turns an article body into sanitized HTML and the facts pages need about it.
 * `embeds: false` where the page cannot show them (a dossier's introduction: no
 * consent island, no frame allowed): a provider's address stays a link, with a warning.
 */
export function renderMarkdown(markdown: string, options: { photos: PhotoLookup; live?: { since: DateWithOffset }; embeds?: false }): RenderedBody {
  let processor = processors.get(options.photos);
  if (!processor) {
    processor = createProcessor(options.photos);
    processors.set(options.photos, processor);
  }
  const refusedUnparsed = bodyTooLong(markdown) ?? markersTooDeep(markdown) ?? delimitersTooMany(markdown);
  if (refusedUnparsed) return refused(refusedUnparsed);
  const file = new VFile(markdown);
  if (options.live) file.data.liveSince = options.live.since;
  if (options.embeds === false) file.data.embedsShown = false;
  const tree = processor.parse(file);
  // Parsing never recurses; every step after it does, once per level.
  const tooDeep = nestedTooDeep(tree);
  if (tooDeep) return refused(tooDeep);
  const text = plainText(tree, options.embeds !== false);
  const links = findLinks(tree);
  const transformed = processor.runSync(tree, file);
  const live = options.live && file.data.liveEntries ? liveParts(transformed, file.data.liveEntries, (children) => processor.stringify({ type: 'root', children }, file).trim()) : undefined;
  const html = live && options.live ? composeLiveHtml(live, options.live.since) : processor.stringify(transformed, file);
  return {
    html,
    ...(live ? { live } : {}),
    quotes: file.data.quotes ?? [],
    figures: file.data.figures ?? [],
    embeds: file.data.embeds ?? [],
    text,
    wordCount: countWords(text),
    links,
    problems: file.messages.map((message) => ({
      line: message.line ?? undefined,
      column: message.column ?? undefined,
      message: message.reason,
      hint: message.note ?? '',
      fatal: message.fatal === true,
    })),
  };
}

function liveParts(tree: Root, found: readonly LiveEntryHeading[], htmlOf: (children: Root['children']) => string): RenderedLiveBody {
  const { intro, entries } = splitAtEntries(tree);
  return {
    intro: htmlOf(intro),
    entries: entries.flatMap(({ heading, index, children }) => {
      const entry = found[index];
      return entry ? [{ ...entry, title: toString(heading, { includeImageAlt: false, includeHtml: false }).trim(), html: htmlOf(children), line: heading.position?.start.line ?? 1 }] : [];
    }),
  };
}

/**
 * The whole live article in one piece, for what has no live page around it
 * (feeds, print of a feed item): each entry newest first under a heading
 * that gives its time, as the page shows it.
 */
function composeLiveHtml(live: RenderedLiveBody, since: DateWithOffset): string {
  const entries = newestFirst(live.entries).map(
    (entry) => `<section id="${entry.id}"><h2><time datetime="${entry.date.iso}">${entryTimeLabel(entry.date.date, since.date)}</time> ${escapeXml(entry.title)}</h2>${entry.html}</section>`,
  );
  return [live.intro, ...entries].join('\n');
}

function refused(problem: BodyProblem): RenderedBody {
  return { html: '', quotes: [], figures: [], embeds: [], text: '', wordCount: 0, links: [], problems: [problem] };
}

/** Text blocks one per line: mdast-util-to-string alone would glue "fin.Début" across paragraphs. */
function plainText(tree: Root, embedsShown: boolean): string {
  const blocks: string[] = [];
  const definitions = embedsShown ? lazyDefinitions(tree) : undefined;
  visit(tree, (node, _index, parent) => {
    // An embed shows its provider's name and a link, not its address: the address is no text readers see.
    if (node.type === 'paragraph' && parent?.type === 'root' && definitions && embedOf(node, definitions)) return SKIP;
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'code' || node.type === 'tableCell') {
      // Raw HTML is not on the page (the sanitizer drops it), so it is not text readers can search.
      blocks.push(toString(node, { includeImageAlt: false, includeHtml: false }));
      return SKIP;
    }
    return CONTINUE;
  });
  return blocks.filter((block) => block.trim() !== '').join('\n');
}

function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:[’'-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
