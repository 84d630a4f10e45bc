import { tagEntry } from '@/app/_cache/tagEntry';
import { listingTags } from '@/lib/content/index/cacheTags';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { FrontPage } from '@/components/FrontPage';
import { pageLabel } from '@/components/ListingPagination';
import { getPublishedArticles } from '@/lib/content/siteContent';
import { listingPage, newestArchivePages, parsePageNumber, PRERENDER_LIMITS } from '@/lib/pagination';
import { homePath } from '@/lib/routes';
import { pageMetadata } from '@/lib/seo/pageMetadata';
import { siteConfig } from '@/lib/siteConfig';

// A safety net only: a change in the content folder revalidates exactly the pages it
// touches within seconds (instrumentation.ts, lib/content/index/invalidation.ts); nothing else
// regenerates a page before a day has passed.
export const revalidate = 86400;

interface HomePageProps {
  params: Promise<{ page: string }>;
}

export async function generateStaticParams() {
  return newestArchivePages((await getPublishedArticles()).length, PRERENDER_LIMITS.listingPages - 1).map((page) => ({ page: String(page) }));
}

async function findPage({ params }: HomePageProps) {
  // Archive pages, numbered from the oldest (lib/pagination.ts); the newest articles live at /.
  const pageNumber = parsePageNumber((await params).page);
  if (pageNumber === undefined) return undefined;
  return listingPage(await getPublishedArticles(), pageNumber);
}

export async function generateMetadata(props: HomePageProps): Promise<Metadata> {
  const page = await findPage(props);
  return page
    ? pageMetadata({
        path: homePath(page.number),
        title: `Tous les articles, page ${page.number}`,
        description: `${siteConfig.description} ${pageLabel(page)}.`,
      })
    : {};
}

export default async function HomePageNumber(props: HomePageProps) {
  const page = await findPage(props);
  if (!page) notFound();
  await tagEntry(listingTags('home', page.items, page.number));
  return <FrontPage page={page} />;
}
