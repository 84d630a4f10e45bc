/**
 * Lowercases and strips accents one character at a time, so that a position in
 * the folded text is the same position in the original ("entraîner" and
 * "entrainer" match, and the match can be highlighted in the original).
 */
export function foldText(text: string): string {
  let folded = '';
  for (const character of text) {
    const base = character.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    // Keep one UTF-16 unit per original unit: positions must line up.
    folded += base.length === character.length ? base : character;
  }
  return folded;
}
