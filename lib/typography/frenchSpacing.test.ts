import { describe, expect, it } from 'vitest';
import { applyFrenchSpacing } from './frenchSpacing';

// The spaces are invisible, so cases are written with markers, as in TeX:
// "·" is a narrow no-break space (U+202F), "~" a no-break space (U+00A0).
// Failures then show the markers too.
const typed = (text: string) => text.replaceAll('·', '\u202F').replaceAll('~', '\u00A0');
const shown = (text: string) => text.replaceAll('\u202F', '·').replaceAll('\u00A0', '~');
const respace = (text: string) => shown(applyFrenchSpacing(typed(text)));

const cases: Array<[description: string, input: string, expected: string]> = [
  ['adds a narrow space before a question mark', 'Pourquoi?', 'Pourquoi·?'],
  ['replaces the space before a colon', 'Dose Rap :', 'Dose Rap·:'],
  ['replaces the space before an exclamation mark', 'Attention !', 'Attention·!'],
  ['adds a narrow space before a semicolon', 'Il pleut; il vente.', 'Il pleut·; il vente.'],
  ['replaces a no-break space before a question mark', 'Vraiment~?', 'Vraiment·?'],
  ['collapses several spaces before a mark', 'Vraiment   ?', 'Vraiment·?'],
  ['adds one space before a ?! run, none inside it', 'Quoi?!', 'Quoi·?!'],
  ['keeps one space before a ?! run', 'Quoi !?', 'Quoi·!?'],
  ['adds a space after a digit', 'Il est 16 h? Non, 17:', 'Il est 16~h·? Non, 17·:'],
  ['adds a space before a mark followed by a closing bracket', '(Vraiment?)', '(Vraiment·?)'],
  ['adds a space after a closing guillemet', '« Non »?', '«·Non·»·?'],
  ['leaves a time alone', 'Publié à 16:17.', 'Publié à 16:17.'],
  ['leaves a ratio alone', 'Une photo en 3:2 ou en 16:9.', 'Une photo en 3:2 ou en 16:9.'],
  ['leaves a web address alone', 'https://exemple.fr/a?b=c', 'https://exemple.fr/a?b=c'],
  ['leaves an address ending in a mark inside brackets alone', '(https://exemple.fr/a?)', '(https://exemple.fr/a?)'],
  ['leaves a mail address alone', 'Écrivez à mailto:redaction@exemple.fr', 'Écrivez à mailto:redaction@exemple.fr'],
  ['spaces the sentence around an address', 'Voir https://exemple.fr/a?b=c !', 'Voir https://exemple.fr/a?b=c·!'],
  ['treats a mark after an address as the sentence’s, like GitHub autolinks', 'Lu sur https://exemple.fr/faq?', 'Lu sur https://exemple.fr/faq·?'],
  ['leaves a word:word identifier alone', 'le tag rap:fr', 'le tag rap:fr'],
  ['adds nothing before a mark at the start of the text', '? fin', '? fin'],
  ['keeps a space before a mark at the start of the text as typed', ' : la suite', ' : la suite'],
  ['adds nothing after an opening bracket', 'un oubli (?) ici', 'un oubli (?) ici'],

  ['replaces the spaces inside guillemets', '« Bonjour »', '«·Bonjour·»'],
  ['adds the spaces inside guillemets', '«Bonjour»', '«·Bonjour·»'],
  ['replaces no-break spaces inside guillemets', '«~Bonjour~»', '«·Bonjour·»'],
  ['adds nothing before a closing guillemet at the start of the text', '» fin', '» fin'],

  ['binds a time with no-break spaces', 'à 16 h 17', 'à 16~h~17'],
  ['binds an hour alone', 'dès 16 h.', 'dès 16~h.'],
  ['leaves a time written without spaces as it is', 'à 16h17', 'à 16h17'],

  ['binds a percentage', '35 %', '35~%'],
  ['binds euros', '12 € ou 12 euros', '12~€ ou 12~euros'],
  ['binds dollars and pounds', '3 $, 4 dollars, 5 £', '3~$, 4~dollars, 5~£'],
  ['binds degrees Celsius', 'il fait 20 °C', 'il fait 20~°C'],
  ['binds lengths', '42 km, 3 m, 25 cm, 5 mm', '42~km, 3~m, 25~cm, 5~mm'],
  ['binds masses', '2 kg, 500 g', '2~kg, 500~g'],
  ['binds durations', '15 min, 30 s', '15~min, 30~s'],
  ['binds sizes of files', '300 ko, 512 Mo, 16 Go, 2 To', '300~ko, 512~Mo, 16~Go, 2~To'],
  ['binds a speed', 'à 130 km/h', 'à 130~km/h'],
  ['binds millions and milliards, singular or plural', '2 millions et 1,5 milliard', '2~millions et 1,5~milliard'],
  ['leaves a word that starts like a unit alone', 'le 3 mai, en 2023 s’est', 'le 3 mai, en 2023 s’est'],
  ['leaves a unit written without a space as it is', '35% et 4G', '35% et 4G'],

  ['separates thousands with a narrow space', '10 000', '10·000'],
  ['separates every group of thousands', '1 234 567', '1·234·567'],
  ['leaves the decimal part alone', '1 234,56', '1·234,56'],
  ['replaces a no-break space between thousands', '10~000', '10·000'],
  ['separates thousands and binds the unit', '10 000 €', '10·000~€'],
  ['leaves a year alone', 'en 2023', 'en 2023'],
  ['leaves a year followed by another number alone', 'En 2023, 400 000 personnes', 'En 2023, 400·000 personnes'],
  ['leaves a phone number alone', '06 12 34 56 78', '06 12 34 56 78'],
];

describe('applyFrenchSpacing', () => {
  it.each(cases)('%s: %j', (_, input, expected) => {
    expect(respace(input)).toBe(expected);
  });

  it.each(cases)('is idempotent (%s)', (_, input) => {
    const once = respace(input);
    expect(respace(once)).toBe(once);
  });

  it('spaces a whole paragraph and stays idempotent', () => {
    const paragraph =
      'Kaaris l’a dit au micro de Dose Rap : «Tu ne peux pas lutter contre l’évolution, frère!» ' +
      'Meta compte 10 000 000 de photos, soit 35 % de plus qu’en 2023; à 16 h 17, Grok répondait déjà?!';
    const expected =
      'Kaaris l’a dit au micro de Dose Rap·: «·Tu ne peux pas lutter contre l’évolution, frère·!·» ' +
      'Meta compte 10·000·000 de photos, soit 35~% de plus qu’en 2023·; à 16~h~17, Grok répondait déjà·?!';
    expect(respace(paragraph)).toBe(expected);
    expect(respace(expected)).toBe(expected);
  });
});
