import type { Metadata } from 'next';
import { tagEntry } from '@/app/_cache/tagEntry';
import { FrontPage } from '@/components/FrontPage';
import { listingTags } from '@/lib/content/index/cacheTags';
import { JsonLd } from '@/components/JsonLd';
import { getPublishedArticles } from '@/lib/content/siteContent';
import { listingPage } from '@/lib/pagination';
import { siteJsonLd } from '@/lib/seo/jsonLd';
import { pageMetadata } from '@/lib/seo/pageMetadata';
import { siteConfig } from '@/lib/siteConfig';

// A safety net only: a change in the content folder revalidates exactly the pages it
// touches within seconds (instrumentation.ts, lib/content/index/invalidation.ts); nothing else
// regenerates a page before a day has passed.
export const revalidate = 86400;

export const metadata: Metadata = {
  ...pageMetadata({ path: '/', title: siteConfig.name, description: siteConfig.description }),
  // The front page's title is the site's own, not "kiosque — kiosque".
  title: { absolute: `${siteConfig.name} — ${siteConfig.description}` },
};

export default async function HomePage() {
  const page = listingPage(await getPublishedArticles(), undefined);
  await tagEntry(listingTags('home', page?.items ?? []));
  // The newest page always exists, even with no article at all.
  return (
    page && (
      <>
        <JsonLd data={siteJsonLd()} />
        <FrontPage page={page} />
      </>
    )
  );
}
