import { describe, expect, it } from 'vitest';
import { MAX_FRONT_MATTER_LENGTH, parseFrontMatter, type FrontMatter, type FrontMatterResult } from './parseFrontMatter';
import { buildArticleText, lineStartingWith } from '../testing/buildContentFile';

function parsed(text: string): FrontMatter {
  const result = parseFrontMatter(text);
  if (!result.ok) throw new Error(`expected front matter, got: ${result.message}`);
  return result.frontMatter;
}

function failure(text: string): Extract<FrontMatterResult, { ok: false }> {
  const result = parseFrontMatter(text);
  if (result.ok) throw new Error('expected an error');
  return result;
}

describe('parseFrontMatter', () => {
  it('splits a file into YAML data and Markdown body', () => {
    const frontMatter = parsed('---\ntitle: Bonjour\ncount: 3\ndraft: true\n---\n\nLe corps.\n');
    expect(frontMatter.data).toStrictEqual({ title: 'Bonjour', count: 3, draft: true });
    expect(frontMatter.body).toBe('\nLe corps.\n');
  });

  describe('refuses front matter that is not YAML', () => {
    it.each(['---js', '---javascript', '---JS', '---coffee', '---json', '--- js'])('%s', (opening) => {
      const { position, message } = failure(`${opening}\n{ "title": "x" }\n---\nbody\n`);
      expect(position).toStrictEqual({ line: 1, column: 1 });
      expect(message).toContain(opening.trim());
    });

    it('never evaluates JavaScript front matter', () => {
      const result = parseFrontMatter("---js\n{ title: (globalThis.__kiosquePwned = true, 'x') }\n---\nbody\n");
      expect(result.ok).toBe(false);
      expect('__kiosquePwned' in globalThis).toBe(false);
    });
  });

  it('returns a fresh data object on every call, even for the same text', () => {
    const text = '---\ntitle: Bonjour\ntags: [a]\n---\nbody\n';
    const first = parsed(text);
    first.data.title = 'changé';
    const second = parsed(text);
    expect(second.data).toStrictEqual({ title: 'Bonjour', tags: ['a'] });
    expect(second.data).not.toBe(first.data);
  });

  it('leaves dates as the text written, even impossible ones', () => {
    const { data } = parsed('---\npublishedAt: 2024-02-30\nupdatedAt: 2024-02-06T16:17:00+01:00\n---\n');
    expect(data).toStrictEqual({ publishedAt: '2024-02-30', updatedAt: '2024-02-06T16:17:00+01:00' });
  });

  it('accepts a UTF-8 byte order mark and Windows line endings', () => {
    const frontMatter = parsed('\uFEFF---\r\ntitle: Bonjour\r\n---\r\nLe corps.\r\n');
    expect(frontMatter.data).toStrictEqual({ title: 'Bonjour' });
    expect(frontMatter.body).toBe('Le corps.\r\n');
    expect(frontMatter.bodyStartLine).toBe(4);
    expect(frontMatter.locate(['title'])).toStrictEqual({ line: 2, column: 1 });
  });

  it('reports a file without front matter', () => {
    expect(failure('# Titre\n\nLe corps.\n')).toMatchObject({ position: { line: 1, column: 1 }, message: 'front matter absent' });
  });

  it('reports front matter that is never closed', () => {
    expect(failure('---\ntitle: Bonjour\n\nLe corps.\n')).toMatchObject({
      position: { line: 1 },
      message: 'front matter jamais refermé',
    });
  });

  it('reports a YAML syntax error at its line in the file', () => {
    const { position, message } = failure('---\ntitle: Bonjour\ndescription: ok\ncategory: : x\n---\nbody\n');
    expect(position).toStrictEqual({ line: 4, column: 11 });
    expect(message).toMatch(/^YAML illisible/);
  });

  it('reports a duplicated key at the second occurrence', () => {
    const { position } = failure('---\ntitle: Un\ndescription: ok\ntitle: Deux\n---\nbody\n');
    expect(position.line).toBe(4);
  });

  it.each([
    ['a scalar', '---\nBonjour\n---\n'],
    ['a list', '---\n- title\n- description\n---\n'],
  ])('refuses %s instead of fields', (_, text) => {
    expect(failure(text)).toMatchObject({ position: { line: 2, column: 1 }, message: expect.stringContaining('nom: valeur') as unknown });
  });

  it('refuses a YAML alias bomb quickly', () => {
    const levels = 'abcdefghi'.split('');
    const lines = levels.map((name, index) => {
      const items = index === 0 ? Array<string>(9).fill('"lol"') : Array<string>(9).fill(`*${levels[index - 1] ?? ''}`);
      return `${name}: &${name} [${items.join(', ')}]`;
    });
    const started = performance.now();
    const result = failure(`---\n${lines.join('\n')}\n---\n`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.message).toMatch(/alias/);
  });

  describe('refuses YAML tags, known or not, at the tag', () => {
    it.each([
      ['title: !!js/function "function () { globalThis.__kiosquePwned = true }"', 'title', '!!js/function', 8],
      ['title: !!python/object/apply:os.system ["id"]', 'title', '!!python/object/apply:os.system', 8],
      ['title: !perso x', 'title', '!perso', 8],
      ['tags: [IA, !!binary aGVsbG8=]', 'tags', '!!binary', 12],
      ['image:\n  alt: !!str texte', 'image.alt', '!!str', 8],
    ])('%s', (yaml, field, tag, column) => {
      const result = failure(`---\ndescription: ok\n${yaml}\n---\nbody\n`);
      expect(result).toMatchObject({ field, message: `étiquette YAML « ${tag} » refusée`, position: { line: yaml.split('\n').length + 2, column } });
      expect(result.hint).toContain(tag);
      expect('__kiosquePwned' in globalThis).toBe(false);
    });
  });

  it('refuses front matter over the length limit before parsing it, at the line that crosses it', () => {
    const lines = Array.from({ length: 5_000 }, (_, index) => `cle${index}: valeur`);
    const text = `---\n${lines.join('\n')}\n---\nbody\n`;
    const result = failure(text);
    expect(result.message).toBe(`front matter trop long : il dépasse ${MAX_FRONT_MATTER_LENGTH.toLocaleString('fr-FR')} caractères à cette ligne`);
    // The YAML starts right after the opening dashes, its line break included.
    const crossingLine = text.slice(0, '---'.length + MAX_FRONT_MATTER_LENGTH).split('\n').length;
    expect(crossingLine).toBeGreaterThan(2);
    expect(result.position).toStrictEqual({ line: crossingLine, column: 1 });
  });

  describe('locate', () => {
    const text = buildArticleText();
    const frontMatter = parsed(text);
    const locate = (path: readonly PropertyKey[]) => frontMatter.locate(path);

    it('gives the line and column of a nested field', () => {
      expect(locate(['image', 'alt'])).toStrictEqual({ line: lineStartingWith(text, '  alt:'), column: 3 });
    });

    it('gives the line of a list item', () => {
      expect(locate(['tags', 1])).toStrictEqual({ line: lineStartingWith(text, '  - IA'), column: 5 });
    });

    it('falls back to the nearest written ancestor, then to the opening line', () => {
      expect(locate(['image', 'caption'])).toStrictEqual({ line: lineStartingWith(text, 'image:'), column: 1 });
      expect(locate(['updatedAt'])).toStrictEqual({ line: 1, column: 1 });
    });
  });

  it('gives the file line on which the body starts', () => {
    const frontMatter = parsed('---\ntitle: Bonjour\ndescription: ok\n---\nPremière ligne du corps\n');
    expect(frontMatter.bodyStartLine).toBe(5);
    expect(frontMatter.body).toBe('Première ligne du corps\n');
  });
});
