import { describe, expect, it } from 'vitest';
import { stubPhotoLookup } from '../../testing/stubPhotoLookup';
import { MAX_BODY_LENGTH, MAX_DELIMITERS_PER_BLOCK, MAX_DELIMITERS_PER_BODY, MAX_NESTING_DEPTH } from './bodyLimits';
import { renderMarkdown } from './renderMarkdown';

const imageSize = stubPhotoLookup({});

function render(markdown: string) {
  return renderMarkdown(markdown, { photos: imageSize });
}

describe('body limits', () => {
  it('refuses a body over the length limit at the line where it crosses it, without rendering it', () => {
    const line = `${'mot '.repeat(24)}\n`;
    const body = line.repeat(Math.ceil(MAX_BODY_LENGTH / line.length) + 10);
    const { html, problems } = render(body);
    expect(html).toBe('');
    expect(problems).toStrictEqual([
      {
        line: Math.floor(MAX_BODY_LENGTH / line.length) + 1,
        message: `texte trop long : il dépasse ${MAX_BODY_LENGTH.toLocaleString('fr-FR')} caractères à cette ligne`,
        hint: expect.stringContaining('coupez-le') as unknown,
        fatal: true,
      },
    ]);
  });

  it('refuses a paragraph of chained emphasis marks before the parser spends seconds on it, at its line', () => {
    const body = `Premier paragraphe.\n\nSecond, normal : *un* mot.\n\n${'*a_'.repeat(4_000)}\n\nDernier.\n`;
    const { html, problems } = render(body);
    expect(html).toBe('');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(5);
    expect(problems[0]?.message).toContain('dans ce paragraphe');
  });

  it('refuses a body whose paragraphs, each under the limit, add up to too many delimiters, at the paragraph that passes it', () => {
    const paragraph = `${'*a_'.repeat(MAX_DELIMITERS_PER_BLOCK / 2)}\n\n`;
    const paragraphsWithin = MAX_DELIMITERS_PER_BODY / MAX_DELIMITERS_PER_BLOCK;
    const { problems } = render(paragraph.repeat(paragraphsWithin + 1));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(2 * paragraphsWithin + 1);
    expect(problems[0]?.message).toContain('dans le texte');
  });

  it('counts the delimiters of each paragraph apart', () => {
    const paragraph = `${'*a* '.repeat(MAX_DELIMITERS_PER_BLOCK / 4)}\n\n`;
    const { problems } = render(paragraph.repeat(5));
    expect(problems).toStrictEqual([]);
  });

  it('renders a body just under the limit', () => {
    const { problems } = render('a'.repeat(MAX_BODY_LENGTH));
    expect(problems).toStrictEqual([]);
  });

  // Before the limit, these threw "Maximum call stack size exceeded" out of the
  // loader, and one 2 KB file took every article of the site down with it; the
  // list markers also took the parser minutes (now refused before parsing).
  it.each([
    ['quotes', '>'.repeat(10_000) + ' fin\n', 1, MAX_NESTING_DEPTH + 1],
    ['list items', '- '.repeat(20_000) + 'fin\n', 1, 2 * MAX_NESTING_DEPTH + 1],
    ['numbered items', '1. '.repeat(20_000) + 'fin\n', 1, 3 * MAX_NESTING_DEPTH + 1],
    ['lists in quotes', '> - '.repeat(5_000) + 'fin\n', 1, 2 * MAX_NESTING_DEPTH + 1],
    ['lists a few levels too deep', '- '.repeat(MAX_NESTING_DEPTH / 2 + 1) + 'fin\n', 1, undefined],
    ['emphasis', `${'*'.repeat(600)}a${'*'.repeat(600)}\n`, 1, undefined],
  ])('refuses %s nested deeper than the limit, as an error at its line', (_, markdown, line, column) => {
    const { html, problems } = render(`Intro.\n\n${markdown}`);
    expect(html).toBe('');
    expect(problems).toStrictEqual([
      {
        line: line + 2,
        column: column ?? (expect.any(Number) as unknown),
        message: `texte imbriqué sur plus de ${MAX_NESTING_DEPTH} niveaux (citations, listes ou mises en forme les unes dans les autres)`,
        hint: expect.stringContaining('« > »') as unknown,
        fatal: true,
      },
    ]);
  });

  it('reads a long line of dashes as a rule, not as lists', () => {
    expect(render(`${'- '.repeat(200)}\r\n\r\nSuite.\n`)).toMatchObject({ html: '<hr>\n<p>Suite.</p>\n', problems: [] });
  });

  it('renders nesting as deep as real articles go', () => {
    const nested = ['> - citation dans une liste', '>   - sous-liste', '>     > citation', '>     > - **_[lien](https://example.com)_**'].join('\n');
    const { html, problems } = render(nested);
    expect(problems).toStrictEqual([]);
    expect(html).toContain('<strong><em><a href="https://example.com" rel="noopener noreferrer">lien</a></em></strong>');
  });
});
