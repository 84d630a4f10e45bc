import { searchPublishedArticles, type SearchResult } from '@/lib/content/siteContent';
import type { Page } from '@/lib/pagination';
import { normalizeQuery } from '@/lib/search/searchQuery';

const RESULTS_PER_PAGE = 10;

/** What the search page shows for a query as typed: the query normalized, and the page of results asked for (none without a query). */
export interface SearchPageData {
  query: string;
  results?: Page<SearchResult>;
}

export async function searchResultsFor(typedQuery: string, requestedPage: number): Promise<SearchPageData> {
  const query = normalizeQuery(typedQuery);
  return query ? { query, results: await searchPublishedArticles(query, requestedPage, RESULTS_PER_PAGE) } : { query };
}
