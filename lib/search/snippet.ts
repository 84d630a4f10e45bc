import { foldText } from './foldText';

export interface SnippetPart {
  text: string;
  match: boolean;
}

/** A query word as the index matched it: folded, and whether it also found the words it begins. */
export interface MatchedWord {
  folded: string;
  prefix: boolean;
}

const SNIPPET_RADIUS = 90;
const isWordCharacter = (character: string | undefined) => character !== undefined && /[\p{L}\p{N}\p{M}]/u.test(character);

/**
 * The passage around the first matched word, in the standfirst if a word
 * matched there, else in the body, else the standfirst as it is; matched words
 * highlighted whole, with their accents (folding keeps positions).
 */
export function buildSnippet(source: { description: string; text: string }, words: readonly MatchedWord[]): SnippetPart[] {
  const wanted = words.filter((word) => word.folded.length > 0);
  for (const original of [source.description, source.text]) {
    const folded = foldText(original);
    const first = Math.min(...wanted.map((word) => indexOfWord(folded, word)).filter((index) => index >= 0));
    if (!Number.isFinite(first)) continue;
    const start = wordBoundaryBefore(original, Math.max(0, first - SNIPPET_RADIUS));
    const end = wordBoundaryAfter(original, Math.min(original.length, first + SNIPPET_RADIUS));
    // Only line breaks become spaces: the no-break spaces of French typography stay.
    const passage = original.slice(start, end).replace(/[^\S\u00A0\u202F]+/g, ' ');
    const parts = highlight(passage, wanted);
    if (start > 0) parts.unshift({ text: '… ', match: false });
    if (end < original.length) parts.push({ text: ' …', match: false });
    return parts;
  }
  return [{ text: source.description, match: false }];
}

function highlight(passage: string, words: readonly MatchedWord[]): SnippetPart[] {
  const folded = foldText(passage);
  const parts: SnippetPart[] = [];
  let position = 0;
  while (position < passage.length) {
    const next = Math.min(...words.map((word) => indexOfWord(folded, word, position)).filter((index) => index >= 0));
    if (!Number.isFinite(next)) break;
    const wordEnd = endOfWord(passage, next);
    if (next > position) parts.push({ text: passage.slice(position, next), match: false });
    parts.push({ text: passage.slice(next, wordEnd), match: true });
    position = wordEnd;
  }
  if (position < passage.length) parts.push({ text: passage.slice(position), match: false });
  return parts;
}

/** Where `word` starts a word of `folded` (and, unless a prefix, ends it), from `from`; -1 if nowhere. */
function indexOfWord(folded: string, word: MatchedWord, from = 0): number {
  let index = folded.indexOf(word.folded, from);
  while (index >= 0) {
    const startsWord = !isWordCharacter(folded[index - 1]);
    const endsWord = word.prefix || !isWordCharacter(folded[index + word.folded.length]);
    if (startsWord && endsWord) return index;
    index = folded.indexOf(word.folded, index + 1);
  }
  return -1;
}

function endOfWord(text: string, from: number): number {
  let end = from;
  while (end < text.length && isWordCharacter(text[end])) end += 1;
  return end;
}

function wordBoundaryBefore(text: string, index: number): number {
  if (index === 0) return 0;
  const space = text.lastIndexOf(' ', index);
  return space === -1 ? 0 : space + 1;
}

function wordBoundaryAfter(text: string, index: number): number {
  const space = text.indexOf(' ', index);
  return space === -1 ? text.length : space;
}
