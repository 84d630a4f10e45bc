/** Folded forms of the non-ASCII characters met so far: a body has a few dozen distinct ones. */
const folds = new Map<string, string>();

function foldCharacter(character: string): string {
  let folded = folds.get(character);
  if (folded === undefined) {
    const base = character.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    // Keep one UTF-16 unit per original unit: positions must line up.
    folded = base.length === character.length ? base : character;
    folds.set(character, folded);
  }
  return folded;
}

/**
 * Lowercases and strips accents one character at a time, so that a position in
 * the folded text is the same position in the original ("entraîner" and
 * "entrainer" match, and the match can be highlighted in the original).
 */
export function foldText(text: string): string {
  return text.replace(/[A-Z]|[^\u0000-\u007F]/gu, foldCharacter);
}
