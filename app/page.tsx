import { ArticleCard } from '@/components/ArticleCard';
import { getPublishedArticles } from '@/lib/content/siteContent';
import { SITE_NAME } from '@/lib/site';

export default async function HomePage() {
  const [lead, ...others] = await getPublishedArticles();

  return (
    <section className="listing" aria-labelledby="a-la-une">
      <h1 id="a-la-une" className="visually-hidden">
        {SITE_NAME} : les derniers articles
      </h1>
      {lead ? <ArticleCard article={lead} lead /> : <p>Aucun article publié pour le moment.</p>}
      {others.length > 0 && (
        <div className="card-grid">
          {others.map((article) => (
            <ArticleCard key={article.slug} article={article} />
          ))}
        </div>
      )}
    </section>
  );
}
