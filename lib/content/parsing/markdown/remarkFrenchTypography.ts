import type { Nodes, Root, Text } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { applyFrenchSpacing, NARROW_NO_BREAK_SPACE } from '../../../typography/frenchSpacing';

/** Inline nodes whose text reads on from their neighbours': "*Dose Rap* :" is one phrase. */
const INLINE_CONTAINERS = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference', 'cite']);

/** A text node to respace, or text that is only read around it (inline code, image alt). */
type Piece = Text | string;

/**
 * Applies French typographic spaces (see `applyFrenchSpacing`) to the text of the
 * body. Only `text` nodes change: code, inline code and raw HTML are not prose,
 * and URLs, titles and alt texts are attributes, so they are never touched.
 * Text reads across inline nodes, so "*Dose Rap* :" and "«*non*»" are spaced.
 */
export const remarkFrenchTypography: Plugin<[], Root> = function () {
  return (tree) => {
    visit(tree, (node) => {
      // Text inside inline containers was read with the block holding them.
      if (!('children' in node) || INLINE_CONTAINERS.has(node.type)) return;
      respacePieces(collectPieces(node.children));
    });
  };
};

function collectPieces(children: readonly Nodes[], pieces: Piece[] = []): Piece[] {
  for (const child of children) {
    if (child.type === 'text') pieces.push(child);
    else if ('children' in child && INLINE_CONTAINERS.has(child.type)) collectPieces(child.children, pieces);
    else if (child.type === 'inlineCode') pieces.push(child.value);
    else if (child.type === 'image' || child.type === 'imageReference') pieces.push(child.alt ?? '');
    // Blocks, code, raw HTML and line breaks end the phrase.
    else pieces.push('');
  }
  return pieces;
}

function respacePieces(pieces: readonly Piece[]): void {
  pieces.forEach((piece, index) => {
    if (typeof piece === 'string') return;
    const before = textOf(pieces[index - 1]).slice(-1);
    const after = textOf(pieces[index + 1]).slice(0, 1);
    piece.value = respaceBetween(visible(before), piece.value, visible(after));
  });
}

/**
 * Spaces `value` as it reads between the last character before it and the first
 * after it, then keeps only its own part. The neighbours are never changed (only
 * spaces are, and a space is never passed as a neighbour).
 */
function respaceBetween(before: string, value: string, after: string): string {
  const spaced = applyFrenchSpacing(before + value + after);
  const own = spaced.slice(before.length, spaced.length - after.length);
  // A space added where this node meets the next belongs with the mark that needs
  // it: "«" keeps it here, but "?", ":" or "»" in the next node get it there, when
  // that node is spaced, which also sees what follows the mark.
  const addedBeforeNextMark = /^[;:!?»]$/u.test(after) && own.endsWith(NARROW_NO_BREAK_SPACE) && !/\s$/u.test(value);
  return addedBeforeNextMark ? own.slice(0, -1) : own;
}

function textOf(piece: Piece | undefined): string {
  return typeof piece === 'string' ? piece : (piece?.value ?? '');
}

function visible(character: string): string {
  return /^\S$/u.test(character) ? character : '';
}
