import Link from 'next/link';
import type { Article } from '@/lib/content/article';
import { formatDateFr } from '@/lib/dates/formatDate';
import type { ListingPage } from '@/lib/pagination';

/**
 * Links to newer and older articles in a listing whose archive pages are
 * numbered from the oldest (lib/pagination.ts). The same relations are also
 * declared as `<link rel>` (React hoists them into the head) for crawlers:
 * `prev` leads to newer articles, as it always has on a news site.
 */
export function ListingPagination({ page, hrefFor }: { page: ListingPage<Article>; hrefFor: (page: number | undefined) => string }) {
  const newer = page.newer && hrefFor(page.newer.number);
  const older = page.older === undefined ? undefined : hrefFor(page.older);
  if (!newer && !older) return null;
  return (
    <nav className="pagination" aria-label="Pagination">
      {newer && <link rel="prev" href={newer} />}
      {older && <link rel="next" href={older} />}
      {newer ? (
        <Link href={newer} rel="prev">
          ← Articles plus récents
        </Link>
      ) : (
        <span />
      )}
      <span aria-current="page">{pageLabel(page)}</span>
      {older ? (
        <Link href={older} rel="next">
          Articles plus anciens →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** « Les plus récents », or an archive page by the days it covers: its number alone tells a reader little. */
export function pageLabel(page: ListingPage<Article>): string {
  const newest = page.items[0];
  const oldest = page.items.at(-1);
  if (page.number === undefined || !newest || !oldest) return 'Les plus récents';
  const from = formatDateFr(oldest.publishedAt.date);
  const to = formatDateFr(newest.publishedAt.date);
  return from === to ? `Archives, page ${page.number} : le ${from}` : `Archives, page ${page.number} : du ${from} au ${to}`;
}
