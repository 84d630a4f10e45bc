import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedFilesFrom, MAX_CHANGED_FILES } from './liveRevalidation';

const CONTENT = path.resolve('/srv/kiosque/content');
const inside = (name: string) => path.join(CONTENT, 'articles', name);

describe('changedFilesFrom', () => {
  it('takes the files the watcher names inside the content folder', () => {
    expect(changedFilesFrom(JSON.stringify({ changed: [inside('a.md'), inside('b.md')] }), CONTENT)).toStrictEqual([inside('a.md'), inside('b.md')]);
  });

  it('looks at the whole folder for anything else: no body, bad JSON, paths outside or relative, too many', () => {
    for (const body of ['', 'pas du json', JSON.stringify({}), JSON.stringify({ changed: [] }), JSON.stringify({ changed: 'a.md' })]) {
      expect(changedFilesFrom(body, CONTENT), body).toBeUndefined();
    }
    for (const file of ['/etc/passwd', 'articles/a.md', `${CONTENT}/../secret.md`, `${CONTENT}-autre/a.md`, CONTENT]) {
      expect(changedFilesFrom(JSON.stringify({ changed: [inside('a.md'), file] }), CONTENT), file).toBeUndefined();
    }
    const many = Array.from({ length: MAX_CHANGED_FILES + 1 }, (_, index) => inside(`${index}.md`));
    expect(changedFilesFrom(JSON.stringify({ changed: many }), CONTENT)).toBeUndefined();
  });
});
