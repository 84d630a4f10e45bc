import Link from 'next/link';
import type { Article } from '@/lib/content/article';
import { lastChange } from '@/lib/content/index/publication';
import { authorPath } from '@/lib/routes';
import { listPartsInFrench } from '@/lib/typography/frenchList';
import { PublishedTime } from './PublishedTime';

/** Authors (« Par A et B », each a link), publication and last change times, reading time. */
export function Byline({ article }: { article: Article }) {
  // The update date or the latest correction, whichever is later.
  const changed = lastChange(article);
  return (
    <p className="byline">
      <span>
        Par{' '}
        {listPartsInFrench(article.authors, (author) => author.name).map(({ before, item: author }) => (
          <span key={author.slug}>
            {before}
            <Link href={authorPath(author.slug)} rel="author">
              {author.name}
            </Link>
          </span>
        ))}
      </span>
      <PublishedTime value={article.publishedAt} prefix="Le" />
      {changed !== article.publishedAt && <PublishedTime value={changed} prefix="Mis à jour le" />}
      <span>{article.readingTimeMinutes} min de lecture</span>
    </p>
  );
}
