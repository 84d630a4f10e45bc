import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PhotoLibrary } from '../../images/photoLibrary';
import { parseArticleFile } from '../parsing/parseArticleFile';
import { buildArticleText } from '../testing/buildContentFile';

const photos = new PhotoLibrary(path.resolve('content/images')).lookup;

function revisionOf(text: string): string {
  const result = parseArticleFile({ sourcePath: 'content/articles/revision.md', text }, { photos });
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.value.revision;
}

describe('Article.revision', () => {
  it('is the same for the same text and changes with any edit, even one a page would not show', () => {
    const text = buildArticleText();
    expect(revisionOf(text)).toMatch(/^[0-9a-f]{16}$/);
    expect(revisionOf(text)).toBe(revisionOf(text));
    expect(revisionOf(`${text}\n`)).not.toBe(revisionOf(text));
  });
});
