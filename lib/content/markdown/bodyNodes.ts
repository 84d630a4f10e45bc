import type { Blockquote, Image, Parent, PhrasingContent } from 'mdast';

/**
 * Nodes our remark steps add to the Markdown tree. Each carries `data.hName`, so
 * remark-html turns it into the matching element; the sanitize schema then lets
 * exactly these elements through.
 */
export interface FigureNode extends Parent {
  type: 'figure';
  children: Array<Blockquote | Image | FigcaptionNode>;
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

/** An image of the body, as listed in `Article.figures`. */
export interface Figure {
  src: string;
  alt: string;
  credit: string;
  caption?: string;
}

declare module 'mdast' {
  interface RootContentMap {
    figure: FigureNode;
    figcaption: FigcaptionNode;
    cite: CiteNode;
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
