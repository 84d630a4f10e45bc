import type { Blockquote, Paragraph, PhrasingContent, Root } from 'mdast';
import type { Plugin } from 'unified';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { figcaption, figure, type CiteNode, type Quote } from './bodyNodes';

const ATTRIBUTION_DASH = /^\s*—\s*/;

/**
 * A blockquote whose last paragraph starts with an em dash is a quote with its
 * speaker: `> texte` then `> — Kaaris, au micro de Dose Rap`. It becomes
 * `<figure><blockquote>…</blockquote><figcaption>— Kaaris, <cite>au micro de
 * Dose Rap</cite></figcaption></figure>` and is listed in `file.data.quotes`.
 * The part before the first comma is the speaker, the rest is where it was said.
 */
export const remarkAttributedQuotes: Plugin<[], Root> = function () {
  return (tree, file) => {
    const quotes: Quote[] = [];
    visit(tree, 'blockquote', (blockquote, index, parent) => {
      if (index === undefined || !parent) return;
      const attribution = readAttribution(blockquote);
      if (!attribution) return;

      const spoken = blockquote.children.slice(0, -1);
      quotes.push({
        text: spoken.map((child) => toString(child)).join('\n\n'),
        ...attribution,
      });
      const quoteOnly: Blockquote = { ...blockquote, children: spoken };
      const caption: Array<PhrasingContent | CiteNode> = [{ type: 'text', value: `— ${attribution.speaker}` }];
      if (attribution.source) {
        caption.push({ type: 'text', value: ', ' });
        caption.push({ type: 'cite', data: { hName: 'cite' }, children: [{ type: 'text', value: attribution.source }] });
      }
      parent.children[index] = { ...figure('quote', [quoteOnly, figcaption(caption)]), position: blockquote.position };
      return SKIP;
    });
    file.data.quotes = quotes;
  };
};

function readAttribution(blockquote: Blockquote): Omit<Quote, 'text'> | undefined {
  const last = blockquote.children.at(-1);
  if (blockquote.children.length < 2 || last?.type !== 'paragraph' || !startsWithDash(last)) return undefined;
  const line = toString(last).replace(ATTRIBUTION_DASH, '').replace(/\s+/g, ' ').trim();
  const comma = line.indexOf(',');
  const speaker = (comma === -1 ? line : line.slice(0, comma)).trim();
  const source = comma === -1 ? '' : line.slice(comma + 1).trim();
  if (!speaker) return undefined;
  return source ? { speaker, source } : { speaker };
}

function startsWithDash(paragraph: Paragraph): boolean {
  const first = paragraph.children[0];
  return first?.type === 'text' && ATTRIBUTION_DASH.test(first.value);
}
