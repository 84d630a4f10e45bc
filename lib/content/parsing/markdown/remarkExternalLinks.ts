import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { definitionsOf } from './definitions';

/** What every link to another site carries; the sanitize schema allows exactly these values. */
export const EXTERNAL_LINK_REL = ['noopener', 'noreferrer'];

/**
 * Links to another site get `rel="noopener noreferrer"`: the page opened cannot
 * reach back to ours through `window.opener`, and is not told which article the
 * reader came from. Reference links (`[texte][ref]`) are resolved through their
 * definition, first one written wins, as in CommonMark.
 */
export const remarkExternalLinks: Plugin<[{ siteUrl: URL }], Root> = function ({ siteUrl }) {
  return (tree) => {
    const definitions = definitionsOf(tree);
    visit(tree, (node) => {
      if (node.type !== 'link' && node.type !== 'linkReference') return;
      const url = node.type === 'link' ? node.url : definitions.get(node.identifier)?.url;
      if (url === undefined || !isExternalUrl(url, siteUrl)) return;
      node.data = { ...node.data, hProperties: { ...node.data?.hProperties, rel: EXTERNAL_LINK_REL } };
    });
  };
};

/**
 * Whether a link leads to another site, read as a browser would from one of our
 * pages: `//cdn.example/x` and `\\evil.example` are other sites too, and a URL
 * on our own host (whatever its path) is not.
 */
export function isExternalUrl(url: string, siteUrl: URL): boolean {
  let target: URL;
  try {
    target = new URL(url, siteUrl);
  } catch {
    return false;
  }
  return (target.protocol === 'http:' || target.protocol === 'https:') && target.host !== siteUrl.host;
}
