import { remark } from 'remark';
import { visit } from 'unist-util-visit';

/** A link target as written in the body; `line` and `column` count from the body's first line. */
export interface BodyLink {
  url: string;
  line: number;
  column: number;
}

const parser = remark();

/**
 * Every link target of a Markdown body, inline (`[texte](/article/x)`) or as a
 * reference definition (`[x]: /article/x`), read from the Markdown itself so
 * each keeps the place where the editor wrote it.
 */
export function findLinks(markdown: string): BodyLink[] {
  const links: BodyLink[] = [];
  visit(parser.parse(markdown), (node) => {
    if ((node.type === 'link' || node.type === 'definition') && node.position) {
      links.push({ url: node.url, line: node.position.start.line, column: node.position.start.column });
    }
  });
  return links;
}
