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

  it('returns nothing when nothing is related', () => {
    const lonely = buildArticle({ slug: 'lonely', category: 'Nulle part', tags: ['Rien'] });
    expect(findRelatedArticles(lonely, [lonely, ...articles])).toEqual([]);
  });
});
