/** Espace fine insécable (U+202F): before ; : ! ?, inside « », between groups of digits. */
export const NARROW_NO_BREAK_SPACE = '\u202F';
/** Espace insécable (U+00A0): between a number and its unit, inside "16 h 17". */
export const NO_BREAK_SPACE = '\u00A0';

/** The spaces an editor may have typed where a typographic space belongs: ordinary, no-break, narrow no-break, thin. */
const SPACE = String.raw`[ \u00A0\u202F\u2009]`;

const pattern = (source: string): RegExp => new RegExp(source, 'gu');

// Groups of three digits after a head of one to three, so a year alone ("en 2023")
// or a phone number ("06 12 34 56 78") never matches; the decimal part stays as typed.
const SPACED_THOUSANDS = pattern(String.raw`(?<![\d.,])\d{1,3}(?:${SPACE}\d{3})+(?!\d)`);
const ANY_SPACE = pattern(SPACE);

// A unit must stand alone: "3 mai", "2023 s’est" or "30 m²"-like words are not units.
const UNIT = String.raw`(?:km/h|°C|%|€|\$|£|km|cm|mm|kg|min|Mo|Go|To|ko|m|g|s|h|euros?|dollars?|millions?|milliards?)`;
const SPACE_BEFORE_UNIT = pattern(String.raw`(?<=\d)${SPACE}+(?=${UNIT}(?![\p{L}\d’']))`);
// Runs after SPACE_BEFORE_UNIT, which has already bound "16 h".
const SPACE_BEFORE_MINUTES = pattern(String.raw`(?<=\d\u00A0h)${SPACE}+(?=\d{2}(?!\d))`);

const SPACE_AFTER_OPENING_GUILLEMET = pattern(String.raw`«${SPACE}*(?=\S)`);
const SPACE_BEFORE_CLOSING_GUILLEMET = pattern(String.raw`(?<=\S)${SPACE}*»`);

// One space before a run such as "?!", none between its marks, none at the start of the text.
const SPACE_BEFORE_HIGH_PUNCTUATION = pattern(String.raw`(?<=[^\s;:!?])${SPACE}+(?=[;:!?])`);
// A missing space is added only where the mark ends a phrase (then comes a space,
// a closing sign or the end): "16:17", "3:2", "mailto:x", "?b=c" are left alone.
const MISSING_SPACE_BEFORE_HIGH_PUNCTUATION = pattern(String.raw`(?<=[\p{L}\p{N})\]»”"])(?=[;:!?]+(?:[\s)\]»”"’.,]|$))`);

// Like GitHub's autolinks, trailing punctuation is not part of the address:
// in "Voir https://exemple.fr/faq?" the question mark belongs to the sentence.
const URL = /\b(?:[a-z][a-z\d+.-]*:\/\/|www\.|(?:mailto|tel):)[^\s«»<>"]+?(?=[!?.,:;]*(?:[\s«»<>"]|$))/giu;

/**
 * Puts the spaces of French typography into a run of plain text, following the
 * Imprimerie nationale's *Lexique des règles typographiques*: a narrow no-break
 * space before ; : ! ? and inside « », a no-break space between a number and its
 * unit and in "16 h 17", a narrow no-break space between thousands ("10 000").
 * Only spaces change: existing ones are replaced, missing ones before ; : ! ? and
 * inside « » are added; nothing is added elsewhere, since "16h17" or "4G" may be
 * meant as written. Addresses (https://…, mailto:…) are left untouched.
 * Applying it twice gives the same text as applying it once.
 */
export function applyFrenchSpacing(text: string): string {
  // Each rule needs a digit, a guillemet or a high mark: most runs of prose have
  // none of one kind or another, and a body has thousands of runs.
  const digits = /\d/u.test(text);
  const guillemets = /[«»]/u.test(text);
  const highMarks = /[;:!?]/u.test(text);
  let spaced = text;
  if (digits) {
    spaced = spaced
      .replace(SPACED_THOUSANDS, (number) => number.replace(ANY_SPACE, NARROW_NO_BREAK_SPACE))
      .replace(SPACE_BEFORE_UNIT, NO_BREAK_SPACE)
      .replace(SPACE_BEFORE_MINUTES, NO_BREAK_SPACE);
  }
  if (guillemets) {
    spaced = spaced.replace(SPACE_AFTER_OPENING_GUILLEMET, `«${NARROW_NO_BREAK_SPACE}`).replace(SPACE_BEFORE_CLOSING_GUILLEMET, `${NARROW_NO_BREAK_SPACE}»`);
  }
  if (!highMarks) return spaced;
  spaced = spaced.replace(SPACE_BEFORE_HIGH_PUNCTUATION, NARROW_NO_BREAK_SPACE);
  // The steps above only touch spaces, which an address never contains; adding a
  // space is the one step that could break an address ("…/a?)"), so it checks.
  const addresses = [...spaced.matchAll(URL)].map((match) => [match.index, match.index + match[0].length] as const);
  return spaced.replace(MISSING_SPACE_BEFORE_HIGH_PUNCTUATION, (insertion: string, offset: number) =>
    addresses.some(([start, end]) => offset >= start && offset < end) ? insertion : NARROW_NO_BREAK_SPACE,
  );
}
