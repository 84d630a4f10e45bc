import Link from 'next/link';

/**
 * Previous/next links for search results, numbered from the first. The same relations are also
 * declared as `<link rel>` (React hoists them into the head) for crawlers.
 */
export function Pagination({ page, count, hrefFor }: { page: number; count: number; hrefFor: (page: number) => string }) {
  if (count <= 1) return null;
  const previous = page > 1 ? hrefFor(page - 1) : undefined;
  const next = page < count ? hrefFor(page + 1) : undefined;
  return (
    <nav className="pagination" aria-label="Pagination">
      {previous && <link rel="prev" href={previous} />}
      {next && <link rel="next" href={next} />}
      {previous ? (
        <Link href={previous} rel="prev">
          ← Page précédente
        </Link>
      ) : (
        <span />
      )}
      <span aria-current="page">
        Page {page} sur {count}
      </span>
      {next ? (
        <Link href={next} rel="next">
          Page suivante →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
