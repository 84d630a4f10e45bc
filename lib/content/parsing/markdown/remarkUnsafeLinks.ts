import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { reportProblem } from './reportProblem';
import { sanitizeSchema } from './sanitizeSchema';

const SAFE_PROTOCOLS = sanitizeSchema.protocols?.href ?? [];
const SHOWN_LENGTH = 60;

/**
 * The protocol of a link address, when it has one the sanitizer refuses
 * (`javascript:`, `data:`, `file:`…), read the way hast-util-sanitize reads
 * it: a colon before any `/`, `?` or `#` ends a protocol; otherwise the
 * address is relative and kept.
 */
export function refusedProtocol(url: string): string | undefined {
  const colon = url.indexOf(':');
  if (colon === -1) return undefined;
  for (const stop of ['/', '?', '#']) {
    const index = url.indexOf(stop);
    if (index !== -1 && index < colon) return undefined;
  }
  const protocol = url.slice(0, colon);
  return SAFE_PROTOCOLS.includes(protocol) ? undefined : protocol;
}

/**
 * The sanitizer takes the address off a link it finds unsafe and keeps its
 * text, silently: the editor would never know the link is dead. Each such
 * link becomes a warning at its line.
 */
export const remarkUnsafeLinks: Plugin<[], Root> = function () {
  return (tree, file) => {
    visit(tree, (node) => {
      if (node.type !== 'link' && node.type !== 'definition') return;
      const protocol = refusedProtocol(node.url);
      if (protocol === undefined) return;
      const shown = node.url.length > SHOWN_LENGTH ? `${node.url.slice(0, SHOWN_LENGTH)}…` : node.url;
      reportProblem(file, node, {
        message: `lien retiré de la page : « ${shown} » n’est pas une adresse web`,
        hint: 'écrivez une adresse qui commence par https:// (ou mailto:), ou un chemin du site comme /article/…',
        fatal: false,
      });
    });
  };
};
