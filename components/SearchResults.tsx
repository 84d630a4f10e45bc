import Link from 'next/link';
import { Pagination } from '@/components/Pagination';
import { SearchForm } from '@/components/SearchForm';
import type { SearchResult } from '@/lib/content/siteContent';
import { formatDateFr } from '@/lib/dates/formatDate';
import { articlePath, searchPath } from '@/lib/routes';
import type { Page } from '@/lib/pagination';
import { COUNTED_MATCHES } from '@/lib/search/searchQuery';
import { listInFrench } from '@/lib/typography/frenchList';

/** « 1 article trouvé », « 12 articles trouvés », « plus de 1 000 articles trouvés » (the index stops counting there). */
function foundCount(total: number): string {
  if (total === 1) return '1 article trouvé';
  if (total > COUNTED_MATCHES) return `plus de ${COUNTED_MATCHES.toLocaleString('fr-FR')} articles trouvés`;
  return `${total} articles trouvés`;
}

/** The search page's content: the query (normalized) and its page of results, none without a query (app/recherche/searchResultsFor.ts). */
export function SearchResults({ query, results: page }: { query: string; results?: Page<SearchResult> }) {
  const total = page?.total ?? 0;

  return (
    <section className="listing search" aria-labelledby="recherche">
      <header className="listing-header">
        <h1 id="recherche">{query ? `Recherche : « ${query} »` : 'Recherche'}</h1>
        <SearchForm query={query} id="search-page-query" label="Modifier la recherche" />
        <p className="listing-count" role="status">
          {!query && 'Saisissez un ou plusieurs mots du titre ou du texte d’un article.'}
          {query && total === 0 && 'Aucun article ne correspond à cette recherche. Essayez un autre mot, ou moins de mots.'}
          {query && total > 0 && foundCount(total)}
        </p>
      </header>
      {page && page.items.length > 0 && (
        <ol className="search-results">
          {page.items.map(({ article, snippet }) => (
            <li key={article.slug}>
              <p className="category">{article.category}</p>
              <h2>
                <Link href={articlePath(article.slug)}>{article.title}</Link>
              </h2>
              <p className="snippet">{snippet.map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : part.text))}</p>
              <p className="card-meta">
                <time dateTime={article.publishedAt.iso}>{formatDateFr(article.publishedAt.date)}</time> ·{' '}
                {listInFrench(article.authors.map((author) => author.name))}
              </p>
            </li>
          ))}
        </ol>
      )}
      {page && <Pagination page={page.number} count={page.count} hrefFor={(number) => searchPath(query, number)} />}
    </section>
  );
}
