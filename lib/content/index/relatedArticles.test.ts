import { describe, expect, it } from 'vitest';
import { findRelatedArticles } from './relatedArticles';
import { buildArticle, newestFirst } from '../testing/buildArticle';

describe('findRelatedArticles', () => {
  const subject = buildArticle({ slug: 'subject', day: 20, category: 'Tech', tags: ['IA', 'Meta', 'Llama'] });
  const articles = newestFirst([
    subject,
    buildArticle({ slug: 'one-tag-new', day: 19, category: 'Sport', tags: ['IA'] }),
    buildArticle({ slug: 'two-tags-old', day: 2, category: 'Sport', tags: ['Meta', 'Llama'] }),
    buildArticle({ slug: 'three-tags', day: 5, category: 'Culture', tags: ['ia', 'Meta', 'Llama'] }),
    buildArticle({ slug: 'one-tag-old', day: 1, category: 'Sport', tags: ['Meta'] }),
    buildArticle({ slug: 'same-section-only', day: 18, category: 'Tech', tags: ['Apple'] }),
    buildArticle({ slug: 'unrelated', day: 17, category: 'Sport', tags: ['Football'] }),
  ]);

  it('ranks by shared tags, then recency, and never returns the article itself', () => {
    expect(findRelatedArticles(subject, articles).map((article) => article.slug)).toEqual([
      'three-tags',
      'two-tags-old',
      'one-tag-new',
      'one-tag-old',
    ]);
  });

  it('fills the list with the same section when few articles share a tag', () => {
    expect(findRelatedArticles(subject, articles, 6).map((article) => article.slug)).toEqual([
      'three-tags',
      'two-tags-old',
      'one-tag-new',
      'one-tag-old',
      'same-section-only',
    ]);
  });

  it('gives what ranking every article would give, walking only the lists of its tags and section', () => {
    // A seeded generator: the same archive on every run.
    let seed = 7;
    const next = (below: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % below);
    const names = ['IA', 'ia', 'Meta', 'Llama', 'Europe', 'Climat', 'Sport', 'Cinéma'];
    const archive = newestFirst(
      Array.from({ length: 300 }, (_, index) =>
        buildArticle({
          slug: `a-${index}`,
          day: index + 1,
          category: ['Tech', 'Sport', 'Culture'][next(3)] ?? 'Tech',
          tags: [...new Set(Array.from({ length: next(4) }, () => names[next(names.length)] ?? 'IA'))],
        }),
      ),
    );
    const everyArticle = (subject: (typeof archive)[number], limit: number) => {
      const tagSlugs = new Set(subject.tags.map((tag) => tag.toLowerCase()));
      return archive
        .filter((candidate) => candidate.slug !== subject.slug)
        .map((candidate) => ({ candidate, shared: new Set(candidate.tags.map((tag) => tag.toLowerCase()).filter((tag) => tagSlugs.has(tag))).size, same: candidate.category === subject.category }))
        .filter(({ shared, same }) => shared > 0 || same)
        .sort((a, b) => b.shared - a.shared)
        .slice(0, limit)
        .map(({ candidate }) => candidate.slug);
    };
    for (const subject of archive.filter((_, index) => index % 7 === 0)) {
      for (const limit of [1, 4, 12]) expect(findRelatedArticles(subject, archive, limit).map((article) => article.slug)).toStrictEqual(everyArticle(subject, limit));
    }
  });

  it('returns nothing when nothing is related', () => {
    const lonely = buildArticle({ slug: 'lonely', category: 'Nulle part', tags: ['Rien'] });
    expect(findRelatedArticles(lonely, [lonely, ...articles])).toEqual([]);
  });
});
