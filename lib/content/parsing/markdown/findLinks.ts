import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { bareAddressOf } from './remarkEmbeds';

/** A link target as written in the body; `line` and `column` count from the body's first line. */
export interface BodyLink {
  url: string;
  line: number;
  column: number;
}

/**
 * Every link target of a parsed Markdown body, inline (`[texte](/article/x)`),
 * as a reference definition (`[x]: /article/x`) or as an address alone on its
 * line, which remarkEmbeds makes a link (`https://…/article/x`, as
 * `<https://…/article/x>` is), each at the place where the editor wrote it:
 * read from the tree as parsed, before any step changes it.
 */
export function findLinks(tree: Root): BodyLink[] {
  const links: BodyLink[] = [];
  visit(tree, (node) => {
    if ((node.type === 'link' || node.type === 'definition') && node.position) {
      links.push({ url: node.url, line: node.position.start.line, column: node.position.start.column });
    }
    const bare = node.type === 'paragraph' ? bareAddressOf(node) : undefined;
    if (bare !== undefined && node.position) links.push({ url: bare, line: node.position.start.line, column: node.position.start.column });
  });
  return links;
}
