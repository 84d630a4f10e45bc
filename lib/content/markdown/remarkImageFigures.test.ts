import { describe, expect, it } from 'vitest';
import { stubPhotoLookup } from '../testing/stubPhotoLookup';
import { splitCaptionAndCredit } from './remarkImageFigures';
import { renderMarkdown } from './renderMarkdown';

const imageSize = stubPhotoLookup({ '/images/photo.png': { width: 1200, height: 800 } });

function render(markdown: string) {
  const rendered = renderMarkdown(markdown, { photos: imageSize });
  return { ...rendered, html: rendered.html.replace(/\n/g, '') };
}

describe('remarkImageFigures', () => {
  it('turns an image alone in its paragraph into a figure with its size, caption and credit', () => {
    const { html, figures, problems } = render('![Un smartphone](/images/photo.png "Légende © Agence")\n');
    expect(html).toBe(
      '<figure class="media"><img src="/images/photo.png" alt="Un smartphone" width="1200" height="800" loading="lazy" decoding="async">' +
        '<figcaption>Légende <small>© Agence</small></figcaption></figure>',
    );
    expect(figures).toStrictEqual([{ src: '/images/photo.png', alt: 'Un smartphone', caption: 'Légende', credit: '© Agence' }]);
    expect(problems).toStrictEqual([]);
  });

  it('treats a title without © as all credit', () => {
    const { html, figures } = render('![Un smartphone](/images/photo.png "GettyImages")\n');
    expect(html).toContain('<figcaption><small>GettyImages</small></figcaption>');
    expect(figures).toStrictEqual([{ src: '/images/photo.png', alt: 'Un smartphone', credit: 'GettyImages' }]);
  });

  it('leaves an image inside a sentence in its paragraph, sized, and not listed as a figure', () => {
    const { html, figures } = render('Voici ![icône](/images/photo.png "© Agence") dans le texte.\n');
    expect(html).toMatch(/^<p>Voici <img src="\/images\/photo.png" alt="icône" title="© Agence" width="1200" height="800"/);
    expect(html).not.toContain('<figure');
    expect(figures).toStrictEqual([]);
  });

  it.each([
    ['no alt text', '![](/images/photo.png "© Agence")', /sans texte alternatif/],
    ['no credit', '![Un smartphone](/images/photo.png)', /sans crédit/],
    ['an image that is not in public/', '![Un smartphone](/images/absente.png "© Agence")', /introuvable dans public/],
  ])('reports an image with %s as a fatal problem at its body line', (_, image, message) => {
    const { problems } = render(`Introduction.\n\nSuite.\n\n${image}\n`);
    expect(problems).toStrictEqual([
      { line: 5, column: 1, message: expect.stringMatching(message) as unknown, hint: expect.any(String) as unknown, fatal: true },
    ]);
  });
});

describe('splitCaptionAndCredit', () => {
  it.each([
    ['Légende. © Agence', { caption: 'Légende.', credit: '© Agence' }],
    ['  Légende   ©   Agence  ', { caption: 'Légende', credit: '©   Agence' }],
    ['Photo © AFP © Reuters', { caption: 'Photo', credit: '© AFP © Reuters' }],
    ['© Agence', { credit: '© Agence' }],
    ['GettyImages', { credit: 'GettyImages' }],
    ['   ', { credit: '' }],
  ])('%j', (title, expected) => {
    expect(splitCaptionAndCredit(title)).toStrictEqual(expected);
  });
});
