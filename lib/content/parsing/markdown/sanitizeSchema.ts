import { defaultSchema, type Schema } from 'hast-util-sanitize';
import { EXTERNAL_LINK_REL } from './remarkExternalLinks';

/**
 * GitHub's schema (no raw HTML, no script, no event handlers, no `javascript:`
 * URLs, no iframes), plus exactly the elements our remark steps generate:
 * figure/figcaption/cite for quotes and credited images, small for credits,
 * and the `rel` values of external links (`href` is still checked as before).
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'cite', 'small'],
  attributes: {
    ...defaultSchema.attributes,
    a: [...(defaultSchema.attributes?.a ?? []), ['rel', ...EXTERNAL_LINK_REL]],
    figure: [['className', 'quote', 'media', 'gallery'], 'ariaLabel'],
    // One className rule per element: hast-util-sanitize reads only the first one it finds.
    ul: [...(defaultSchema.attributes?.ul ?? []).filter((rule) => !(Array.isArray(rule) && rule[0] === 'className')), ['className', 'contains-task-list', 'gallery-items'], 'ariaLabel'],
    img: [
      ...(defaultSchema.attributes?.img ?? []),
      ['loading', 'lazy'],
      ['decoding', 'async'],
      // Only what remarkImageFigures writes: the photo's variants and its focus point.
      ['srcSet', /^(?:\/photos\/[0-9a-f]{16}\/w\d+\/[^\s,]+ \d+w(?:, |$))+$/],
      'sizes',
      ['style', /^object-position: \d{1,3}(?:\.\d+)?% \d{1,3}(?:\.\d+)?%$/],
    ],
  },
};
