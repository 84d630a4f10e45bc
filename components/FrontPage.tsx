import type { Article } from '@/lib/content/article';
import type { Page } from '@/lib/pagination';
import { homePath } from '@/lib/routes';
import { siteConfig } from '@/lib/siteConfig';
import { ArticleCard } from './ArticleCard';
import { Pagination } from './Pagination';

/** The front page: on page 1 the lead story, larger, then the latest articles. */
export function FrontPage({ page }: { page: Page<Article> }) {
  const [lead, ...others] = page.items;
  const showLead = page.number === 1 && lead !== undefined;
  const grid = showLead ? others : page.items;
  return (
    <section className="listing" aria-labelledby="a-la-une">
      <h1 id="a-la-une" className={page.number === 1 ? 'visually-hidden' : undefined}>
        {page.number === 1 ? `${siteConfig.name} : les derniers articles` : `Les derniers articles, page ${page.number}`}
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
      <Pagination page={page.number} count={page.count} hrefFor={homePath} />
    </section>
  );
}
