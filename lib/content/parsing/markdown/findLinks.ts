import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

/** A link target as written in the body; `line` and `column` count from the body's first line. */
export interface BodyLink {
  url: string;
  line: number;
  column: number;
}

/**
 * Every link target of a parsed Markdown body, inline (`[texte](/article/x)`)
 * or as a reference definition (`[x]: /article/x`), each at the place where the
 * editor wrote it: read from the tree as parsed, before any step changes it.
 */
export function findLinks(tree: Root): BodyLink[] {
  const links: BodyLink[] = [];
  visit(tree, (node) => {
    if ((node.type === 'link' || node.type === 'definition') && node.position) {
      links.push({ url: node.url, line: node.position.start.line, column: node.position.start.column });
    }
  });
  return links;
}
