import { describe, expect, it } from 'vitest';
import { characterReferenceIn, controlCharacterIn, invisibleCharacterIn } from './textRules';

describe('characterReferenceIn', () => {
  it.each([
    ['Le &lt;script&gt;', '&lt;'],
    ['Le &#60;script&#62;', '&#60;'],
    ['Le &#x3C;script', '&#x3C;'],
    // HTML decodes these without their semicolon too.
    ['Le &#60script', '&#60'],
    ['Le &#x3cscript', '&#x3c'],
    ['Le &ltscript&gt', '&lt'],
    ['&copy 2024 AFP', '&copy'],
    ['Mes &eacutetudes', '&eacute'],
    ['Un &hellip; de trop', '&hellip;'],
    ['Un &inconnu; aussi', '&inconnu;'],
  ])('finds in %j the entity %j', (text, found) => {
    expect(characterReferenceIn(text)).toBe(found);
  });

  it.each(['Procter & Gamble', 'AT&T', 'R&D, H&M et M&Ms', 'Dolce&Gabbana', 'Rock&Roll', 'Un & seul', '&', 'Fin &', 'Q&A', '&#', '&#x'])('finds none in %j', (text) => {
    expect(characterReferenceIn(text)).toBeUndefined();
  });
});

describe('invisibleCharacterIn', () => {
  it.each([
    ['Facture \u202Efdp.exe', 'caractère invisible U+202E (commande de sens d’écriture) après « Facture »'],
    ['\u2067Titre', 'caractère invisible U+2067 (commande de sens d’écriture) au début'],
    ['Me\u200Bta', 'caractère invisible U+200B (caractère sans chasse) après « Me »'],
    ['Mot\u2060joint', 'caractère invisible U+2060 (caractère sans chasse) après « Mot »'],
    ['Nul\0', 'caractère invisible U+0000 (caractère de contrôle) après « Nul »'],
    ['Fin\u0085', 'caractère invisible U+0085 (caractère de contrôle) après « Fin »'],
    ['Moitié \uD800', 'caractère invisible U+D800 (caractère impossible) après « Moitié »'],
    ['Non \uFFFF', 'caractère invisible U+FFFF (caractère impossible) après « Non »'],
    ['Un titre bien plus long que vingt caractères\u200B', 'caractère invisible U+200B (caractère sans chasse) après « vingt caractères »'],
  ])('describes the character in %j', (text, description) => {
    expect(invisibleCharacterIn(text)?.description).toBe(description);
  });

  it.each(['Texte\tavec tabulation\net retour\r\nà la ligne', 'L’entretien de \u200Fعلي\u200F', 'Famille 👨\u200D👩\u200D👧', 'coupure\u00ADpossible'])('finds none in %j', (text) => {
    expect(invisibleCharacterIn(text)).toBeUndefined();
  });
});

describe('controlCharacterIn', () => {
  it('finds control characters only: a body may hold direction marks and zero-width spaces', () => {
    expect(controlCharacterIn('Un\u200B mot \u202Einversé')).toBeUndefined();
    expect(controlCharacterIn('Ligne un\nLigne\u000B deux')).toStrictEqual({ index: 14, description: 'caractère invisible U+000B (caractère de contrôle) après « Ligne »' });
  });
});
