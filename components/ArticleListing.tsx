import type { ReactNode } from 'react';
import type { Article } from '@/lib/content/article';
import type { Page } from '@/lib/pagination';
import { ArticleCard } from './ArticleCard';
import { Pagination } from './Pagination';

/** A titled, counted, paginated list of articles: sections, tags, authors. */
export function ArticleListing({
  title,
  intro,
  page,
  hrefFor,
}: {
  title: string;
  intro?: ReactNode;
  page: Page<Article>;
  hrefFor: (page: number) => string;
}) {
  return (
    <section className="listing" aria-labelledby="listing-title">
      <header className="listing-header">
        <h1 id="listing-title">{title}</h1>
        {intro}
        <p className="listing-count">
          {page.total === 1 ? '1 article' : `${page.total} articles`}
          {page.count > 1 && ` · page ${page.number} sur ${page.count}`}
        </p>
      </header>
      <div className="card-grid">
        {page.items.map((article) => (
          <ArticleCard key={article.slug} article={article} />
        ))}
      </div>
      <Pagination page={page.number} count={page.count} hrefFor={hrefFor} />
    </section>
  );
}
