import { describe, expect, it } from 'vitest';
import { stubPhotoLookup } from '../../testing/stubPhotoLookup';
import { renderMarkdown } from './renderMarkdown';

const imageSize = stubPhotoLookup({});

function render(markdown: string) {
  const { html, quotes } = renderMarkdown(markdown, { photos: imageSize });
  return { html: html.replace(/\n/g, ''), quotes };
}

describe('remarkAttributedQuotes', () => {
  it('turns a quote with "— speaker, source" into a figure with a caption and a cite', () => {
    const { html, quotes } = render('> Tu ne peux pas lutter contre l’évolution frère.\n>\n> — Kaaris, au micro de Dose Rap\n');
    expect(html).toBe(
      '<figure class="quote"><blockquote><p>Tu ne peux pas lutter contre l’évolution frère.</p></blockquote>' +
        '<figcaption>— Kaaris, <cite>au micro de Dose Rap</cite></figcaption></figure>',
    );
    expect(quotes).toStrictEqual([
      { text: 'Tu ne peux pas lutter contre l’évolution frère.', speaker: 'Kaaris', source: 'au micro de Dose Rap' },
    ]);
  });

  it('gives a speaker without source when there is no comma', () => {
    const { html, quotes } = render('> On compte aussi les commentaires.\n>\n> — Mark Zuckerberg\n');
    expect(html).toContain('<figcaption>— Mark Zuckerberg</figcaption>');
    expect(html).not.toContain('<cite>');
    expect(quotes).toStrictEqual([{ text: 'On compte aussi les commentaires.', speaker: 'Mark Zuckerberg' }]);
  });

  it('keeps every paragraph of the quote and splits the source at the first comma only', () => {
    const { html, quotes } = render('> Premier.\n>\n> Second.\n>\n> — Elon Musk, sur X, en 2024\n');
    expect(html).toContain('<blockquote><p>Premier.</p><p>Second.</p></blockquote>');
    expect(quotes).toStrictEqual([{ text: 'Premier.\n\nSecond.', speaker: 'Elon Musk', source: 'sur X, en 2024' }]);
  });

  it('leaves a blockquote without an em-dash paragraph as a plain blockquote', () => {
    const { html, quotes } = render('> Une citation.\n>\n> - Kaaris, avec un tiret court\n');
    expect(html).toMatch(/^<blockquote>/);
    expect(html).not.toContain('<figure');
    expect(quotes).toStrictEqual([]);
  });

  it('does not treat a blockquote that is only "— X" as a quote', () => {
    const { html, quotes } = render('> — Kaaris\n');
    expect(html).toBe('<blockquote><p>— Kaaris</p></blockquote>');
    expect(quotes).toStrictEqual([]);
  });

  it('lists the quotes in reading order', () => {
    const { quotes } = render('> Un.\n>\n> — A\n\nTexte.\n\n> Deux.\n>\n> — B, ici\n');
    expect(quotes.map((quote) => quote.speaker)).toStrictEqual(['A', 'B']);
  });
});
