import type { Image, Paragraph, Root, Text } from 'mdast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { formatFocus, parseFocus, type FocusPoint } from '../../../images/focusPoint';
import type { Photo, PhotoLookup } from '../../../images/photoLibrary';
import { responsiveImage } from '../../../images/photoUrls';
import { figcaption, figure, gallery, type Figure, type FigureNode } from './bodyNodes';
import { definitionsOf } from './definitions';
import { reportProblem } from './reportProblem';
import { CHEVRONS_HINT, hasChevrons } from '../textRules';

/** The body column is 40rem wide at most; below that, the screen less its margins. */
export const BODY_IMAGE_SIZES = '(min-width: 42rem) 40rem, calc(100vw - 2rem)';
/** A gallery shows a photo and the edge of the next one. */
export const GALLERY_IMAGE_SIZES = '(min-width: 42rem) 32rem, 85vw';

/** `{focus=30% 40%}` (quotes allowed) right after an image, as in Pandoc's attribute syntax. */
const FOCUS_ATTRIBUTE = /^\{\s*focus\s*=\s*"?([^"}]*)"?\s*\}/;

/**
 * Every body image needs alt text and a credit. The credit is the image title:
 * `![Ce que montre l’image](/images/photo.jpg "Légende. © Agence")`; what comes
 * before "©" is the caption. An image alone in its paragraph becomes
 * `<figure><img><figcaption>Légende <small>© Agence</small></figcaption></figure>`;
 * images on consecutive lines of one paragraph become one gallery of such
 * figures. Each is listed in `file.data.figures`. Images must be photos of the
 * content folder: their size is read from the file (no layout shift), their
 * `srcset` points at the site's own re-encoded variants, and nothing is
 * fetched from another site on the reader's behalf.
 */
export const remarkImageFigures: Plugin<[{ photos: PhotoLookup }], Root> = function ({ photos }) {
  return (tree, file) => {
    resolveImageReferences(tree);
    const found = new Map<Image, Photo>();
    const focusOf = new Map<Image, FocusPoint>();
    visit(tree, 'paragraph', (paragraph) => {
      readFocusAttributes(paragraph, focusOf, file);
    });

    visit(tree, 'image', (image) => {
      if (!image.alt?.trim()) {
        reportProblem(file, image, {
          message: `image « ${image.url} » sans texte alternatif`,
          hint: 'décrivez l’image entre les crochets : ![Ce que montre l’image](…)',
          fatal: true,
        });
      }
      if (!image.title?.trim()) {
        reportProblem(file, image, {
          message: `image « ${image.url} » sans crédit`,
          hint: 'ajoutez le crédit entre guillemets après l’adresse : ![…](/images/photo.jpg "© Agence")',
          fatal: true,
        });
      }
      // The hero's alt, caption and credit refuse chevrons (lib/content/parsing/frontMatterSchema.ts): a body image's follow the same rule.
      if (hasChevrons(`${image.alt ?? ''}${image.title ?? ''}`)) {
        reportProblem(file, image, {
          message: `image « ${image.url} » : les chevrons < et > ne sont pas permis dans son texte alternatif, sa légende ni son crédit`,
          hint: `${CHEVRONS_HINT}, comme pour la photo principale`,
          fatal: true,
        });
      }
      const lookup = photos(image.url);
      if (!lookup.ok) {
        reportProblem(file, image, { ...lookup.problem, fatal: true });
        return;
      }
      found.set(image, lookup.photo);
      const focus = focusOf.get(image);
      image.data = {
        ...image.data,
        hProperties: {
          ...responsiveImage(lookup.photo, BODY_IMAGE_SIZES),
          loading: 'lazy',
          decoding: 'async',
          ...(focus ? { style: `object-position: ${formatFocus(focus)}` } : {}),
        },
      };
    });

    const figures: Figure[] = [];
    visit(tree, 'paragraph', (paragraph, index, parent) => {
      if (index === undefined || !parent) return;
      const images = onlyImages(paragraph);
      const photosOfImages = images?.map((image) => found.get(image));
      if (!images || !photosOfImages || images.some((image) => !image.title?.trim())) return;
      const made: FigureNode[] = [];
      for (const [position, image] of images.entries()) {
        const photo = photosOfImages[position];
        if (!photo) return;
        if (images.length > 1) image.data = { ...image.data, hProperties: { ...image.data?.hProperties, sizes: GALLERY_IMAGE_SIZES } };
        const { caption, credit } = splitCaptionAndCredit(image.title ?? '');
        const focus = focusOf.get(image);
        figures.push({ src: image.url, alt: image.alt ?? '', width: photo.width, height: photo.height, hash: photo.hash, credit, ...(caption ? { caption } : {}), ...(focus ? { focus } : {}) });
        made.push(mediaFigure(image, caption, credit));
      }
      const [single] = made;
      const replacement: FigureNode | undefined = made.length === 1 ? single : gallery(made);
      if (!replacement) return;
      parent.children[index] = { ...replacement, position: paragraph.position };
      return SKIP;
    });
    file.data.figures = figures;
  };
};

