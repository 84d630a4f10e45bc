import { describe, expect, it } from 'vitest';
import { stubPhotoLookup } from '../../testing/stubPhotoLookup';
import { renderMarkdown } from './renderMarkdown';
import { refusedProtocol } from './remarkUnsafeLinks';

const render = (markdown: string) => renderMarkdown(markdown, { photos: stubPhotoLookup({}) });

describe('refusedProtocol', () => {
  it('names the protocols the sanitizer drops, whatever their case', () => {
    expect(refusedProtocol('javascript:alert(1)')).toBe('javascript');
    expect(refusedProtocol('JaVaScRiPt:alert(1)')).toBe('JaVaScRiPt');
    expect(refusedProtocol('data:text/html,x')).toBe('data');
    expect(refusedProtocol('  javascript:alert(1)')).toBe('  javascript');
  });

  it('keeps web, mail and relative addresses', () => {
    for (const url of ['https://kiosque.example/a', 'http://x.fr', 'mailto:redaction@kiosque.example', '/article/x', 'article/x?y=1:2', '#note', '../a:b']) {
      expect(refusedProtocol(url), url).toBeUndefined();
    }
  });
});

describe('remarkUnsafeLinks', () => {
  it('warns at its line about a link whose address the page will drop, and keeps its text', () => {
    const { html, problems } = render('Avant.\n\nUn [piège](javascript:alert(1)) ici, [un bon](https://kiosque.example).\n\n[ref]: vbscript:msgbox(1)\n');
    expect(html).toContain('<a>piège</a>');
    expect(problems.map(({ line, message, fatal }) => ({ line, message, fatal }))).toStrictEqual([
      { line: 3, message: 'lien retiré de la page : « javascript:alert(1) » n’est pas une adresse web', fatal: false },
      { line: 5, message: 'lien retiré de la page : « vbscript:msgbox(1) » n’est pas une adresse web', fatal: false },
    ]);
  });

  it.each([
    ['inline', '[piège](javascript:alert(1))'],
    ['as a reference', '[piège][ref]\n\n[ref]: javascript:alert(1)'],
    ['as a collapsed reference', '[piège][]\n\n[piège]: javascript:alert(1)'],
    ['as a shortcut reference', '[piège]\n\n[piège]: javascript:alert(1)'],
  ])('drops the address of a link written %s, with the same warning', (_how, markdown) => {
    const { html, problems } = render(`${markdown}\n`);
    expect(html).toContain('<a>piège</a>');
    expect(problems).toStrictEqual([expect.objectContaining({ message: 'lien retiré de la page : « javascript:alert(1) » n’est pas une adresse web', fatal: false })]);
  });

  it('drops an autolink to a refused protocol, with the same warning', () => {
    const { html, problems } = render('<javascript:alert(1)>\n');
    expect(html).toContain('<a>javascript:alert(1)</a>');
    expect(problems).toStrictEqual([expect.objectContaining({ message: 'lien retiré de la page : « javascript:alert(1) » n’est pas une adresse web' })]);
  });
});
