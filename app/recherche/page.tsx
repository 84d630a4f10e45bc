import type { Metadata } from 'next';
import { SearchResults } from '@/components/SearchResults';
import { parsePageNumber } from '@/lib/pagination';
import { searchMetadata } from './searchMetadata';

interface SearchPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export const metadata: Metadata = searchMetadata;

function firstValue(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/**
 * `/recherche` with no query, or one the rewrite in next.config.ts does not
 * send to the cached route (`/recherche/q/…`): rendered per request.
 */
export default async function SearchPage({ searchParams }: SearchPageProps) {
  const parameters = await searchParams;
  return <SearchResults typedQuery={firstValue(parameters.q)} requestedPage={parsePageNumber(firstValue(parameters.page) || '1') ?? 1} />;
}
