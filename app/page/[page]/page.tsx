import { tagEntry } from '@/app/_cache/tagEntry';
import { listingTags } from '@/lib/content/index/cacheTags';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { FrontPage } from '@/components/FrontPage';
import { getPublishedArticles } from '@/lib/content/siteContent';
import { pageNumbers, paginate, parsePageNumber, PRERENDER_LIMITS } from '@/lib/pagination';
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
  return pageNumbers((await getPublishedArticles()).length)
    .filter((page) => page > 1 && page <= PRERENDER_LIMITS.listingPages)
    .map((page) => ({ page: String(page) }));
}

async function findPage({ params }: HomePageProps) {
  const pageNumber = parsePageNumber((await params).page);
  // Page 1 lives at /, so /page/1 is not a page of its own.
  if (pageNumber === undefined || pageNumber < 2) return undefined;
  return paginate(await getPublishedArticles(), pageNumber);
}

export async function generateMetadata(props: HomePageProps): Promise<Metadata> {
  const page = await findPage(props);
  return page
    ? pageMetadata({
        path: homePath(page.number),
        title: `Les derniers articles, page ${page.number}`,
        description: `${siteConfig.description} Les articles précédents, page ${page.number}.`,
      })
    : {};
}

export default async function HomePageNumber(props: HomePageProps) {
  const page = await findPage(props);
  if (!page) notFound();
  await tagEntry(listingTags('home', page.items));
  return <FrontPage page={page} />;
}
