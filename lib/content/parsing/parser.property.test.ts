import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN } from '../../slugify';
import { renderMarkdown } from './markdown/renderMarkdown';
import { parseArticleFile } from './parseArticleFile';
import type { Parsed } from './parseContentFile';
import { buildArticleText } from '../testing/buildContentFile';
import { activeContentIn } from '../testing/htmlElements';
import { stubPhotoLookup } from '../testing/stubPhotoLookup';

/**
 * Whatever an editor (or an attacker with commit rights) writes, the parser
 * returns an article or errors, never throws, and never lets active content
 * through. Runs are bounded so the file takes a few seconds; a failure prints
 * the shrunk input and its seed, to be kept as an example test.
 */

const SOURCE_PATH = 'content/articles/propriete.md';
const imageSize = stubPhotoLookup({
  '/images/meta-ia-photos-hero.png': { width: 1600, height: 900 },
  '/images/meta-ia-photos-inline.png': { width: 1200, height: 800 },
});
const RUNS = 500;

/** The HTML must be inert; the plain strings carry no markup. */
function expectSafe(result: Parsed<{ body: { html: string }; title: string; description: string; slug: string }>): void {
  if (!result.ok) {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const error of result.errors) {
      expect(error.file).toBe(SOURCE_PATH);
      expect(error.message.trim()).not.toBe('');
      expect(error.hint.trim()).not.toBe('');
    }
    return;
  }
  expect(activeContentIn(result.value.body.html)).toStrictEqual([]);
  expect(`${result.value.title}${result.value.description}`).not.toMatch(/[<>]/);
  expect(result.value.slug).toMatch(SLUG_PATTERN);
}

const scheme = fc.mixedCase(fc.constantFrom('javascript', 'vbscript', 'data', 'livescript', 'file'));
const hostileUrl = fc.oneof(
  fc.tuple(scheme, fc.constantFrom(':', '&#58;', '&colon;', '%3A'), fc.constantFrom('alert(1)', 'text/html,<script>alert(1)</script>', '//x.example')).map((parts) => parts.join('')),
  fc.tuple(fc.constantFrom(' ', '\t', '&#x09;', '&#10;', '\u0000', '%20', '<', ''), fc.constantFrom('javascript:alert(1)', '&#106;avascript:alert(1)', 'java\tscript:x')).map((parts) => parts.join('')),
  fc.constantFrom('https://example.com/', '/article/autre', '//cdn.example/x', '#note', 'mailto:a@b.example', '/images/meta-ia-photos-inline.png'),
);
const hostileTag = fc.oneof(
  fc.constantFrom(
    '<script>alert(1)</script>',
    '<ScRiPt src=//x.example/x.js></sCrIpT>',
    '<img src=x onerror=alert(1)>',
    '<IMG SRC=x OnErRoR=alert(1)',
    '<svg/onload=alert(1)>',
    '<iframe srcdoc="<script>alert(1)</script>">',
    '<a href="javascript:alert(1)">x</a>',
    '<div style="width:expression(alert(1))">',
    '<meta http-equiv=refresh content="0;url=//x.example">',
    '<base href=//x.example/>',
    '<form action=//x.example><input name=p>',
    '<style>@import "//x.example"</style>',
    '<!--><script>alert(1)</script>-->',
    '&lt;script&gt;alert(1)&lt;/script&gt;',
    '<scr<script>ipt>',
    '<',
    '</p>',
  ),
  fc.tuple(fc.mixedCase(fc.constantFrom('script', 'img', 'svg', 'iframe', 'object', 'embed', 'a', 'p')), fc.mixedCase(fc.constantFrom('onerror', 'onload', 'onclick', 'href', 'src', 'style')), hostileUrl).map(
    ([tag, attribute, url]) => `<${tag} ${attribute}="${url}">`,
  ),
);
const text = fc.string({ unit: 'grapheme', maxLength: 40 });
const markdownFragment = fc.oneof(
  text,
  hostileTag,
  fc.tuple(text, hostileUrl, fc.string({ maxLength: 20 })).map(([label, url, title]) => `[${label}](${url} "${title}")`),
  fc.tuple(text, hostileUrl).map(([label, url]) => `[${label}](<${url}>)`),
  fc.tuple(text, hostileUrl).map(([label, url]) => `[${label}][ref]\n\n[ref]: ${url}\n`),
  hostileUrl.map((url) => `<${url}>`),
  fc.tuple(text, hostileUrl, fc.string({ maxLength: 20 })).map(([alt, url, credit]) => `![${alt}](${url} "${credit} © Agence")`),
  fc.constantFrom('\n\n', '> ', '>\n> — Quelqu’un, quelque part\n', '- ', '1. ', '# ', '**', '_', '`', '```\n', '    ', '\\', '|a|b|\n|-|-|\n'),
);
const markdownBody = fc.array(markdownFragment, { maxLength: 25 }).map((fragments) => fragments.join(''));

