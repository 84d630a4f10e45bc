import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { reportProblem } from './reportProblem';

/**
 * One comment, as a browser reads it: ended by the first `-->` or `--!>`, and
 * at once by `<!-->` or `<!--->`. Anything written after that is HTML again,
 * even when another comment closes the line (`<!-- a --><iframe…><!-- b -->`).
 */
const COMMENT = /^<!--(?!-?>)(?:(?!--!?>)[\s\S])*--!?>$/;
const CLOSING_TAG = /^<\/[^>]*>$/;
const SHOWN_LENGTH = 60;

/**
 * The sanitizer drops every piece of HTML written in the body, silently: an
 * editor who pasted an embed or a `<b>` would not know why it is missing. Each
 * one becomes a warning at its line. A comment alone is left alone (it is a
 * note, meant to be invisible) and so are closing tags, already covered by their opening.
 */
export const remarkStrippedHtml: Plugin<[], Root> = function () {
  return (tree, file) => {
    visit(tree, 'html', (node) => {
      const html = node.value.trim();
      if (html === '' || COMMENT.test(html) || CLOSING_TAG.test(html)) return;
      reportProblem(file, node, {
        message: `HTML retiré de la page : « ${shorten(html)} »`,
        hint: 'le site n’affiche pas le HTML écrit dans le texte : écrivez-le en Markdown (**gras**, [lien](https://…)) ou supprimez-le',
        fatal: false,
      });
    });
  };
};

function shorten(html: string): string {
  const firstLine = html.split(/\r?\n/, 1)[0] ?? '';
  const cut = firstLine.length > SHOWN_LENGTH || firstLine.length < html.length;
  return cut ? `${firstLine.slice(0, SHOWN_LENGTH)}…` : firstLine;
}
