/**
 * Rules for text an editor writes, so that what a reader sees is what the
 * editor sees: on the page, where text is printed as written, and in feed
 * readers, which read titles as HTML.
 */

/** Legacy HTML names a reader decodes even without the semicolon (`&copy 2024` is « © 2024 »), from the HTML standard. */
const LEGACY_ENTITY_NAMES =
  'AElig AMP Aacute Acirc Agrave Aring Atilde Auml COPY Ccedil ETH Eacute Ecirc Egrave Euml GT Iacute Icirc Igrave Iuml LT Ntilde Oacute Ocirc Ograve Oslash Otilde Ouml QUOT REG THORN Uacute Ucirc Ugrave Uuml Yacute ' +
  'aacute acirc acute aelig agrave amp aring atilde auml brvbar ccedil cedil cent copy curren deg divide eacute ecirc egrave eth euml frac12 frac14 frac34 gt iacute icirc iexcl igrave iquest iuml laquo lt macr micro middot ' +
  'nbsp not ntilde oacute ocirc ograve ordf ordm oslash otilde ouml para plusmn pound quot raquo reg sect shy sup1 sup2 sup3 szlig thorn times uacute ucirc ugrave uml uuml yacute yen yuml';

/**
 * An `&` that an HTML reader takes for a character: `&#60;`, `&#x3C`, any
 * `&name;`, and the legacy names without their semicolon. `AT&T`, `R&D` and
 * `Procter & Gamble` are text to HTML too, and stay allowed.
 */
const CHARACTER_REFERENCE = new RegExp(`&(?:#[xX][0-9a-fA-F]+;?|#[0-9]+;?|[A-Za-z][A-Za-z0-9]*;|(?:${LEGACY_ENTITY_NAMES.split(' ').join('|')}))`);

/**
 * Control characters (tab and line breaks aside), which XML forbids (a feed
 * holding one is unreadable) and a page does not show; halves of a character
 * and the two non-characters, which XML forbids too.
 */
const CONTROL_CHARACTER = /(?![\t\n\r])[\p{Cc}\p{Cs}\uFFFE\uFFFF]/u;

/**
 * Besides those, in a field: the commands that reverse or isolate the
 * direction of what follows (a title ending in one would turn the date
 * printed after it backwards), and the zero-width characters that make two
 * names that look the same different (`Me\u200Bta` is not the tag `Meta`).
 * The direction marks (U+200E, U+200F) and the joiners emoji need stay allowed.
 */
const INVISIBLE_CHARACTER = /(?![\t\n\r])[\p{Cc}\p{Cs}\uFFFE\uFFFF\u200B\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;

const SHOWN_CONTEXT = 20;

/** What to write instead of a chevron, in every message that refuses one. */
export const CHEVRONS_HINT = 'écrivez les guillemets « », ou « inférieur à » / « supérieur à » en toutes lettres';

/**
 * Whether a text holds `<` or `>`: titles, standfirsts, names and photo texts
 * travel into feeds that readers parse as HTML, and French text has no use for
 * them (« » are quotes).
 */
export const hasChevrons = (text: string) => /[<>]/.test(text);

/** An invisible character found in a text: what it is, and where, in words. */
export interface InvisibleCharacter {
  index: number;
  /** `caractère invisible U+202E (commande de sens d’écriture) après « Facture »`. */
  description: string;
}

/** The first `&` of the text that a feed reader would read as a character (`&lt;`), or undefined. */
export function characterReferenceIn(text: string): string | undefined {
  return CHARACTER_REFERENCE.exec(text)?.[0];
}

/** The first control character of a whole file (tab and line breaks allowed), or undefined. */
export function controlCharacterIn(text: string): InvisibleCharacter | undefined {
  return found(CONTROL_CHARACTER.exec(text), text);
}

/** The first character of a field nobody would see (controls, direction commands, zero-width), or undefined. */
export function invisibleCharacterIn(text: string): InvisibleCharacter | undefined {
  return found(INVISIBLE_CHARACTER.exec(text), text);
}

function found(match: RegExpExecArray | null, text: string): InvisibleCharacter | undefined {
  if (!match) return undefined;
  const [character] = match;
  const code = character.codePointAt(0) ?? 0;
  const kind = /[\u202A-\u202E\u2066-\u2069]/.test(character)
    ? 'commande de sens d’écriture'
    : /[\u200B\u2060-\u2064\uFEFF]/.test(character)
      ? 'caractère sans chasse'
      : /[\uD800-\uDFFF\uFFFE\uFFFF]/.test(character)
        ? 'caractère impossible'
        : 'caractère de contrôle';
  const before = textBefore(text, match.index);
  return {
    index: match.index,
    description: `caractère invisible U+${code.toString(16).toUpperCase().padStart(4, '0')} (${kind}) ${before ? `après « ${before} »` : 'au début'}`,
  };
}

/** The few words before `index` on its line, so the editor can find an invisible character. */
function textBefore(text: string, index: number): string {
  const line = text.slice(text.lastIndexOf('\n', index - 1) + 1, index);
  if (line.length <= SHOWN_CONTEXT) return line.trim();
  const tail = line.slice(-SHOWN_CONTEXT);
  const space = tail.indexOf(' ');
  return (space === -1 ? tail : tail.slice(space + 1)).trim();
}
