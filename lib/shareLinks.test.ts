import { describe, expect, it } from 'vitest';
import { buildShareLinks } from './shareLinks';

describe('buildShareLinks', () => {
  const url = 'https://kiosque.example/article/un-article?x=1&y=2';
  const links = buildShareLinks(url, 'L’IA & vous');

  it('offers the five networks, each carrying the encoded canonical URL', () => {
    expect(links.map((link) => link.network)).toEqual(['X', 'Facebook', 'LinkedIn', 'WhatsApp', 'E-mail']);
    for (const link of links) expect(link.href).toContain(encodeURIComponent(url));
  });

  it('never lets the title break out of its parameter', () => {
    const x = new URL(links[0]?.href ?? '');
    expect(x.searchParams.get('text')).toBe('L’IA & vous');
    expect(x.searchParams.get('url')).toBe(url);
    expect(links.at(-1)?.href.startsWith('mailto:?subject=L%E2%80%99IA%20%26%20vous&body=')).toBe(true);
  });
});
