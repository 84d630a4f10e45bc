import type { Metadata } from 'next';
import { SearchResults } from '@/components/SearchResults';
import { decodePathSegment } from '@/lib/routes';
import { parsePageNumber } from '@/lib/pagination';
import { searchMetadata } from '../../../searchMetadata';

interface CachedSearchPageProps {
  params: Promise<{ query: string; page: string }>;
}

/** `/recherche?q=…&page=N`, cached like page 1 (see ../page.tsx). */
export const revalidate = 30;
export const dynamicParams = true;
export const metadata: Metadata = searchMetadata;

export function generateStaticParams(): { query: string; page: string }[] {
  return [];
}

export default async function CachedSearchResultsPage({ params }: CachedSearchPageProps) {
  const { query, page } = await params;
  return <SearchResults typedQuery={decodePathSegment(query)} requestedPage={parsePageNumber(page) ?? 1} />;
}
