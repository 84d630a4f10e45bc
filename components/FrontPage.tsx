import type { Article } from '@/lib/content/article';
import type { ListingPage } from '@/lib/pagination';
import { homePath } from '@/lib/routes';
import { siteConfig } from '@/lib/siteConfig';
import { ArticleCard } from './ArticleCard';
import { ListingPagination, pageLabel } from './ListingPagination';

/** The front page: the lead story, larger, then the latest articles; an archive page of the front page lists its own. */
export function FrontPage({ page }: { page: ListingPage<Article> }) {
  const [lead, ...others] = page.items;
  const showLead = page.number === undefined && lead !== undefined;
  const grid = showLead ? others : page.items;
  return (
    <section className="listing" aria-labelledby="a-la-une">
      <h1 id="a-la-une" className={page.number === undefined ? 'visually-hidden' : undefined}>
        {page.number === undefined ? `${siteConfig.name} : les derniers articles` : `Tous les articles. ${pageLabel(page)}`}
      </h1>
      {page.total === 0 && <p>Aucun article publié pour le moment.</p>}
      {showLead && <ArticleCard article={lead} lead />}
      {grid.length > 0 && (
        <div className="card-grid">
          {grid.map((article) => (
            <ArticleCard key={article.slug} article={article} />
          ))}
        </div>
      )}
      <ListingPagination page={page} hrefFor={homePath} />
    </section>
  );
}
