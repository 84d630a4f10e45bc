import type { Nodes, Root } from 'mdast';
import type { BodyProblem } from './reportProblem';

/**
 * About 30,000 words, two hours of reading: ten times the longest investigation.
 * Rendering is synchronous and some Markdown costs more than linear time, so a
 * pasted dump must be refused before it holds a build or a server for seconds.
 */
export const MAX_BODY_LENGTH = 200_000;

/**
 * Quotes in lists in quotes… Real bodies stay under 15 levels. The steps after
 * parsing (mdast to HTML, the sanitizer, our plugins) recurse once per level and
 * overflow the stack near 1,000: two kilobytes of `- - - -` would throw from the
 * loader and take every other article down with it.
 */
export const MAX_NESTING_DEPTH = 64;

/** The body is too long: reported at the line where it crosses the limit. */
export function bodyTooLong(markdown: string): BodyProblem | undefined {
  if (markdown.length <= MAX_BODY_LENGTH) return undefined;
  let line = 1;
  for (let index = markdown.indexOf('\n'); index !== -1 && index < MAX_BODY_LENGTH; index = markdown.indexOf('\n', index + 1)) line += 1;
  return {
    line,
    message: `texte trop long : il dépasse ${MAX_BODY_LENGTH.toLocaleString('fr-FR')} caractères à cette ligne`,
    hint: 'un article tient en bien moins : coupez-le en plusieurs articles, ou retirez le texte collé par erreur',
    fatal: true,
  };
}

/** One more quote or list marker at the start of a line, after those before it. */
const CONTAINER_MARKER = /[ \t]*(?:>[ \t]?|(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$))/y;
/** `- - - -` alone on its line is a rule (`<hr>`), not lists. */
const THEMATIC_BREAK = /^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/**
 * A line opening more quotes and lists than the limit, found before parsing:
 * the parser's time grows with the square of the markers on a line (8 KB of
 * `- - - -` take 3 s, 32 KB a minute), so the tree is never built to be refused.
 */
export function markersTooDeep(markdown: string): BodyProblem | undefined {
  for (const [index, line] of markdown.split(/\r?\n/).entries()) {
    if (THEMATIC_BREAK.test(line)) continue;
    CONTAINER_MARKER.lastIndex = 0;
    for (let markers = 1, start = 0; CONTAINER_MARKER.exec(line); markers += 1, start = CONTAINER_MARKER.lastIndex) {
      if (markers > MAX_NESTING_DEPTH) return tooDeep(index + 1, start + 1);
    }
  }
  return undefined;
}

/**
 * Emphasis and link delimiters (`*`, `_`, `[`, `]`) in one paragraph. The
 * parser pairs them in more than linear time: 8,000 of `*a_` take it 4.6 s,
 * 2,000 about 80 ms. A real paragraph has a few dozen.
 */
export const MAX_DELIMITERS_PER_BLOCK = 2_000;
/** And in the whole body, so that many paragraphs just under the limit cannot add up to seconds. */
export const MAX_DELIMITERS_PER_BODY = 20_000;

const isDelimiter = (character: string) => character === '*' || character === '_' || character === '[' || character === ']';

/** The first paragraph (text between blank lines) past the limit, or the one where the body passes its own; found before parsing. */
export function delimitersTooMany(markdown: string): BodyProblem | undefined {
  let line = 1;
  let total = 0;
  for (const block of markdown.split(/(\r?\n[ \t]*\r?\n)/)) {
    let delimiters = 0;
    for (const character of block) if (isDelimiter(character)) delimiters += 1;
    total += delimiters;
    if (delimiters > MAX_DELIMITERS_PER_BLOCK || total > MAX_DELIMITERS_PER_BODY) {
      const limit = delimiters > MAX_DELIMITERS_PER_BLOCK ? `plus de ${MAX_DELIMITERS_PER_BLOCK.toLocaleString('fr-FR')} dans ce paragraphe` : `plus de ${MAX_DELIMITERS_PER_BODY.toLocaleString('fr-FR')} dans le texte à ce paragraphe`;
      return {
        line,
        message: `trop de marques de mise en forme ou de lien (* _ [ ]) : ${limit}`,
        hint: 'retirez les * et _ qui s’enchaînent, ou coupez ce texte : il vient sans doute d’un copier-coller',
        fatal: true,
      };
    }
    for (const character of block) if (character === '\n') line += 1;
  }
  return undefined;
}

/** The first node nested deeper than the limit, found without recursion (recursion is what overflows). */
export function nestedTooDeep(tree: Root): BodyProblem | undefined {
  const stack: Array<{ node: Nodes; depth: number }> = [{ node: tree, depth: 0 }];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const { node, depth } = entry;
    if (depth > MAX_NESTING_DEPTH) return tooDeep(node.position?.start.line, node.position?.start.column);
    // Children pushed last first, so the first one popped is the first in the text.
    if ('children' in node) for (const child of node.children.toReversed()) stack.push({ node: child, depth: depth + 1 });
  }
  return undefined;
}

function tooDeep(line: number | undefined, column: number | undefined): BodyProblem {
  return {
    line,
    column,
    message: `texte imbriqué sur plus de ${MAX_NESTING_DEPTH} niveaux (citations, listes ou mises en forme les unes dans les autres)`,
    hint: 'vérifiez les « > », les tirets et les retraits en début de ligne, ou les * et _ qui s’enchaînent',
    fatal: true,
  };
}
