import Link from 'next/link';
import type { Article } from '@/lib/content/article';
import { isLiveNow } from '@/lib/content/index/liveCoverage';
import { formatDateFr } from '@/lib/dates/formatDate';
import { articlePath } from '@/lib/routes';
import { listInFrench } from '@/lib/typography/frenchList';
import { ResponsiveImage } from './ResponsiveImage';

/**
 * An article in a listing: image, category (« En direct » while its coverage
 * is on), title linking to it, standfirst, date and authors.
 */
export function ArticleCard({ article, lead = false }: { article: Article; lead?: boolean }) {
  const headingId = `titre-${article.slug}`;
  // As the page is rendered: when the coverage ends, its card tag is revalidated (ContentStore.tagsChangedSinceLastRevalidation).
  const live = isLiveNow(article, new Date());
  return (
    <article className={lead ? 'card card-lead' : 'card'} aria-labelledby={headingId}>
      <ResponsiveImage image={article.image} sizes={lead ? '(min-width: 64rem) 60rem, 100vw' : '(min-width: 64rem) 20rem, 100vw'} preload={lead} cropped />
      <div className="card-text">
        <p className="category">
          {live && <span className="live-badge">En direct</span>}
          {article.category}
        </p>
        <h2 id={headingId}>
          <Link href={articlePath(article.slug)}>{article.title}</Link>
        </h2>
        <p className="standfirst">{article.description}</p>
        <p className="card-meta">
          <time dateTime={article.publishedAt.iso}>{formatDateFr(article.publishedAt.date)}</time> ·{' '}
          {listInFrench(article.authors.map((author) => author.name))}
        </p>
      </div>
    </article>
  );
}
