import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SearchResults } from '@/components/SearchResults';
import { SEARCH_FORM_PATH, searchPath } from '@/lib/routes';
import { cacheableQuery } from '@/lib/search/searchQuery';
import { searchMetadata } from './searchMetadata';
import { searchResultsFor } from './searchResultsFor';

interface SearchPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export const metadata: Metadata = searchMetadata;

/** The page numbers the rewrite in next.config.ts sends to the cached route. */
const CACHED_PAGE = /^[1-9][0-9]{0,3}$/;

function firstValue(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/**
 * `/recherche` with no query: the empty search form, rendered per request
 * (it costs no search). Any query the rewrite in next.config.ts does not send
 * to the cached route (`/recherche/q/…`: one with a `/`, `%`, `?`, `#` or
 * control character, over 200 characters, or a page number it does not take)
 * is sent there in a form it takes, the same words: no query is searched for
 * on every request.
 */
export default async function SearchPage({ searchParams }: SearchPageProps) {
  const parameters = await searchParams;
  const typed = firstValue(parameters.q);
  const page = firstValue(parameters.page);
  if (typed !== '' || page !== '') {
    const query = cacheableQuery(typed);
    const pageNumber = CACHED_PAGE.test(page) ? Number(page) : 1;
    // The same query and page as asked would be this page again: shown here rather than sent round in a loop.
    if (query !== typed || (page !== '' && String(pageNumber) !== page) || query === '') redirect(query ? searchPath(query, pageNumber) : SEARCH_FORM_PATH);
    return <SearchResults {...await searchResultsFor(typed, pageNumber)} />;
  }
  return <SearchResults query="" />;
}
