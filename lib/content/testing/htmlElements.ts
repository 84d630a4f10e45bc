/** An element of rendered HTML with its attributes, names lowercased. */
export interface HtmlElement {
  tag: string;
  attributes: Map<string, string>;
}

/**
 * The elements of sanitized output with their attributes. hast-util-to-html always
 * quotes attribute values and escapes "<" in text, so this regex reads its output
 * faithfully; text that merely looks like an attribute (`&#x3C;img onerror=…`) is not one.
 */
export function elementsIn(html: string): HtmlElement[] {
  return [...html.matchAll(/<([a-z][a-z0-9]*)((?:\s+[^\s="'>/]+(?:="[^"]*")?)*)\s*\/?>/gi)].map(([, tag = '', attributes = '']) => ({
    tag: tag.toLowerCase(),
    attributes: new Map([...attributes.matchAll(/\s([^\s="'>/]+)(?:="([^"]*)")?/g)].map(([, name = '', value = '']) => [name.toLowerCase(), value])),
  }));
}

/** Elements that run code, load another document or restyle the page: none may come out of the sanitizer. */
const ACTIVE_ELEMENTS = /^(script|iframe|frame|frameset|object|embed|applet|style|link|base|meta|form|input|button|textarea|select|svg|math|template|noscript)$/;

/** The photo variants of lib/images/photoUrls.ts, and the focus point of a gallery photo. */
const OWN_SRCSET = /^(?:\/photos\/[0-9a-f]{16}\/w\d+\/[^\s,]+ \d+w(?:, |$))+$/;
const OWN_STYLE = /^object-position: \d{1,3}(?:\.\d+)?% \d{1,3}(?:\.\d+)?%$/;

/** A URL a link or image may carry: the web, mail, or a path or fragment of our own site. */
const SAFE_URL = /^(https?:\/\/|mailto:|\/|#|[^:/?#]+(?:[/?#]|$))/i;

/**
 * Everything in sanitized HTML that could run code or leave the page: active
 * elements, event handlers, `style`, and URLs with any scheme but http(s) and
 * mailto. An empty list means the HTML is inert.
 */
export function activeContentIn(html: string): string[] {
  const found: string[] = [];
  if (/<script/i.test(html)) found.push('<script');
  for (const { tag, attributes } of elementsIn(html)) {
    if (ACTIVE_ELEMENTS.test(tag)) found.push(`<${tag}>`);
    for (const [name, value] of attributes) {
      if (/^on/.test(name) || ['srcdoc', 'formaction', 'action', 'xlink:href'].includes(name)) found.push(`<${tag} ${name}>`);
      // The two the site writes itself on body photos, in exactly these forms.
      if (name === 'srcset' && !OWN_SRCSET.test(value)) found.push(`<${tag} ${name}>`);
      if (name === 'style' && !(tag === 'img' && OWN_STYLE.test(value))) found.push(`<${tag} ${name}>`);
      if (['href', 'src', 'cite', 'longdesc', 'poster', 'background'].includes(name) && !SAFE_URL.test(decodeEntities(value))) {
        found.push(`<${tag} ${name}="${value}">`);
      }
    }
  }
  return found;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', quot: '"', lt: '<', gt: '>' };

/** hast-util-to-html writes `&#x..;` and a few named entities in attribute values. */
function decodeEntities(value: string): string {
  const character = (codePoint: number) => (codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : '\uFFFD');
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => character(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, decimal: string) => character(Number(decimal)))
    .replace(/&(amp|quot|lt|gt);/g, (_, name: string) => NAMED_ENTITIES[name] ?? '');
}
