import { createListingRoute, type Listing } from '@/app/_listing/listingRoute';
import { getPublishedArticles } from '@/lib/content/siteContent';
import { groupBySection } from '@/lib/content/index/taxonomy';
import { sectionPath } from '@/lib/routes';
import { feedTitle, listingWording } from '@/lib/listingTitles';

// A safety net only: a change in the content folder revalidates exactly the pages it
// touches within seconds (instrumentation.ts, lib/content/index/invalidation.ts); nothing else
// regenerates a page before a day has passed.
export const revalidate = 86400;

const route = createListingRoute(async () => {
  const sections = groupBySection(await getPublishedArticles());
  return new Map(
    [...sections].map(([slug, section]): [string, Listing] => {
      const wording = listingWording.section(section.name);
      return [
        slug,
        {
          ...wording,
          articles: section.articles,
          list: `section:${slug}`,
          hrefFor: (page) => sectionPath(section.name, page),
          feeds: { listingPath: sectionPath(section.name), title: feedTitle(wording) },
        },
      ];
    }),
  );
});

export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