const yamlScalar = fc.oneof(
  text,
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('2024-02-30', '2024-13-01', '2024-02-06T16:17:00+01:00', 'yes', 'null', '~', '0x1F', '.inf', '&a x', '*a', '!!js/function "f"', '!!python/object:os.system ["id"]', '|', '>', '[', '{', '"', "'"),
  fc.integer(),
);
const yamlLines = fc
  .array(
    fc.tuple(fc.constantFrom('title', 'description', 'publishedAt', 'author', 'category', 'tags', 'image', 'draft', 'redirectFrom', 'slug', '__proto__', '<<'), yamlScalar),
    { maxLength: 12 },
  )
  .map((pairs) => pairs.map(([key, value]) => `${key}: ${String(value)}`).join('\n'));

describe('parseArticleFile, property-based', () => {
  it('reads any text at all as an article or errors', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (anything) => {
        expectSafe(parseArticleFile({ sourcePath: SOURCE_PATH, text: anything }, { photos: imageSize }));
      }),
      { numRuns: RUNS },
    );
  });

  it('reads any front matter between the dashes as an article or errors', () => {
    fc.assert(
      fc.property(fc.oneof(yamlLines, fc.string({ unit: 'grapheme', maxLength: 200 })), markdownBody, (yaml, body) => {
        expectSafe(parseArticleFile({ sourcePath: SOURCE_PATH, text: `---\n${yaml}\n---\n${body}` }, { photos: imageSize }));
      }),
      { numRuns: RUNS },
    );
  });

  it('renders a valid article around any hostile body and field values, inertly', () => {
    fc.assert(
      fc.property(
        fc.record({ title: fc.oneof(text, hostileTag), description: fc.oneof(text, hostileTag), category: fc.oneof(text, hostileTag), tags: fc.array(fc.oneof(text, hostileTag), { maxLength: 5 }) }),
        markdownBody,
        (fields, body) => {
          expectSafe(parseArticleFile({ sourcePath: SOURCE_PATH, text: buildArticleText(fields, body) }, { photos: imageSize }));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('renders plausible hostile bodies as articles often enough for the checks above to mean something', () => {
    const outcomes = fc.sample(markdownBody, { numRuns: 100, seed: 1 }).map((body) => parseArticleFile({ sourcePath: SOURCE_PATH, text: buildArticleText({}, body) }, { photos: imageSize }).ok);
    expect(outcomes.filter(Boolean).length).toBeGreaterThan(30);
  });
});

describe('renderMarkdown, property-based', () => {
  it('renders any body, structured or not, to inert HTML without throwing', () => {
    fc.assert(
      fc.property(fc.oneof(markdownBody, fc.string({ unit: 'binary', maxLength: 400 })), (body) => {
        const { html, text: plain, problems } = renderMarkdown(body, { photos: imageSize });
        expect(activeContentIn(html)).toStrictEqual([]);
        expect(plain.split('<').length).toBeLessThanOrEqual(html.split('&#x3C;').length);
        for (const problem of problems) expect(problem.message.trim()).not.toBe('');
      }),
      { numRuns: RUNS },
    );
  });
});
