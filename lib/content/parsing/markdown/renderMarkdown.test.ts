import { describe, expect, it } from 'vitest';
import { elementsIn } from '../../testing/htmlElements';
import { stubPhotoLookup } from '../../testing/stubPhotoLookup';
import { renderMarkdown } from './renderMarkdown';

const imageSize = stubPhotoLookup({ '/images/photo.png': { width: 1200, height: 800 } });

describe('renderMarkdown', () => {
  describe('neutralises hostile input', () => {
    it.each([
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[x](javascript:alert(1))',
      '[x](JaVaScRiPt:alert(1))',
      '[x](&#106;avascript:alert(1))',
      '[x](java\tscript:alert(1))',
      '<a href="javascript:alert(1)">x</a>',
      '<iframe src="https://example.com"></iframe>',
      '<object data="https://example.com/x.swf"></object>',
      '<svg onload=alert(1)><circle r="1"/></svg>',
      '<a href="data:text/html,<script>alert(1)</script>">x</a>',
      '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '![a](data:image/svg+xml,<svg/onload=alert(1)> "© x")',
      '<div style="background:url(javascript:alert(1))">x</div>',
      '<p onclick="alert(1)">x</p>',
      '> <script>alert(1)</script>\n>\n> — <img src=x onerror=alert(1)>, <b onmouseover=alert(1)>ici</b>',
      '![x" onerror="alert(1)](/images/photo.png "© \\" onload=\\"alert(1)")',
    ])('%s', (markdown) => {
      const { html } = renderMarkdown(`Avant.\n\n${markdown}\n\nAprès.\n`, { photos: imageSize });
      expect(html).toContain('<p>Avant.</p>');
      expect(html).toContain('<p>Après.</p>');
      expect(html).not.toMatch(/<(script|iframe|object|embed|svg)/i);
      expect(html).not.toMatch(/javascript:/i);
      for (const { tag, attributes } of elementsIn(html)) {
        for (const [name, value] of attributes) {
          expect(name, `<${tag} ${name}>`).not.toMatch(/^(on|style$|srcdoc$|formaction$)/);
          if (name === 'href' || name === 'src') expect(value).toMatch(/^(https?:\/\/|\/(?!\/)|#)/);
        }
      }
    });

    it('keeps the text of a link whose URL was removed', () => {
      expect(renderMarkdown('[lien](javascript:alert(1))', { photos: imageSize }).html).toBe('<p><a>lien</a></p>\n');
    });

    it('keeps ordinary links', () => {
      expect(renderMarkdown('[Meta](https://about.meta.com/)', { photos: imageSize }).html).toBe('<p><a href="https://about.meta.com/" rel="noopener noreferrer">Meta</a></p>\n');
    });
  });

  it('leaves raw HTML out of the plain text, as it is out of the page', () => {
    const { html, text } = renderMarkdown('Un <svg><script>alert(1)</script></svg> mot <b onclick="x">gras</b>.\n', { photos: imageSize });
    expect(html).toBe('<p>Un alert(1) mot gras.</p>\n');
    expect(text).toBe('Un alert(1) mot gras.');
  });

  it('counts the words readers read', () => {
    expect(renderMarkdown('L’IA de Meta, lancée en 2023, est-elle « open source » ?\n', { photos: imageSize }).wordCount).toBe(9);
  });
});
