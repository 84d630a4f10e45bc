import { createListingRoute, type Listing } from '@/app/_listing/listingRoute';
import { getPublishedArticles } from '@/lib/content/siteContent';
import { groupByTag } from '@/lib/content/taxonomy';
import { tagPath } from '@/lib/routes';

// Rebuilt in the background at most every 30 s: new and changed articles show without a rebuild.
export const revalidate = 30;

const route = createListingRoute(async () => {
  const tags = groupByTag(await getPublishedArticles());
  return new Map(
    [...tags].map(([slug, tag]): [string, Listing] => [
      slug,
      {
        title: tag.name,
        description: `Les articles sur ${tag.name}.`,
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
