import { createListingRoute, type Listing } from '@/app/_listing/listingRoute';
import { getPublishedArticles, getSiteContent } from '@/lib/content/siteContent';
import { groupByAuthor } from '@/lib/content/taxonomy';
import { authorPath } from '@/lib/routes';
import { siteConfig } from '@/lib/siteConfig';

// Rebuilt in the background at most every 30 s: new and changed articles show without a rebuild.
export const revalidate = 30;

const route = createListingRoute(async () => {
  const [{ authors }, articles] = await Promise.all([getSiteContent(), getPublishedArticles()]);
  return new Map(
    [...authors].map(([slug, author]): [string, Listing] => [
      slug,
      {
        title: author.name,
        description: author.bio,
        intro: <p className="listing-intro">{author.bio}</p>,
        articles: groupByAuthor(articles).get(slug) ?? [],
        list: `author:${slug}`,
        hrefFor: (page) => authorPath(slug, page),
        feeds: { listingPath: authorPath(slug), title: `${siteConfig.name} — ${author.name}` },
      },
    ]),
  );
});

export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
