import type { Blockquote, Image, Parent, PhrasingContent } from 'mdast';
import type { FocusPoint } from '../../../images/focusPoint';

/**
 * Nodes our remark steps add to the Markdown tree. Each carries `data.hName`, so
 * remark-html turns it into the matching element; the sanitize schema then lets
 * exactly these elements through.
 */
export interface FigureNode extends Parent {
  type: 'figure';
  children: Array<Blockquote | Image | FigcaptionNode | GalleryItemsNode>;
}

/** The photos of a gallery: a list the reader scrolls through (`ul`, focusable, so arrow keys scroll it). */
export interface GalleryItemsNode extends Parent {
  type: 'galleryItems';
  children: GalleryItemNode[];
}

export interface GalleryItemNode extends Parent {
  type: 'galleryItem';
  children: FigureNode[];
}

export interface FigcaptionNode extends Parent {
  type: 'figcaption';
  children: Array<PhrasingContent | CiteNode>;
}

export interface CiteNode extends Parent {
  type: 'cite';
  children: PhrasingContent[];
}

/** A quote with its attribution, as listed in `Article.quotes`. */
export interface Quote {
  text: string;
  speaker: string;
  /** Where it was said or written: "au micro de Dose Rap". */
  source?: string;
}

/** A photo of the content folder as a page shows it: an image of the body (`Article.figures`), or an article's hero; its size and hash are read from the file. */
export interface Figure {
  src: string;
  alt: string;
  width: number;
  height: number;
  /** The file's content hash, in every URL made from it. */
  hash: string;
  credit: string;
  caption?: string;
  /** The point crops keep in frame; without it, sharp's attention strategy chooses. */
  focus?: FocusPoint;
}

declare module 'mdast' {
  interface RootContentMap {
    figure: FigureNode;
    figcaption: FigcaptionNode;
    cite: CiteNode;
    galleryItems: GalleryItemsNode;
    galleryItem: GalleryItemNode;
  }
  interface BlockContentMap {
    figure: FigureNode;
  }
  interface PhrasingContentMap {
    cite: CiteNode;
  }
}

declare module 'vfile' {
  interface DataMap {
    quotes: Quote[];
    figures: Figure[];
  }
}

/** Builds the `— speaker, <cite>source</cite>` or `Caption © Credit` caption. */
export function figcaption(children: FigcaptionNode['children']): FigcaptionNode {
  return { type: 'figcaption', data: { hName: 'figcaption' }, children };
}

export function figure(className: string, children: FigureNode['children']): FigureNode {
  return { type: 'figure', data: { hName: 'figure', hProperties: { className: [className] } }, children };
}

/** Several credited photos shown as one figure: `<figure class="gallery"><ul><li><figure class="media">…`. */
export function gallery(figures: FigureNode[]): FigureNode {
  const label = `Galerie de ${figures.length} photos`;
  const items: GalleryItemsNode = {
    type: 'galleryItems',
    data: { hName: 'ul', hProperties: { className: ['gallery-items'], tabIndex: 0, ariaLabel: `${label} : faites défiler avec les flèches` } },
    children: figures.map((item) => ({ type: 'galleryItem', data: { hName: 'li' }, children: [item] })),
  };
  return { type: 'figure', data: { hName: 'figure', hProperties: { className: ['gallery'], ariaLabel: label } }, children: [items] };
}
