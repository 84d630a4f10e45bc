import type { ReactNode } from 'react';
import type { Article } from '@/lib/content/article';
import type { ListingPage } from '@/lib/pagination';
import { ArticleCard } from './ArticleCard';
import { ListingPagination, pageLabel } from './ListingPagination';

/** A titled, counted, paginated list of articles: sections, tags, authors. */
export function ArticleListing({
  title,
  intro,
  page,
  hrefFor,
}: {
  title: string;
  intro?: ReactNode;
  page: ListingPage<Article>;
  hrefFor: (page: number | undefined) => string;
}) {
  return (
    <section className="listing" aria-labelledby="listing-title">
      <header className="listing-header">
        <h1 id="listing-title">{title}</h1>
        {intro}
        <p className="listing-count">
          {page.total === 1 ? '1 article' : `${page.total} articles`}
          {page.number !== undefined && ` · ${pageLabel(page)}`}
        </p>
      </header>
      <div className="card-grid">
        {page.items.map((article) => (
          <ArticleCard key={article.slug} article={article} />
        ))}
      </div>
      <ListingPagination page={page} hrefFor={hrefFor} />
    </section>
  );
}
