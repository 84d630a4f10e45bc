import { describe, expect, it } from 'vitest';
import { parseAuthorFile } from './parseAuthorFile';
import { buildAuthorText } from '../testing/buildContentFile';

describe('parseAuthorFile', () => {
  it('reads the name and bio, the slug from the file name', () => {
    const result = parseAuthorFile({ sourcePath: 'content/authors/sikagz.md', text: buildAuthorText({ name: 'Sikagz' }) });
    expect(result).toStrictEqual({
      ok: true,
      value: { slug: 'sikagz', name: 'Sikagz', bio: 'Rédacteur chez Gentsu, Sikagz suit l’actualité du rap français.', sourcePath: 'content/authors/sikagz.md' },
      warnings: [],
    });
  });

  it.each([
    ['name', { name: 'Sika<script>alert(1)</script>' }, 2],
    ['bio', { bio: 'Rédacteur <img src=x onerror=alert(1)>' }, 3],
  ])('refuses markup in the %s, which feed readers would render', (field, overrides, line) => {
    const result = parseAuthorFile({ sourcePath: 'content/authors/sikagz.md', text: buildAuthorText(overrides) });
    if (result.ok) throw new Error('expected an error');
    expect(result.errors).toStrictEqual([expect.objectContaining({ field, line, message: 'les chevrons < et > ne sont pas permis ici : les flux RSS et Atom les liraient comme du HTML' })]);
  });

  it.each([
    ['name', { name: 'Sika\u202Egz' }, 2, 'caractère invisible U+202E (commande de sens d’écriture) après « Sika »'],
    ['name', { name: 'Sika&shy;gz' }, 2, '« &shy; » est une entité HTML : la page l’afficherait telle quelle, les lecteurs de flux comme le caractère qu’elle code'],
    ['bio', { bio: 'Rédacteur &lt;b&gt;sportif&lt;/b&gt;' }, 3, '« &lt; » est une entité HTML : la page l’afficherait telle quelle, les lecteurs de flux comme le caractère qu’elle code'],
  ])('refuses in the %s what a title refuses: invisible characters and entities (%j)', (field, overrides, line, message) => {
    const result = parseAuthorFile({ sourcePath: 'content/authors/sikagz.md', text: buildAuthorText(overrides) });
    if (result.ok) throw new Error('expected an error');
    expect(result.errors).toStrictEqual([expect.objectContaining({ field, line, message })]);
  });

  it('refuses article fields in an author file', () => {
    const result = parseAuthorFile({ sourcePath: 'content/authors/sikagz.md', text: buildAuthorText({ bio: undefined, title: 'Sikagz' }) });
    if (result.ok) throw new Error('expected errors');
    expect(result.errors).toHaveLength(2);
    expect(result.errors).toStrictEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'bio', message: 'champ obligatoire manquant' }),
        expect.objectContaining({ field: 'title', line: 3, hint: 'retirez-le ; champs possibles : name, bio' }),
      ]),
    );
  });
});
