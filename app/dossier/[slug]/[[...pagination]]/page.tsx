import { createListingRoute, type Listing } from '@/app/_listing/listingRoute';
import { HeroFigure } from '@/components/HeroFigure';
import type { Dossier } from '@/lib/content/article';
import { getPublishedArticles, getSiteContent } from '@/lib/content/siteContent';
import { dossiersWithParts } from '@/lib/content/index/dossierParts';
import { dossierPath } from '@/lib/routes';
import { feedTitle, listingWording } from '@/lib/listingTitles';

// A safety net only: a change in the content folder revalidates exactly the pages it
// touches within seconds (instrumentation.ts, lib/content/index/invalidation.ts); nothing else
// regenerates a page before a day has passed.
export const revalidate = 86400;

/** What the dossier's file says of it: its description, its photo, its introduction (sanitized when parsed). */
function DossierIntro({ dossier }: { dossier: Dossier }) {
  return (
    <>
      <p className="listing-intro">{dossier.description}</p>
      {dossier.image && <HeroFigure image={dossier.image} />}
      {dossier.intro && <div className="article-body dossier-intro" dangerouslySetInnerHTML={{ __html: dossier.intro }} />}
    </>
  );
}

// Newest first, as every listing: a dossier that goes on shows its latest part on top; each article says which part it is.
const route = createListingRoute(async () => {
  const [{ dossiers }, articles] = await Promise.all([getSiteContent(), getPublishedArticles()]);
  return new Map(
    [...dossiersWithParts(dossiers, articles)].map(([slug, { dossier, parts }]): [string, Listing] => {
      const wording = listingWording.dossier(dossier);
      return [
        slug,
        {
          ...wording,
          intro: <DossierIntro dossier={dossier} />,
          articles: parts,
          list: `dossier:${slug}`,
          hrefFor: (page) => dossierPath(slug, page),
          feeds: { listingPath: dossierPath(slug), title: feedTitle(wording) },
        },
      ];
    }),
  );
});

export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
