import { describe, expect, it } from 'vitest';
import { responsiveImage } from '../../../images/photoUrls';
import { activeContentIn, elementsIn } from '../../testing/htmlElements';
import { stubPhotoLookup } from '../../testing/stubPhotoLookup';
import { BODY_IMAGE_SIZES, GALLERY_IMAGE_SIZES, splitCaptionAndCredit } from './remarkImageFigures';
import { renderMarkdown } from './renderMarkdown';

const photos = stubPhotoLookup({
  '/images/photo.png': { width: 1200, height: 800 },
  '/images/2024/b.png': { width: 640, height: 480 },
});

/** The hash the stub gives a photo. */
function hashOf(src: string): string {
  const found = photos(src);
  if (!found.ok) throw new Error(`${src} is not a stub photo`);
  return found.photo.hash;
}

const HASH = hashOf('/images/photo.png');
const B_HASH = hashOf('/images/2024/b.png');

function render(markdown: string) {
  const rendered = renderMarkdown(markdown, { photos });
  return { ...rendered, html: rendered.html.replace(/\n/g, '') };
}

/** The `<img>` attributes remarkImageFigures writes for a photo, as the HTML has them. */
function imageAttributes(src: string, sizes: string) {
  const found = photos(src);
  if (!found.ok) throw new Error(`${src} is not a stub photo`);
  const image = responsiveImage(found.photo, sizes);
  return { src: image.src, srcset: image.srcSet, sizes, width: String(image.width), height: String(image.height) };
}

