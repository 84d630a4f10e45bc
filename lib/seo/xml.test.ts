import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { element, escapeXml } from './xml';

describe('escapeXml', () => {
  it('escapes the five XML special characters', () => {
    expect(escapeXml(`Tom & Jerry <b>"l'été"</b>`)).toBe('Tom &amp; Jerry &lt;b&gt;&quot;l&apos;été&quot;&lt;/b&gt;');
  });

  it('escapes an existing entity again rather than trusting it', () => {
    expect(escapeXml('AT&amp;T')).toBe('AT&amp;amp;T');
  });
});

describe('element', () => {
  it('wraps escaped text in a tag that parses back to the original text', () => {
    const xml = element('title', 'Rock & <roll> ]]>');
    expect(xml).toBe('<title>Rock &amp; &lt;roll&gt; ]]&gt;</title>');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(new XMLParser({ parseTagValue: false }).parse(xml)).toEqual({ title: 'Rock & <roll> ]]>' });
  });
});
