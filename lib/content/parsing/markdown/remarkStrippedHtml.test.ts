import { describe, expect, it } from 'vitest';
import { stubPhotoLookup } from '../../testing/stubPhotoLookup';
import { renderMarkdown } from './renderMarkdown';

const imageSize = stubPhotoLookup({});
const HINT = 'le site n’affiche pas le HTML écrit dans le texte : écrivez-le en Markdown (**gras**, [lien](https://…)) ou supprimez-le';

function problemsOf(markdown: string) {
  return renderMarkdown(markdown, { photos: imageSize }).problems;
}

describe('remarkStrippedHtml', () => {
  it('warns about an HTML block at its body line, and the page still leaves it out', () => {
    const markdown = 'Introduction.\n\n<div class="encadre">\nÀ lire aussi\n</div>\n';
    expect(problemsOf(markdown)).toStrictEqual([
      { line: 3, column: 1, message: 'HTML retiré de la page : « <div class="encadre">… »', hint: HINT, fatal: false },
    ]);
    expect(renderMarkdown(markdown, { photos: imageSize }).html).toBe('<p>Introduction.</p>\n');
  });

  it('warns once per opening tag inside a sentence, at its column', () => {
    expect(problemsOf('Un mot en <b>gras</b> et un <span style="color:red">rouge</span>.\n')).toStrictEqual([
      { line: 1, column: 11, message: 'HTML retiré de la page : « <b> »', hint: HINT, fatal: false },
      { line: 1, column: 29, message: 'HTML retiré de la page : « <span style="color:red"> »', hint: HINT, fatal: false },
    ]);
  });

  it('shortens a long tag to its first 60 characters', () => {
    const tag = `<iframe src="https://video.example/embed/${'x'.repeat(80)}"></iframe>`;
    expect(problemsOf(`${tag}\n`)[0]?.message).toBe(`HTML retiré de la page : « ${tag.slice(0, 60)}… »`);
  });

  it('says nothing of comments, which are meant to stay invisible', () => {
    expect(problemsOf('Texte.\n\n<!-- note pour la relecture -->\n\nSuite <!-- ici --> du texte.\n')).toStrictEqual([]);
  });

  it('warns about HTML written between two comments, as it warns about the same HTML alone', () => {
    const markdown = 'Texte.\n\n<!-- a --><iframe src="https://video.example/embed/1"></iframe><!-- b -->\n\nSuite.\n';
    expect(problemsOf(markdown)).toStrictEqual([
      { line: 3, column: 1, message: 'HTML retiré de la page : « <!-- a --><iframe src="https://video.example/embed/1"></ifra… »', hint: HINT, fatal: false },
    ]);
    expect(renderMarkdown(markdown, { photos: imageSize }).html).toBe('<p>Texte.</p>\n<p>Suite.</p>\n');
  });

  it.each([
    ['closed at once, as browsers read <!-->', '<!--><b>gras</b>-->'],
    ['closed by --!>, as browsers read it', '<!-- a --!><b>gras</b><!-- b -->'],
  ])('warns about HTML after a comment %s', (_how, html) => {
    expect(problemsOf(`Texte.\n\n${html}\n`)).toStrictEqual([expect.objectContaining({ line: 3, message: `HTML retiré de la page : « ${html} »` })]);
  });

  it('says nothing of angle brackets that are not HTML', () => {
    expect(problemsOf('Si a < b et `<b>` en code, ou <https://example.com>.\n\n    <div>en bloc de code</div>\n')).toStrictEqual([]);
  });
});
