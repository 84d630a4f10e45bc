import type { Image, Paragraph, Root } from 'mdast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { ImageSizeLookup } from '../publicImages';
import { figcaption, figure, type Figure } from './bodyNodes';
import { reportProblem } from './reportProblem';

/**
 * Every body image needs alt text and a credit. The credit is the image title:
 * `![Ce que montre l’image](/images/photo.jpg "Légende. © Agence")`; what comes
 * before "©" is the caption. An image alone in its paragraph becomes
 * `<figure><img><figcaption>Légende <small>© Agence</small></figcaption></figure>`
 * and is listed in `file.data.figures`. Images must be files of `public/`: their
 * size is read from the file (no layout shift) and nothing is fetched from
 * another site on the reader's behalf.
 */
export const remarkImageFigures: Plugin<[{ imageSize: ImageSizeLookup }], Root> = function ({ imageSize }) {
  return (tree, file) => {
    const figures: Figure[] = [];
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
      const size = imageSize(image.url);
      if (!size) {
        reportProblem(file, image, {
          message: `image « ${image.url} » introuvable dans public/`,
          hint: 'placez le fichier dans public/images/ et écrivez son adresse depuis la racine : /images/photo.jpg',
          fatal: true,
        });
      }
      image.data = { ...image.data, hProperties: { ...size, loading: 'lazy', decoding: 'async' } };
    });

    visit(tree, 'paragraph', (paragraph, index, parent) => {
      if (index === undefined || !parent) return;
      const image = soleImage(paragraph);
      if (!image?.title?.trim()) return;
      const { caption, credit } = splitCaptionAndCredit(image.title);
      figures.push({ src: image.url, alt: image.alt ?? '', credit, ...(caption ? { caption } : {}) });
      const captionChildren: Parameters<typeof figcaption>[0] = [];
      if (caption) captionChildren.push({ type: 'text', value: `${caption} ` });
      captionChildren.push({ type: 'emphasis', data: { hName: 'small' }, children: [{ type: 'text', value: credit }] });
      const bareImage: Image = { ...image, title: null };
      parent.children[index] = { ...figure('media', [bareImage, figcaption(captionChildren)]), position: paragraph.position };
      return SKIP;
    });
    file.data.figures = figures;
  };
};

function soleImage(paragraph: Paragraph): Image | undefined {
  const meaningful = paragraph.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  const [only] = meaningful;
  return meaningful.length === 1 && only?.type === 'image' ? only : undefined;
}

/** "Légende. © Agence" → caption "Légende.", credit "© Agence"; a title without "©" is all credit. */
export function splitCaptionAndCredit(title: string): { caption?: string; credit: string } {
  const mark = title.indexOf('©');
  if (mark <= 0) return { credit: title.trim() };
  const caption = title.slice(0, mark).trim();
  const credit = title.slice(mark).trim();
  return caption ? { caption, credit } : { credit };
}
