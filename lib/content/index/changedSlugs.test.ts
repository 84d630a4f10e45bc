import { describe, expect, it } from 'vitest';
import { ChangedSlugs } from './changedSlugs';

const parsedArticle = (slug: string) => ({ ok: true as const, value: { slug }, warnings: [] });

describe('ChangedSlugs', () => {
  it('says all until it has a starting point, then counts the slugs of the articles noted', () => {
    const changed = new ChangedSlugs();
    changed.note('article', parsedArticle('avant'));
    expect(changed.take()).toBe('all');
    changed.note('article', parsedArticle('une'), undefined, { ok: false, errors: [] }, parsedArticle('deux'));
    expect([...(changed.take() as ReadonlySet<string>)].sort()).toStrictEqual(['deux', 'une']);
    expect([...(changed.take() as ReadonlySet<string>)]).toStrictEqual([]);
  });

  it('starts counting from a snapshot without forgetting what it already counted', () => {
    const changed = new ChangedSlugs();
    changed.startIfUnknown();
    changed.note('article', parsedArticle('une'));
    changed.startIfUnknown();
    expect([...(changed.take() as ReadonlySet<string>)]).toStrictEqual(['une']);
  });

  it('says all again once an author or a dossier changed: their articles change without their files', () => {
    for (const kind of ['author', 'dossier'] as const) {
      const changed = new ChangedSlugs();
      changed.startIfUnknown();
      changed.note('article', parsedArticle('une'));
      changed.note(kind);
      changed.note('article', parsedArticle('deux'));
      expect(changed.take()).toBe('all');
      expect(changed.take()).toStrictEqual(new Set());
    }
  });
});
