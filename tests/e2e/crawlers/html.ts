import { parse, type HTMLElement } from 'node-html-parser';

/** A page's HTML as crawlers read it, parsed without a browser. */
export function parseHtml(html: string): HTMLElement {
  return parse(html, { comment: false });
}

export function metaContent(root: HTMLElement, key: string): string | undefined {
  const element = root.querySelector(`meta[property="${key}"]`) ?? root.querySelector(`meta[name="${key}"]`);
  return element?.getAttribute('content');
}

export function metaContents(root: HTMLElement, key: string): string[] {
  return root.querySelectorAll(`meta[property="${key}"]`).map((element) => element.getAttribute('content') ?? '');
}

/** Every JSON-LD node on the page, `@graph` unwrapped. */
export function jsonLdNodes(root: HTMLElement): Record<string, unknown>[] {
  return root.querySelectorAll('script[type="application/ld+json"]').flatMap((script) => {
    const data = JSON.parse(script.textContent) as Record<string, unknown>;
    const graph = data['@graph'];
    return Array.isArray(graph) ? (graph as Record<string, unknown>[]) : [data];
  });
}
