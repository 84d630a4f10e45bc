import { describe, expect, it } from 'vitest';
import { remark } from 'remark';
import { findLinks as findLinksOfTree } from './findLinks';

const findLinks = (markdown: string) => findLinksOfTree(remark().parse(markdown));

describe('findLinks', () => {
  it('lists inline links, autolinks and reference definitions with their body line and column', () => {
    const markdown = [
      'Voir [cet article](/article/un) et <https://kiosque.example/article/deux>.',
      '',
      '> Dans une citation, [un lien][ref].',
      '',
      '[ref]: /article/trois',
    ].join('\n');
    expect(findLinks(markdown)).toStrictEqual([
      { url: '/article/un', line: 1, column: 6 },
      { url: 'https://kiosque.example/article/deux', line: 1, column: 36 },
      { url: '/article/trois', line: 5, column: 1 },
    ]);
  });

  it('lists an address alone on its line, which becomes a link, as it lists the same address between angle brackets', () => {
    const markdown = ['https://kiosque.example/article/un', '', '<https://kiosque.example/article/un>', '', '- https://kiosque.example/article/deux', '', 'Dans une phrase, https://kiosque.example/article/trois reste du texte.'].join('\n');
    expect(findLinks(markdown)).toStrictEqual([
      { url: 'https://kiosque.example/article/un', line: 1, column: 1 },
      { url: 'https://kiosque.example/article/un', line: 3, column: 1 },
      { url: 'https://kiosque.example/article/deux', line: 5, column: 3 },
    ]);
  });

  it('leaves out images and code', () => {
    expect(findLinks('![photo](/images/a.png "© A")\n\n`[x](/article/y)`\n')).toStrictEqual([]);
  });
});