/**
 * `![alt][ref]` with `[ref]: /images/photo.jpg "© Agence"` is the same image
 * as `![alt](/images/photo.jpg "© Agence")`, written another way: it becomes
 * that image, so every rule above applies to it (a photo of the content
 * folder, alt text, credit) instead of it reaching the page as a bare `<img>`
 * of any address. First definition written wins, as in CommonMark.
 */
function resolveImageReferences(tree: Root): void {
  const definitions = definitionsOf(tree);
  visit(tree, 'imageReference', (reference, index, parent) => {
    const definition = definitions.get(reference.identifier);
    if (!definition || index === undefined || !parent) return;
    const image: Image = { type: 'image', url: definition.url, title: definition.title ?? null, alt: reference.alt ?? null, position: reference.position };
    parent.children[index] = image;
  });
}

function mediaFigure(image: Image, caption: string | undefined, credit: string): FigureNode {
  const captionChildren: Parameters<typeof figcaption>[0] = [];
  if (caption) captionChildren.push({ type: 'text', value: `${caption} ` });
  captionChildren.push({ type: 'emphasis', data: { hName: 'small' }, children: [{ type: 'text', value: credit }] });
  const bareImage: Image = { ...image, title: null };
  return figure('media', [bareImage, figcaption(captionChildren)]);
}

/** Takes `{focus=…}` off the text that follows an image, and remembers it for that image. */
function readFocusAttributes(paragraph: Paragraph, focusOf: Map<Image, FocusPoint>, file: VFile): void {
  const children = paragraph.children;
  for (let index = 0; index < children.length - 1; index += 1) {
    const image = children[index];
    const next = children[index + 1];
    if (image?.type !== 'image' || next?.type !== 'text') continue;
    const match = FOCUS_ATTRIBUTE.exec(next.value);
    if (!match) continue;
    const parsed = parseFocus(match[1] ?? '');
    if (parsed.ok) focusOf.set(image, parsed.focus);
    else reportProblem(file, image, { message: `image « ${image.url} » : ${parsed.message}`, hint: `${parsed.hint} ; dans le texte : ![…](/images/photo.jpg "© Agence"){focus=30% 40%}`, fatal: true });
    const rest: Text = { ...next, value: next.value.slice(match[0].length) };
    if (rest.value === '') children.splice(index + 1, 1);
    else children[index + 1] = rest;
  }
}

/** The images of a paragraph made of nothing else (line breaks and spaces between them), or undefined. */
function onlyImages(paragraph: Paragraph): Image[] | undefined {
  const meaningful = paragraph.children.filter((child) => !(child.type === 'text' && child.value.trim() === '') && child.type !== 'break');
  const images = meaningful.filter((child): child is Image => child.type === 'image');
  return images.length > 0 && images.length === meaningful.length ? images : undefined;
}

/** "Légende. © Agence" → caption "Légende.", credit "© Agence"; a title without "©" is all credit. */
export function splitCaptionAndCredit(title: string): { caption?: string; credit: string } {
  const mark = title.indexOf('©');
  if (mark <= 0) return { credit: title.trim() };
  const caption = title.slice(0, mark).trim();
  const credit = title.slice(mark).trim();
  return caption ? { caption, credit } : { credit };
}
