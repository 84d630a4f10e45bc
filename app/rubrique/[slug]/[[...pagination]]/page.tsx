import { createListingRoute, type Listing } from '@/app/_listing/listingRoute';
import { getPublishedArticles } from '@/lib/content/siteContent';
import { groupBySection } from '@/lib/content/taxonomy';
import { sectionPath } from '@/lib/routes';
import { siteConfig } from '@/lib/siteConfig';

// Rebuilt in the background at most every 30 s: new and changed articles show without a rebuild.
export const revalidate = 30;

const route = createListingRoute(async () => {
  const sections = groupBySection(await getPublishedArticles());
  return new Map(
    [...sections].map(([slug, section]): [string, Listing] => [
      slug,
      {
        title: section.name,
        description: `Les articles de la rubrique ${section.name}.`,
        articles: section.articles,
        list: `section:${slug}`,
        hrefFor: (page) => sectionPath(section.name, page),
        feeds: { listingPath: sectionPath(section.name), title: `${siteConfig.name} — ${section.name}` },
      },
    ]),
  );
});

export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
