import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes } from './scriptHashes';

const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('inlineScriptHashes', () => {
  it('hashes the exact text of each inline script, non-ASCII included, each once and in order', () => {
    const html =
      '<head><script>self.__next_f=self.__next_f||[]</script></head><body><p>x</p><script>self.__next_f.push([1,"Élysée"])</script><script>self.__next_f=self.__next_f||[]</script></body>';
    expect(inlineScriptHashes(html)).toStrictEqual([hashOf('self.__next_f=self.__next_f||[]'), hashOf('self.__next_f.push([1,"Élysée"])')]);
  });

  it('leaves out external scripts and data blocks such as JSON-LD, and keeps modules and JavaScript types', () => {
    const html = [
      '<script src="/_next/static/chunks/a.js" async=""></script>',
      '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
      "<script type='module'>import('/x.js')</script>",
      '<script type="text/javascript">one()</script>',
      '<SCRIPT id="b">two()</SCRIPT >',
    ].join('');
    expect(inlineScriptHashes(html)).toStrictEqual([hashOf("import('/x.js')"), hashOf('one()'), hashOf('two()')]);
  });

  it('changes when one character of a script changes', () => {
    expect(inlineScriptHashes('<script>a=1</script>')).not.toStrictEqual(inlineScriptHashes('<script>a=2</script>'));
  });
});
