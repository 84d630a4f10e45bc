import { describe, expect, it } from 'vitest';
import { activeContentIn, elementsIn } from './htmlElements';

describe('elementsIn', () => {
  it('finds the attributes it must rule out, or the checks using it prove nothing', () => {
    expect(elementsIn('<p><img src="x" onerror="y" style="z"><a href="javascript:x">t</a></p>')).toStrictEqual([
      { tag: 'p', attributes: new Map() },
      { tag: 'img', attributes: new Map([['src', 'x'], ['onerror', 'y'], ['style', 'z']]) },
      { tag: 'a', attributes: new Map([['href', 'javascript:x']]) },
    ]);
  });
});

describe('activeContentIn', () => {
  it.each([
    ['<script>alert(1)</script>', ['<script', '<script>']],
    ['<SCRIPT>alert(1)</SCRIPT>', ['<script', '<script>']],
    ['<p OnClick="x">t</p>', ['<p onclick>']],
    ['<div style="width:expression(alert(1))">t</div>', ['<div style>']],
    ['<a href="javascript:alert(1)">t</a>', ['<a href="javascript:alert(1)">']],
    ['<a href="&#x6A;avascript:alert(1)">t</a>', ['<a href="&#x6A;avascript:alert(1)">']],
    ['<a href="vbscript:msgbox(1)">t</a>', ['<a href="vbscript:msgbox(1)">']],
    ['<img src="data:text/html,x">', ['<img src="data:text/html,x">']],
    ['<img src="data:image/svg+xml,x">', ['<img src="data:image/svg+xml,x">']],
    ['<iframe src="https://x.example/"></iframe>', ['<iframe>']],
    ['<object data="x"></object><embed src="/x"><form action="/x"></form>', ['<object>', '<embed>', '<form>', '<form action>']],
    ['<style>p{}</style><base href="/"><meta http-equiv="refresh">', ['<style>', '<base>', '<meta>']],
    ['<svg onload="x"></svg>', ['<svg>', '<svg onload>']],
  ])('finds the active content of %s', (html, found) => {
    expect(activeContentIn(html)).toStrictEqual(found);
  });

  it.each([
    '<p>Texte &#x3C;script>alert(1)&#x3C;/script> et &#x3C;img src=x onerror=alert(1)></p>',
    '<p><a href="https://example.com/" title="x&#x22; onmouseover=&#x22;alert(1)" rel="noopener noreferrer">t</a></p>',
    '<p><a href="/article/x">t</a> <a href="#note">n</a> <a href="mailto:a@b.example">m</a> <a href="//cdn.example/x">c</a> <a>sans lien</a></p>',
    '<figure class="media"><img src="/images/x.png" alt="a" width="1" height="1"><figcaption>Légende <small>© x</small></figcaption></figure>',
  ])('finds nothing in inert HTML: %s', (html) => {
    expect(activeContentIn(html)).toStrictEqual([]);
  });
});
