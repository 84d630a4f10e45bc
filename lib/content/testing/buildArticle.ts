import type { Article, Author } from '../article';

const DEFAULT_AUTHOR: Author = {
  slug: 'sikagz',
  name: 'Sikagz',
  bio: 'Rédacteur.',
  sourcePath: 'content/authors/sikagz.md',
};

/** An in-memory article for tests of what comes after parsing; `day` sets a distinct date. */
export function buildArticle(overrides: Partial<Article> & { slug: string; day?: number } = { slug: 'article' }): Article {
  const { day = 1, ...fields } = overrides;
  const date = new Date(Date.UTC(2024, 0, day, 12, 0, 0));
  return {
    title: `Titre de ${overrides.slug}`,
    description: `Chapô de ${overrides.slug}.`,
    publishedAt: { date, iso: date.toISOString() },
    authors: [DEFAULT_AUTHOR],
    category: 'Actualité',
    tags: [],
    image: { src: '/images/meta-ia-photos-hero.png', alt: 'Une image', width: 1600, height: 900, hash: '0123456789abcdef', credit: '© Kiosque' },
    draft: false,
    redirectFrom: [],
    corrections: [],
    figures: [],
    wordCount: 120,
    readingTimeMinutes: 1,
    sourcePath: `content/articles/${overrides.slug}.md`,
    revision: `revision-${overrides.slug}`,
    ...fields,
  };
}

/** Newest first, as the content index hands them out. */
export function newestFirst<T extends Article>(articles: readonly T[]): T[] {
  return [...articles].sort((a, b) => b.publishedAt.date.getTime() - a.publishedAt.date.getTime());
}
