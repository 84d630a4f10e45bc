import type { Html } from 'mdast';
import { remark } from 'remark';
import remarkHtml from 'remark-html';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { remarkFrenchTypography } from './remarkFrenchTypography';

// "·" marks a narrow no-break space (U+202F), "~" a no-break space (U+00A0),
// so that expectations and failures show where the spaces are.
const shown = (text: string) => text.replaceAll('\u202F', '·').replaceAll('\u00A0', '~');

const processor = remark().use(remarkFrenchTypography).use(remarkHtml);

function render(markdown: string): string {
  return shown(String(processor.processSync(markdown))).trim();
}

describe('remarkFrenchTypography', () => {
  it.each([
    ['a paragraph', 'Pourquoi? Parce que « IA » : 35 % de 10 000 photos!', '<p>Pourquoi·? Parce que «·IA·»·: 35~% de 10·000 photos·!</p>'],
    ['a heading', '## Kaaris : le retour?', '<h2>Kaaris·: le retour·?</h2>'],
    ['a quote', '> Tu ne peux pas lutter contre l’évolution, frère!', '<blockquote>\n<p>Tu ne peux pas lutter contre l’évolution, frère·!</p>\n</blockquote>'],
    ['a list item', '- à 16 h 17 : fin', '<ul>\n<li>à 16~h~17·: fin</li>\n</ul>'],
  ])('spaces the text of %s', (_, markdown, html) => {
    expect(render(markdown)).toBe(html);
  });

  it.each([
    ['a mark after emphasis', '*Dose Rap* : le retour', '<p><em>Dose Rap</em>·: le retour</p>'],
    ['a missing space before a mark after strong text', '**Vraiment**?', '<p><strong>Vraiment</strong>·?</p>'],
    ['a unit after a strong number', '**35** %', '<p><strong>35</strong>~%</p>'],
    ['guillemets around emphasis', '«*non*»', '<p>«·<em>non</em>·»</p>'],
    ['a mark after inline code', 'Lancez `npm test` !', '<p>Lancez <code>npm test</code>·!</p>'],
  ])('reads text across inline nodes: %s', (_, markdown, html) => {
    expect(render(markdown)).toBe(html);
  });

  it('leaves a mark that starts a phrase after a line break alone', () => {
    expect(render('Fin  \n: suite')).toBe('<p>Fin<br>\n: suite</p>');
  });

  it('leaves code blocks and inline code unchanged', () => {
    expect(render('```\nconst ok = a ? b : c; // 10 000 %\n```')).toBe('<pre><code>const ok = a ? b : c; // 10 000 %\n</code></pre>');
    expect(render('Tapez `a ? b : c` puis `«x»`.')).toBe('<p>Tapez <code>a ? b : c</code> puis <code>«x»</code>.</p>');
  });

  it('leaves a link’s address unchanged while spacing its visible text', () => {
    expect(render('[Voir : la suite?](https://exemple.fr/a?b=c "Titre : ici")')).toBe(
      '<p><a href="https://exemple.fr/a?b=c" title="Titre : ici">Voir·: la suite·?</a></p>',
    );
  });

  it('leaves an address shown as link text unchanged', () => {
    expect(render('<https://exemple.fr/a?b=c>')).toBe('<p><a href="https://exemple.fr/a?b=c">https://exemple.fr/a?b=c</a></p>');
  });

  it('leaves an image’s address, alt text and title unchanged', () => {
    expect(render('![Un chat !](/images/chat.png "Pourquoi ? © Agence")')).toBe(
      '<p><img src="/images/chat.png" alt="Un chat !" title="Pourquoi ? © Agence"></p>',
    );
  });

  it('leaves raw HTML unchanged', () => {
    const tree = processor.runSync(processor.parse('Texte <abbr title="Quoi ?">x</abbr> !'));
    const html: string[] = [];
    visit(tree, 'html', (node: Html) => {
      html.push(node.value);
    });
    expect(html).toStrictEqual(['<abbr title="Quoi ?">', '</abbr>']);
  });

  it('gives the same HTML when run twice', () => {
    const markdown = '*Dose Rap* : «*non*» **35** % de 10 000, **Vraiment**? [Voir : ici](https://exemple.fr/a?b=c)';
    // unified ignores a second `.use()` of the same plugin, so the tree is run twice instead.
    const tree = processor.runSync(processor.parse(markdown));
    const twice = processor.runSync(tree);
    expect(shown(processor.stringify(twice))).toBe(shown(String(processor.processSync(markdown))));
  });
});
