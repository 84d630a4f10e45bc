import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { CONTINUE, SKIP, visit } from 'unist-util-visit';
import { remark } from 'remark';
import remarkHtml from 'remark-html';
import { VFile } from 'vfile';
import { siteConfig } from '../../../siteConfig';
import type { PhotoLookup } from '../../../images/photoLibrary';
import { bodyTooLong, delimitersTooMany, markersTooDeep, nestedTooDeep } from './bodyLimits';
import type { Figure, Quote } from './bodyNodes';
import { findLinks, type BodyLink } from './findLinks';
import { remarkAttributedQuotes } from './remarkAttributedQuotes';
import { remarkDemoteHeadings } from './remarkDemoteHeadings';
import { remarkExternalLinks } from './remarkExternalLinks';
import { remarkFrenchTypography } from './remarkFrenchTypography';
import { remarkImageFigures } from './remarkImageFigures';
import { remarkStrippedHtml } from './remarkStrippedHtml';
import { remarkUnsafeLinks } from './remarkUnsafeLinks';
import { sanitizeSchema } from './sanitizeSchema';
import type { BodyProblem } from './reportProblem';

export type { BodyProblem };

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
    .use(remarkFrenchTypography)
    .use(remarkDemoteHeadings)
    .use(remarkAttributedQuotes)
    .use(remarkImageFigures, { photos })
    .use(remarkExternalLinks, { siteUrl: siteConfig.url })
    .use(remarkHtml, { sanitize: sanitizeSchema });
}

const processors = new WeakMap<PhotoLookup, ReturnType<typeof createProcessor>>();

/** Turns an article body into sanitized HTML and the facts pages need about it. */
export function renderMarkdown(markdown: string, options: { photos: PhotoLookup }): RenderedBody {
  let processor = processors.get(options.photos);
  if (!processor) {
    processor = createProcessor(options.photos);
    processors.set(options.photos, processor);
  }
  const refusedUnparsed = bodyTooLong(markdown) ?? markersTooDeep(markdown) ?? delimitersTooMany(markdown);
  if (refusedUnparsed) return refused(refusedUnparsed);
  const file = new VFile(markdown);
  const tree = processor.parse(file);
  // Parsing never recurses; every step after it does, once per level.
  const tooDeep = nestedTooDeep(tree);
  if (tooDeep) return refused(tooDeep);
  const text = plainText(tree);
  const links = findLinks(tree);
  const html = processor.stringify(processor.runSync(tree, file), file);
  return {
    html,
    quotes: file.data.quotes ?? [],
    figures: file.data.figures ?? [],
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

function refused(problem: BodyProblem): RenderedBody {
  return { html: '', quotes: [], figures: [], text: '', wordCount: 0, links: [], problems: [problem] };
}

/** Text blocks one per line: mdast-util-to-string alone would glue "fin.Début" across paragraphs. */
function plainText(tree: Root): string {
  const blocks: string[] = [];
  visit(tree, (node) => {
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
