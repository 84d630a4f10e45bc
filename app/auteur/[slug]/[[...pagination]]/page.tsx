import { createListingRoute, type Listing } from '@/app/_listing/listingRoute';
import { getPublishedArticles, getSiteContent } from '@/lib/content/siteContent';
import { groupByAuthor } from '@/lib/content/index/taxonomy';
import { authorPath } from '@/lib/routes';
import { feedTitle, listingWording } from '@/lib/listingTitles';

// A safety net only: a change in the content folder revalidates exactly the pages it
// touches within seconds (instrumentation.ts, lib/content/index/invalidation.ts); nothing else
// regenerates a page before a day has passed.
export const revalidate = 86400;

const route = createListingRoute(async () => {
  const [{ authors }, articles] = await Promise.all([getSiteContent(), getPublishedArticles()]);
  return new Map(
    [...authors].map(([slug, author]): [string, Listing] => [
      slug,
      {
        ...listingWording.author(author),
        intro: <p className="listing-intro">{author.bio}</p>,
        articles: groupByAuthor(articles).get(slug) ?? [],
        list: `author:${slug}`,
        hrefFor: (page) => authorPath(slug, page),
        feeds: { listingPath: authorPath(slug), title: feedTitle(listingWording.author(author)) },
      },
    ]),
  );
});

export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
