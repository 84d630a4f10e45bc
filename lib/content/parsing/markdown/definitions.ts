import type { Definition, Root } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * The link and image definitions of a body (`[ref]: /adresse "titre"`), by
 * identifier: the first one written wins, as in CommonMark. Every step that
 * follows a reference (`[texte][ref]`, `![alt][ref]`) reads it from here.
 */
export function definitionsOf(tree: Root): ReadonlyMap<string, Definition> {
  const definitions = new Map<string, Definition>();
  visit(tree, 'definition', (definition) => {
    if (!definitions.has(definition.identifier)) definitions.set(definition.identifier, definition);
  });
  return definitions;
}
