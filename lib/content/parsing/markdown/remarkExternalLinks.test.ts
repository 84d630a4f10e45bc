import { sanitize } from 'hast-util-sanitize';
import { describe, expect, it } from 'vitest';
import { absoluteUrl } from '../../../siteConfig';
import { stubPhotoLookup } from '../../testing/stubPhotoLookup';
import { isExternalUrl } from './remarkExternalLinks';
import { renderMarkdown } from './renderMarkdown';
import { sanitizeSchema } from './sanitizeSchema';

const REL = ' rel="noopener noreferrer"';

function html(markdown: string): string {
  return renderMarkdown(markdown, { photos: stubPhotoLookup({}) }).html;
}

describe('remarkExternalLinks', () => {
  it.each([
    ['[Meta](https://about.meta.com/)', '<a href="https://about.meta.com/"' + REL + '>Meta</a>'],
    ['[cdn](//cdn.example/x)', '<a href="//cdn.example/x"' + REL + '>cdn</a>'],
    ['<https://auto.example/>', '<a href="https://auto.example/"' + REL + '>https://auto.example/</a>'],
    ['[réf][source]\n\n[source]: https://source.example/ "Source"', '<a href="https://source.example/" title="Source"' + REL + '>réf</a>'],
    // The same link written every other way Markdown has.
    ['[source][]\n\n[source]: https://source.example/', '<a href="https://source.example/"' + REL + '>source</a>'],
    ['[source]\n\n[source]: https://source.example/', '<a href="https://source.example/"' + REL + '>source</a>'],
    ['https://nue.example/', '<a href="https://nue.example/"' + REL + '>https://nue.example/</a>'],
  ])('marks a link to another site: %s', (markdown, link) => {
    expect(html(markdown)).toContain(link);
  });

  it.each([
    ['[article](/article/autre)', '<a href="/article/autre">article</a>'],
    [`[accueil](${absoluteUrl('/')})`, `<a href="${absoluteUrl('/')}">accueil</a>`],
    [`[article](${absoluteUrl('/article/autre')})`, `<a href="${absoluteUrl('/article/autre')}">article</a>`],
    ['[note](#note)', '<a href="#note">note</a>'],
    ['[écrire](mailto:redaction@kiosque.example)', '<a href="mailto:redaction@kiosque.example">écrire</a>'],
  ])('leaves a link to the site or to no web page alone: %s', (markdown, link) => {
    expect(html(markdown)).toContain(link);
  });

  it('keeps href sanitization: a javascript: link loses its href and gets no rel', () => {
    expect(html('[x](javascript:alert(1)) [y][r]\n\n[r]: javascript:alert(2)')).toBe('<p><a>x</a> <a>y</a></p>\n');
  });

  it('lets through no rel value but the two it adds', () => {
    const link = { type: 'element' as const, tagName: 'a', properties: { href: 'https://x.example/', rel: ['opener', 'noopener', 'noreferrer'] }, children: [] };
    expect(sanitize({ type: 'root', children: [link] }, sanitizeSchema)).toMatchObject({
      children: [{ tagName: 'a', properties: { href: 'https://x.example/', rel: ['noopener', 'noreferrer'] } }],
    });
  });
});

describe('isExternalUrl', () => {
  const site = new URL('https://kiosque.example/');

  it.each([
    ['https://ailleurs.example/', true],
    ['http://ailleurs.example/a?b#c', true],
    ['//ailleurs.example/x', true],
    ['\\\\ailleurs.example/x', true],
    ['https://www.kiosque.example/', true],
    ['https://kiosque.example:8443/', true],
    ['https://kiosque.example/article/x', false],
    ['http://kiosque.example/article/x', false],
    ['/article/x', false],
    ['article/x', false],
    ['#note', false],
    ['mailto:a@kiosque.example', false],
    ['javascript:alert(1)', false],
    ['http://[::1', false],
  ])('%s → %s', (url, external) => {
    expect(isExternalUrl(url, site)).toBe(external);
  });
});
