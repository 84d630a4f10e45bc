import { describe, expect, it } from 'vitest';
import { buildArticle } from '../testing/buildArticle';
import { readSnapshotLine, snapshotLine, type CacheEntry } from './loaderSnapshot';
import type { ArticleFields } from '../parsing/parseArticleFile';

describe('loader snapshot lines', () => {
  it('gives back an article entry with its dates as dates, its photos as a map and its hash', () => {
    const { authors, ...fields } = buildArticle({ slug: 'une', updatedAt: { date: new Date('2024-02-01T10:00:00Z'), iso: '2024-02-01T11:00:00+01:00' } });
    const entry: CacheEntry<ArticleFields> = {
      mtimeMs: 1_700_000_000_000.5,
      size: 4_096,
      result: { ok: true, value: { ...fields, authorReferences: authors.map((author) => ({ slug: author.slug, line: 3, column: 1 })) } as ArticleFields, warnings: [] },
      photos: new Map([['/images/une.jpg', { mtimeMs: 1, size: 2 }]]),
      hash: 'abc123',
    };
    const read = readSnapshotLine(snapshotLine('article', '/contenu/articles/une.md', entry));
    expect(read?.kind).toBe('article');
    expect(read?.absolutePath).toBe('/contenu/articles/une.md');
    expect(read?.entry).toStrictEqual(entry);
    const value = read?.entry.result.ok ? (read.entry.result.value as ArticleFields) : undefined;
    expect(value?.publishedAt.date).toBeInstanceOf(Date);
    expect(value?.updatedAt?.date.toISOString()).toBe('2024-02-01T10:00:00.000Z');
  });

  it('keeps a refused file refused, and an author without photos or hash as it was', () => {
    const refused: CacheEntry<never> = { mtimeMs: 1, size: 2, result: { ok: false, errors: [{ file: 'content/authors/x.md', message: 'invalide', hint: 'corrigez' }] } };
    expect(readSnapshotLine(snapshotLine('author', '/contenu/authors/x.md', refused))).toStrictEqual({ kind: 'author', absolutePath: '/contenu/authors/x.md', entry: refused });
  });

  it('skips a line that does not parse, lacks a stamp or names no known kind', () => {
    const line = (fields: Record<string, unknown>) => JSON.stringify({ kind: 'dossier', absolutePath: '/d.md', mtimeMs: 1, size: 2, result: { ok: false, errors: [] }, ...fields });
    expect(readSnapshotLine(line({}))?.kind).toBe('dossier');
    for (const bad of ['pas du JSON', line({ kind: 'image' }), line({ mtimeMs: '1' }), line({ absolutePath: 3 }), line({ result: null }), 'null']) {
      expect(readSnapshotLine(bad)).toBeUndefined();
    }
  });
});