describe('remarkImageFigures', () => {
  it('turns an image alone in its paragraph into a figure with its variants, size, caption and credit', () => {
    const { html, figures, problems } = render('![Un smartphone](/images/photo.png "Légende © Agence")\n');
    const variants = (width: number, served = width) => `/photos/${HASH}/w${width}/photo.png ${served}w`;
    expect(html).toBe(
      `<figure class="media"><img src="/photos/${HASH}/w1080-jpeg/photo.png.jpeg" alt="Un smartphone" ` +
        `srcset="${[variants(320), variants(480), variants(640), variants(800), variants(1080), variants(1280, 1200)].join(', ')}" ` +
        `sizes="${BODY_IMAGE_SIZES}" width="1200" height="800" loading="lazy" decoding="async">` +
        '<figcaption>Légende <small>© Agence</small></figcaption></figure>',
    );
    expect(figures).toStrictEqual([{ src: '/images/photo.png', alt: 'Un smartphone', width: 1200, height: 800, hash: HASH, caption: 'Légende', credit: '© Agence' }]);
    expect(problems).toStrictEqual([]);
  });

  it('treats a title without © as all credit', () => {
    const { html, figures } = render('![Un smartphone](/images/photo.png "GettyImages")\n');
    expect(html).toContain('<figcaption><small>GettyImages</small></figcaption>');
    expect(figures).toStrictEqual([{ src: '/images/photo.png', alt: 'Un smartphone', width: 1200, height: 800, hash: HASH, credit: 'GettyImages' }]);
  });

  it('leaves an image inside a sentence in its paragraph, with its variants, and not listed as a figure', () => {
    const { html, figures } = render('Voici ![icône](/images/photo.png "© Agence") dans le texte.\n');
    expect(html).toMatch(/^<p>Voici <img [^>]+> dans le texte\.<\/p>$/);
    const [, img] = elementsIn(html);
    expect(img?.tag).toBe('img');
    expect(Object.fromEntries(img?.attributes ?? [])).toStrictEqual({
      ...imageAttributes('/images/photo.png', BODY_IMAGE_SIZES),
      alt: 'icône',
      title: '© Agence',
      loading: 'lazy',
      decoding: 'async',
    });
    expect(html).not.toContain('<figure');
    expect(figures).toStrictEqual([]);
  });

  it('never points at the file itself, only at the site’s variants', () => {
    const { html } = render('![Un smartphone](/images/photo.png "© Agence")\n');
    expect(html).not.toContain('/images/photo.png');
    expect(activeContentIn(html)).toStrictEqual([]);
  });

  describe('galleries', () => {
    const twoPhotos = '![Un smartphone](/images/photo.png "Le téléphone. © Agence A")\n![Un écran](/images/2024/b.png "L’écran. © Agence B")\n';

    it('turns images on consecutive lines into one gallery of credited figures, sized for the gallery', () => {
      const { html, figures, problems } = render(twoPhotos);
      expect(problems).toStrictEqual([]);
      expect(elementsIn(html).map(({ tag, attributes }) => [tag, attributes.get('class')])).toStrictEqual([
        ['figure', 'gallery'],
        ['ul', expect.anything()],
        ['li', undefined],
        ['figure', 'media'],
        ['img', undefined],
        ['figcaption', undefined],
        ['small', undefined],
        ['li', undefined],
        ['figure', 'media'],
        ['img', undefined],
        ['figcaption', undefined],
        ['small', undefined],
      ]);
      const elements = elementsIn(html);
      expect(elements[0]?.attributes.get('aria-label')).toBe('Galerie de 2 photos');
      expect(elements[1]?.attributes.get('tabindex')).toBe('0');
      expect(elements[1]?.attributes.get('aria-label')).toBe('Galerie de 2 photos : faites défiler avec les flèches');
      const images = elements.filter((element) => element.tag === 'img');
      expect(images.map((image) => Object.fromEntries(image.attributes))).toStrictEqual([
        { ...imageAttributes('/images/photo.png', GALLERY_IMAGE_SIZES), alt: 'Un smartphone', loading: 'lazy', decoding: 'async' },
        { ...imageAttributes('/images/2024/b.png', GALLERY_IMAGE_SIZES), alt: 'Un écran', loading: 'lazy', decoding: 'async' },
      ]);
      expect(html).toContain('<figcaption>Le téléphone. <small>© Agence A</small></figcaption>');
      expect(html).toContain('<figcaption>L’écran. <small>© Agence B</small></figcaption>');
      expect(html.match(/<figure class="gallery"/g)).toHaveLength(1);
      expect(figures).toStrictEqual([
        { src: '/images/photo.png', alt: 'Un smartphone', width: 1200, height: 800, hash: HASH, caption: 'Le téléphone.', credit: '© Agence A' },
        { src: '/images/2024/b.png', alt: 'Un écran', width: 640, height: 480, hash: B_HASH, caption: 'L’écran.', credit: '© Agence B' },
      ]);
    });

    // Known bug: sanitizeSchema.ts gives `ul` two className definitions (GitHub's `contains-task-list`, then
    // `gallery-items`); hast-util-sanitize uses the first only, so the gallery list comes out `class=""` and the
    // gallery's CSS does not apply. Turn `it.fails` back into `it` once it is fixed.
    it('keeps the gallery list’s class', () => {
      expect(render(twoPhotos).html).toContain('<ul class="gallery-items" tabindex="0"');
    });

    it('makes three images one gallery of three', () => {
      const { html, figures } = render(`${twoPhotos}![Encore](/images/photo.png "© Agence C")\n`);
      expect(html.match(/<figure class="media">/g)).toHaveLength(3);
      expect(html).toContain('aria-label="Galerie de 3 photos"');
      expect(figures).toHaveLength(3);
    });

    it('keeps two images separated by a blank line as two figures, sized for the body', () => {
      const { html, figures } = render('![Un smartphone](/images/photo.png "© Agence A")\n\n![Un écran](/images/2024/b.png "© Agence B")\n');
      expect(html).not.toContain('gallery');
      expect(html.match(/<figure class="media">/g)).toHaveLength(2);
      expect(html.match(/sizes="([^"]*)"/g)).toStrictEqual([`sizes="${BODY_IMAGE_SIZES}"`, `sizes="${BODY_IMAGE_SIZES}"`]);
      expect(figures.map((figure) => figure.src)).toStrictEqual(['/images/photo.png', '/images/2024/b.png']);
    });

    it('leaves images with text between them in their paragraph', () => {
      const { html, figures } = render('![Un](/images/photo.png "© A")\net puis\n![Deux](/images/2024/b.png "© B")\n');
      expect(html).toMatch(/^<p><img/);
      expect(html).not.toContain('<figure');
      expect(figures).toStrictEqual([]);
    });
  });

  describe('focus points', () => {
    it('reads {focus=30% 40%} after an image, sets its object-position and takes it off the text', () => {
      const { html, figures, problems } = render('![Un smartphone](/images/photo.png "© Agence"){focus=30% 40%}\n');
      expect(problems).toStrictEqual([]);
      expect(html).not.toContain('focus');
      expect(html).toMatch(/^<figure class="media"><img [^>]*style="object-position: 30% 40%"[^>]*><figcaption>/);
      expect(figures).toStrictEqual([expect.objectContaining({ src: '/images/photo.png', focus: { x: 30, y: 40 } })]);
    });

    it.each([
      ['{focus="30,5% 40%"}', 'object-position: 30.5% 40%', { x: 30.5, y: 40 }],
      ['{ focus = 0% 100% }', 'object-position: 0% 100%', { x: 0, y: 100 }],
    ])('reads %s', (attribute, style, focus) => {
      const { html, figures, problems } = render(`![Un smartphone](/images/photo.png "© Agence")${attribute}\n`);
      expect(problems).toStrictEqual([]);
      expect(html).toContain(`style="${style}"`);
      expect(html).not.toContain('focus');
      expect(figures[0]?.focus).toStrictEqual(focus);
    });

    it('gives each photo of a gallery its own focus point', () => {
      const { html, figures } = render('![Un](/images/photo.png "© A"){focus=10% 20%}\n![Deux](/images/2024/b.png "© B"){focus=90% 80%}\n');
      expect(html).toContain('class="gallery"');
      expect(html.match(/style="[^"]*"/g)).toStrictEqual(['style="object-position: 10% 20%"', 'style="object-position: 90% 80%"']);
      expect(figures.map((figure) => figure.focus)).toStrictEqual([{ x: 10, y: 20 }, { x: 90, y: 80 }]);
    });

    it('writes no style for an image without a focus point', () => {
      expect(render('![Un smartphone](/images/photo.png "© Agence")\n').html).not.toContain('style=');
    });

    it.each([
      ['{focus=300% 40%}', 'point de cadrage « 300% 40% » hors de l’image'],
      ['{focus=30% 140%}', 'point de cadrage « 30% 140% » hors de l’image'],
      ['{focus=centre}', 'point de cadrage illisible « centre »'],
      ['{focus=}', 'point de cadrage illisible «  »'],
    ])('reports %s as a fatal problem at the image’s line', (attribute, message) => {
      const { problems, html } = render(`Introduction.\n\nSuite.\n\n![Un smartphone](/images/photo.png "© Agence")${attribute}\n`);
      expect(problems).toStrictEqual([
        { line: 5, column: 1, message: `image « /images/photo.png » : ${message}`, hint: expect.stringContaining('{focus=30% 40%}') as unknown, fatal: true },
      ]);
      expect(html).not.toContain('focus');
      expect(html).not.toContain('style=');
    });
  });

  it.each([
    ['no alt text', '![](/images/photo.png "© Agence")', /sans texte alternatif/],
    ['no credit', '![Un smartphone](/images/photo.png)', /sans crédit/],
    ['a photo that is not in the content folder', '![Un smartphone](/images/absente.png "© Agence")', /^photo « \/images\/absente\.png » introuvable/],
    ['an address outside the photos', '![Un smartphone](https://ailleurs.example/photo.png "© Agence")', /introuvable/],
  ])('reports an image with %s as a fatal problem at its body line', (_, image, message) => {
    const { problems } = render(`Introduction.\n\nSuite.\n\n${image}\n`);
    expect(problems).toStrictEqual([
      { line: 5, column: 1, message: expect.stringMatching(message) as unknown, hint: expect.any(String) as unknown, fatal: true },
    ]);
  });

  it.each([
    ['alt text holding markup', '![Un <b>smartphone</b>](/images/photo.png "© Agence")'],
    ['alt text holding an entity for markup', '![Un &lt;script&gt;](/images/photo.png "© Agence")'],
    ['a caption holding markup', '![Un smartphone](/images/photo.png "Une <b>légende</b> © Agence")'],
    ['a credit holding an entity for markup', '![Un smartphone](/images/photo.png "© &#60;script&#62;")'],
    ['a reference whose definition’s title holds markup', '![Un smartphone][photo]\n\n[photo]: /images/photo.png "© <i>Agence</i>"'],
  ])('refuses an image with %s at its line, as the hero’s alt, caption and credit refuse chevrons', (_, image) => {
    const { problems } = render(`Introduction.\n\n${image}\n`);
    expect(problems).toStrictEqual([
      {
        line: 3,
        column: 1,
        message: 'image « /images/photo.png » : les chevrons < et > ne sont pas permis dans son texte alternatif, sa légende ni son crédit',
        hint: 'écrivez les guillemets « », ou « inférieur à » / « supérieur à » en toutes lettres, comme pour la photo principale',
        fatal: true,
      },
    ]);
  });

  describe('an image written as a reference (`![alt][ref]` and `[ref]: …`)', () => {
    it('is the same figure as the image written inline', () => {
      const inline = render('![Un smartphone](/images/photo.png "Légende © Agence")\n');
      const reference = render('![Un smartphone][photo]\n\n[photo]: /images/photo.png "Légende © Agence"\n');
      expect(reference.html.trim()).toBe(inline.html.trim());
      expect(reference.figures).toStrictEqual(inline.figures);
      expect(reference.problems).toStrictEqual([]);
    });

    it.each([
      ['an address outside the photos', '![Un smartphone][photo]\n\n[photo]: https://ailleurs.example/photo.png "© Agence"\n', /introuvable/],
      ['no credit', '![Un smartphone][photo]\n\n[photo]: /images/photo.png\n', /sans crédit/],
      ['no alt text', '![][photo]\n\n[photo]: /images/photo.png "© Agence"\n', /sans texte alternatif/],
    ])('is refused with %s, as an inline one, at the image’s line', (_, markdown, message) => {
      const { problems } = render(`Introduction.\n\n${markdown}`);
      expect(problems).toContainEqual(expect.objectContaining({ line: 3, message: expect.stringMatching(message) as unknown, fatal: true }));
    });
  });

  it('reports a missing photo of a gallery at its own line', () => {
    const { problems } = render('Introduction.\n\n![Un](/images/photo.png "© A")\n![Deux](/images/absente.png "© B")\n');
    expect(problems).toStrictEqual([
      { line: 4, column: 1, message: expect.stringContaining('« /images/absente.png » introuvable') as unknown, hint: expect.any(String) as unknown, fatal: true },
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
