import { createListingRoute, type Listing } from '@/app/_listing/listingRoute';
import { getPublishedArticles } from '@/lib/content/siteContent';
import { groupByTag } from '@/lib/content/index/taxonomy';
import { listingWording } from '@/lib/listingTitles';
import { tagPath } from '@/lib/routes';

// A safety net only: a change in the content folder revalidates exactly the pages it
// touches within seconds (instrumentation.ts, lib/content/index/invalidation.ts); nothing else
// regenerates a page before a day has passed.
export const revalidate = 86400;

const route = createListingRoute(async () => {
  const tags = groupByTag(await getPublishedArticles());
  return new Map(
    [...tags].map(([slug, tag]): [string, Listing] => [
      slug,
      {
        ...listingWording.tag(tag.name),
        articles: tag.articles,
        list: `tag:${slug}`,
        hrefFor: (page) => tagPath(tag.name, page),
      },
    ]),
  );
});

export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
