import { defaultSchema, type Schema } from 'hast-util-sanitize';

/**
 * GitHub's schema (no raw HTML, no script, no event handlers, no `javascript:`
 * URLs, no iframes), plus exactly the elements our remark steps generate:
 * figure/figcaption/cite for quotes and credited images, small for credits.
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'cite', 'small'],
  attributes: {
    ...defaultSchema.attributes,
    figure: [['className', 'quote', 'media']],
    img: [...(defaultSchema.attributes?.img ?? []), ['loading', 'lazy'], ['decoding', 'async']],
  },
};
