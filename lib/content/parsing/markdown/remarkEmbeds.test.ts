import { describe, expect, it } from 'vitest';
import { elementsIn } from '../../testing/htmlElements';
import { stubPhotoLookup } from '../../testing/stubPhotoLookup';
import { renderMarkdown } from './renderMarkdown';

const photos = stubPhotoLookup({});
const render = (markdown: string) => renderMarkdown(markdown, { photos });

/** The attributes of each element of this tag, as plain objects. */
function tagged(html: string, tag: string): Array<Record<string, string>> {
  return elementsIn(html)
    .filter((element) => element.tag === tag)
    .map((element) => Object.fromEntries(element.attributes));
}

/** Each link's address and text. */
function links(html: string): Array<[string, string]> {
  return [...html.matchAll(/<a href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map(([, href = '', text = '']) => [href, text]);
}

describe('remarkEmbeds', () => {
  it('leaves an embed’s address out of the searched text, which keeps a plain link’s address (the page shows it)', () => {
    const body = 'Avant.\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nhttps://exemple.fr/rapport\n\nAprès.\n';
    expect(render(body).text).toBe('Avant.\nhttps://exemple.fr/rapport\nAprès.');
    expect(renderMarkdown(body, { photos, embeds: false }).text).toBe('Avant.\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\nhttps://exemple.fr/rapport\nAprès.');
  });

  it('makes a provider’s address alone on its line a placeholder: the provider, its frame address, a link to the original, and no frame', () => {
    const { html, embeds, problems } = render('Avant.\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nAprès.\n');
    expect(problems).toStrictEqual([]);
    expect(embeds).toStrictEqual(['youtube']);
    expect(tagged(html, 'figure')).toStrictEqual([{
      class: 'embed embed-video',
      'data-embed-provider': 'youtube',
      'data-embed-name': 'YouTube',
      'data-embed-src': 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    }]);
    expect(html).toContain('<strong>YouTube</strong>');
    expect(links(html)).toStrictEqual([['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'Voir le contenu sur YouTube']]);
    expect(tagged(html, 'a')[0]?.rel).toBe('noopener noreferrer');
    expect(html).not.toMatch(/<iframe|<img|<script/);
    expect(html).toMatch(/^<p>Avant\.<\/p>\n<figure[^]*<\/figure>\n<p>Après\.<\/p>/);
  });

  it('takes the address between angle brackets too, and lists each provider once, in the order of the text', () => {
    const { embeds, html } = render('<https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk>\n\nhttps://youtu.be/dQw4w9WgXcQ\n\nhttps://open.spotify.com/track/4rOoJ6Egrf8K2IrywzwOMk\n');
    expect(embeds).toStrictEqual(['spotify', 'youtube']);
    expect(tagged(html, 'figure').map((figure) => figure.class)).toStrictEqual(['embed embed-audio', 'embed embed-video', 'embed embed-audio']);
  });

  it.each([
    ['inline', '[https://youtu.be/dQw4w9WgXcQ](https://youtu.be/dQw4w9WgXcQ)'],
    ['as a reference', '[https://youtu.be/dQw4w9WgXcQ][video]\n\n[video]: https://youtu.be/dQw4w9WgXcQ'],
    ['as a collapsed reference', '[https://youtu.be/dQw4w9WgXcQ][]\n\n[https://youtu.be/dQw4w9WgXcQ]: https://youtu.be/dQw4w9WgXcQ'],
    ['as a shortcut reference', '[https://youtu.be/dQw4w9WgXcQ]\n\n[https://youtu.be/dQw4w9WgXcQ]: https://youtu.be/dQw4w9WgXcQ'],
  ])('takes a link whose text is its own address, written %s, as the address between angle brackets', (_how, markdown) => {
    const written = render(`${markdown}\n`);
    const bracketed = render('<https://youtu.be/dQw4w9WgXcQ>\n');
    expect(written.embeds).toStrictEqual(['youtube']);
    expect(written.html.trim()).toBe(bracketed.html.trim());
  });

  it('warns about a provider’s address that shows nothing written as a reference, as it does between angle brackets', () => {
    const { problems } = render('Intro.\n\n[https://www.youtube.com/@franceinfo][chaine]\n\n[chaine]: https://www.youtube.com/@franceinfo\n');
    expect(problems).toStrictEqual([expect.objectContaining({ line: 3, fatal: false, message: expect.stringContaining('YouTube') as unknown })]);
  });

  it.each([
    ['as a reference with its own text', '[la vidéo][video]\n\n[video]: https://youtu.be/dQw4w9WgXcQ'],
    ['inside a sentence', 'Regardez https://youtu.be/dQw4w9WgXcQ ce soir.'],
    ['as a link with its own text', '[la vidéo](https://youtu.be/dQw4w9WgXcQ)'],
    ['in a list', '- https://youtu.be/dQw4w9WgXcQ'],
    ['in a quote', '> https://youtu.be/dQw4w9WgXcQ'],
  ])('leaves an address %s as it was', (_where, markdown) => {
    const { embeds, html } = render(`${markdown}\n`);
    expect(embeds).toStrictEqual([]);
    expect(html).not.toContain('data-embed');
  });

  it('makes any other address alone on its line a link', () => {
    const { html, embeds, problems } = render('https://www.lemonde.fr/international/article.html\n');
    expect(embeds).toStrictEqual([]);
    expect(problems).toStrictEqual([]);
    expect(links(html)).toStrictEqual([['https://www.lemonde.fr/international/article.html', 'https://www.lemonde.fr/international/article.html']]);
    expect(tagged(html, 'a')[0]?.rel).toBe('noopener noreferrer');
  });

  it('warns at its line about a provider’s address that shows nothing, and keeps it a link', () => {
    const { html, embeds, problems } = render('Intro.\n\nhttps://www.youtube.com/@franceinfo\n');
    expect(embeds).toStrictEqual([]);
    expect(problems).toStrictEqual([
      expect.objectContaining({ line: 3, fatal: false, message: expect.stringContaining('YouTube') as unknown, hint: expect.stringContaining('https://www.youtube.com/watch?v=') as unknown }),
    ]);
    expect(tagged(html, 'a').map((link) => link.href)).toStrictEqual(['https://www.youtube.com/@franceinfo']);
  });

  it('lets no frame address through the sanitizer that is not a provider’s own', () => {
    // The frame address is only ever written by the step itself; an editor can write neither attributes nor HTML.
    const { html } = render('<figure class="embed" data-embed-provider="youtube" data-embed-src="https://evil.example/x"></figure>\n\nhttps://youtu.be/dQw4w9WgXcQ?t=javascript:alert(1)\n');
    expect(html).not.toContain('evil.example');
    const figures = tagged(html, 'figure');
    expect(figures).toHaveLength(1);
    for (const figure of figures) expect(figure['data-embed-src']).toMatch(/^https:\/\/www\.youtube-nocookie\.com\/embed\/[\w-]{11}$/);
  });
});
