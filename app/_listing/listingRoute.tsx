import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { ArticleListing } from '@/components/ArticleListing';
import { tagEntry } from '@/app/_cache/tagEntry';
import type { Article } from '@/lib/content/article';
import { listingTags, type ListName } from '@/lib/content/index/cacheTags';
import { listingPage, newestArchivePages, pageFromSegments, PRERENDER_LIMITS, segmentsForPage } from '@/lib/pagination';
import { pageLabel } from '@/components/ListingPagination';
import { pageMetadata, type FeedLinks } from '@/lib/seo/pageMetadata';

/** One listing reachable at `/<kind>/<slug>` and `/<kind>/<slug>/page/<n>`: a section, a tag, an author. */
export interface Listing {
  title: string;
  description: string;
  intro?: ReactNode;
  articles: readonly Article[];
  /** Its name in cache tags (lib/content/index/cacheTags.ts). */
  list: ListName;
  hrefFor: (page: number | undefined) => string;
  /** The listing's own feeds (sections and authors have them), linked from its head. */
  feeds?: FeedLinks;
}

interface ListingPageProps {
  params: Promise<{ slug: string; pagination?: string[] }>;
}

/**
 * The three listing routes differ only in how they find their listings; this
 * gives each its static params, metadata and page. Unknown slugs and pages 404.
 */
export function createListingRoute(findListings: () => Promise<ReadonlyMap<string, Listing>>) {
  async function findPage({ params }: ListingPageProps) {
    const { slug, pagination } = await params;
    const listing = (await findListings()).get(slug);
    const wanted = pageFromSegments(pagination);
    if (!listing || wanted === undefined) return undefined;
    const page = listingPage(listing.articles, wanted.number);
    return page && { listing, page };
  }

  return {
    generateStaticParams: async () => {
      const listings = await findListings();
      return [...listings].flatMap(([slug, listing]) =>
        [undefined, ...newestArchivePages(listing.articles.length, PRERENDER_LIMITS.listingPages - 1)].map((page) => ({
          slug,
          pagination: segmentsForPage(page),
        })),
      );
    },

    generateMetadata: async (props: ListingPageProps): Promise<Metadata> => {
      const found = await findPage(props);
      if (!found) return {};
      const { listing, page } = found;
      return pageMetadata({
        path: listing.hrefFor(page.number),
        title: page.number === undefined ? listing.title : `${listing.title}, page ${page.number}`,
        ...(page.number === undefined ? {} : { description: `${listing.description} ${pageLabel(page)}.` }),
        description: listing.description,
        feeds: listing.feeds ? [listing.feeds] : [],
      });
    },

    Page: async (props: ListingPageProps) => {
      const found = await findPage(props);
      if (!found) notFound();
      const { listing, page } = found;
      await tagEntry(listingTags(listing.list, page.items, page.number));
      return <ArticleListing title={listing.title} intro={listing.intro} page={page} hrefFor={listing.hrefFor} />;
    },
  };
}
