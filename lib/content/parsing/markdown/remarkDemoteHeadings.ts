import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';

/**
 * The page's only h1 is the article title, so body headings start at h2:
 * if the body uses `#`, every heading moves down a level (h6 stays h6).
 */
export const remarkDemoteHeadings: Plugin<[], Root> = function () {
  return (tree) => {
    let shallowest = 6;
    visit(tree, 'heading', (heading) => {
      shallowest = Math.min(shallowest, heading.depth);
    });
    const shift = Math.max(0, 2 - shallowest);
    if (shift === 0) return;
    visit(tree, 'heading', (heading) => {
      heading.depth = Math.min(6, heading.depth + shift) as typeof heading.depth;
    });
  };
};
