import { defaultSchema, type Schema } from 'hast-util-sanitize';
import { EMBED_FRAME_ORIGINS } from '../../../embeds/frameOrigins';
import { EMBED_PROVIDER_NAMES } from '../../../embeds/providers';
import { EXTERNAL_LINK_REL } from './remarkExternalLinks';

/** A frame address on one of the providers' origins, as remarkEmbeds writes it (no quote, space or angle bracket). */
const EMBED_FRAME_SRC = new RegExp(`^(?:${Object.values(EMBED_FRAME_ORIGINS).map((origin) => origin.replaceAll('.', '\\.')).join('|')})/[^\\s"'<>]*$`);

/**
 * GitHub's schema (no raw HTML, no script, no event handlers, no `javascript:`
 * URLs, no iframes), plus exactly the elements our remark steps generate:
 * figure/figcaption/cite for quotes and credited images, small for credits,
 * embeds waiting for consent (a figure naming its provider and frame, which
 * stays an attribute: no iframe gets through), and the `rel` values of
 * external links (`href` is still checked as before).
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'cite', 'small'],
  attributes: {
    ...defaultSchema.attributes,
    a: [...(defaultSchema.attributes?.a ?? []), ['rel', ...EXTERNAL_LINK_REL]],
    figure: [
      ['className', 'quote', 'media', 'gallery', 'embed', 'embed-video', 'embed-vertical', 'embed-post', 'embed-audio'],
      'ariaLabel',
      ['dataEmbedProvider', ...Object.keys(EMBED_FRAME_ORIGINS)],
      ['dataEmbedName', ...Object.values(EMBED_PROVIDER_NAMES)],
      ['dataEmbedSrc', EMBED_FRAME_SRC],
    ],
    div: [...(defaultSchema.attributes?.div ?? []), ['className', 'embed-consent']],
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
