import { tagEntry } from '@/app/_cache/tagEntry';
import { cacheTags } from '@/lib/content/index/cacheTags';
import type { Metadata } from 'next';
import { SearchResults } from '@/components/SearchResults';
import { parsePageNumber } from '@/lib/pagination';
import { decodePathSegment } from '@/lib/routes';
import { searchMetadata } from '../../../searchMetadata';
import { searchResultsFor } from '../../../searchResultsFor';

interface CachedSearchProps {
  params: Promise<{ query: string; page?: string[] }>;
}

/**
 * `/recherche?q=…[&page=N]`, rewritten here by next.config.ts so that each
 * query's page is rendered once and then served from Next's cache like any
 * listing, until an article changes (their `search` tag) or a day passes.
 * lib/cache/boundedFileCache.ts keeps these pages in the bounded memory cache
 * only: queries are endless, the disk is not.
 */
export const revalidate = 86400;
export const dynamicParams = true;
export const metadata: Metadata = searchMetadata;

export function generateStaticParams(): { query: string; page?: string[] }[] {
  return [];
}

export default async function CachedSearchPage({ params }: CachedSearchProps) {
  const { query, page = [] } = await params;
  await tagEntry([cacheTags.search]);
  return <SearchResults {...await searchResultsFor(decodePathSegment(query), parsePageNumber(page[0]) ?? 1)} />;
}
