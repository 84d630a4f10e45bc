import Link from 'next/link';
import type { Article } from '@/lib/content/article';
import { PublishedTime } from './PublishedTime';

/** Author, publication and update times, reading time. */
export function Byline({ article }: { article: Article }) {
  return (
    <p className="byline">
      <span>
        Par{' '}
        <Link href={`/auteur/${article.author.slug}`} rel="author">
          {article.author.name}
        </Link>
      </span>
      <PublishedTime value={article.publishedAt} prefix="Le" />
      {article.updatedAt && <PublishedTime value={article.updatedAt} prefix="Mis à jour le" />}
      <span>{article.readingTimeMinutes} min de lecture</span>
    </p>
  );
}
