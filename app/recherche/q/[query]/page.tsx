import type { Metadata } from 'next';
import { SearchResults } from '@/components/SearchResults';
import { decodePathSegment } from '@/lib/routes';
import { searchMetadata } from '../../searchMetadata';

interface CachedSearchProps {
  params: Promise<{ query: string }>;
}

/**
 * `/recherche?q=…`, rewritten here by next.config.ts so that each query's page
 * is rendered once and then served from Next's cache like any listing,
 * refreshed every 30 s. lib/cache/boundedFileCache.mjs keeps these pages
 * in the bounded memory cache only: queries are endless, the disk is not.
 */
export const revalidate = 30;
export const dynamicParams = true;
export const metadata: Metadata = searchMetadata;

export function generateStaticParams(): { query: string }[] {
  return [];
}

export default async function CachedSearchPage({ params }: CachedSearchProps) {
  const { query } = await params;
  return <SearchResults typedQuery={decodePathSegment(query)} requestedPage={1} />;
}
