import { tagEntry } from '@/app/_cache/tagEntry';
import type { Article } from '@/lib/content/article';
import { feedTags, type ListName } from '@/lib/content/index/cacheTags';
import { getArticleBody, getPhotoService, getPublishedArticles, getSiteContent } from '@/lib/content/siteContent';
import { dossiersWithParts } from '@/lib/content/index/dossierParts';
import { groupByAuthor, groupBySection } from '@/lib/content/index/taxonomy';
import { authorPath, dossierPath, sectionPath, type FeedFormat } from '@/lib/routes';
import { FEED_CONTENT_TYPES, FEED_ITEM_COUNT, feedImage, renderFeed, type FeedChannel } from '@/lib/seo/feeds';
import { feedTitle, listingWording, type ListingWording } from '@/lib/listingTitles';
import { siteConfig } from '@/lib/siteConfig';

interface ChannelWithArticles {
  channel: FeedChannel;
  articles: readonly Article[];
  /** The listing the feed follows, for its cache tags. */
  list: ListName;
}

/**
 * RSS wants each enclosure's length in bytes: the JPEG is made (or read from
 * the photo cache) before the feed is written. A photo that cannot be made
 * leaves its length out rather than the feed down.
 */
async function enclosureSizes(articles: readonly Article[]): Promise<ReadonlyMap<string, number>> {
  const photos = getPhotoService();
  const sizes = await Promise.all(
    articles.slice(0, FEED_ITEM_COUNT).map(async (article): Promise<[string, number] | undefined> => {
      const answer = await photos.variant(article.image.src, article.image.hash, feedImage(article).variant, null).catch(() => undefined);
      return answer?.kind === 'image' ? [article.slug, answer.image.bytes.length] : undefined;
    }),
  );
  return new Map(sizes.filter((entry) => entry !== undefined));
}

async function feedResponse(format: FeedFormat, { channel, articles, list }: ChannelWithArticles): Promise<Response> {
  await tagEntry(feedTags(list, articles.slice(0, FEED_ITEM_COUNT)));
  const sizes = format === 'json' ? new Map<string, number>() : await enclosureSizes(articles);
  const body = renderFeed(format, channel, articles, {
    enclosureSize: (article) => sizes.get(article.slug),
    bodyHtml: (article) => getArticleBody(article).html,
  });
  return new Response(body, { headers: { 'Content-Type': FEED_CONTENT_TYPES[format] } });
}

/** `/rss.xml`, `/atom.xml`, `/feed.json`: the whole site. */
export function createSiteFeedRoute(format: FeedFormat) {
  return async function GET(): Promise<Response> {
    return feedResponse(format, {
      channel: { title: feedTitle(), description: siteConfig.description, listingPath: '' },
      articles: await getPublishedArticles(),
      list: 'home',
    });
  };
}

/** A listing's feed channel: its wording, the feed named after the site and the listing. */
function listingChannel(wording: ListingWording, listingPath: string): FeedChannel {
  return { title: feedTitle(wording), description: wording.description, listingPath };
}

async function sectionChannels(): Promise<ReadonlyMap<string, ChannelWithArticles>> {
  const sections = groupBySection(await getPublishedArticles());
  return new Map(
    [...sections].map(([slug, section]) => [
      slug,
      {
        channel: listingChannel(listingWording.section(section.name), sectionPath(section.name)),
        articles: section.articles,
        list: `section:${slug}`,
      },
    ]),
  );
}

async function authorChannels(): Promise<ReadonlyMap<string, ChannelWithArticles>> {
  const [{ authors }, articles] = await Promise.all([getSiteContent(), getPublishedArticles()]);
  return new Map(
    [...authors].map(([slug, author]) => [
      slug,
      {
        channel: listingChannel(listingWording.author(author), authorPath(slug)),
        articles: groupByAuthor(articles).get(slug) ?? [],
        list: `author:${slug}`,
      },
    ]),
  );
}

/** The dossiers that have articles: a dossier no article names yet has no feed. */
async function dossierChannels(): Promise<ReadonlyMap<string, ChannelWithArticles>> {
  const [{ dossiers }, articles] = await Promise.all([getSiteContent(), getPublishedArticles()]);
  return new Map(
    [...dossiersWithParts(dossiers, articles)].map(([slug, { dossier, parts }]) => [
      slug,
      { channel: listingChannel(listingWording.dossier(dossier), dossierPath(slug)), articles: parts, list: `dossier:${slug}` },
    ]),
  );
}

interface ListingFeedContext {
  params: Promise<{ slug: string }>;
}

function createListingFeedRoute(format: FeedFormat, findChannels: () => Promise<ReadonlyMap<string, ChannelWithArticles>>) {
  return {
    generateStaticParams: async () => [...(await findChannels()).keys()].map((slug) => ({ slug })),
    GET: async (_request: Request, { params }: ListingFeedContext): Promise<Response> => {
      const found = (await findChannels()).get((await params).slug);
      return found ? feedResponse(format, found) : new Response('Flux introuvable', { status: 404 });
    },
  };
}

/** `/rubrique/<slug>/rss.xml` and its Atom and JSON siblings. */
export const createSectionFeedRoute = (format: FeedFormat) => createListingFeedRoute(format, sectionChannels);

/** `/auteur/<slug>/rss.xml` and its Atom and JSON siblings. */
export const createAuthorFeedRoute = (format: FeedFormat) => createListingFeedRoute(format, authorChannels);

/** `/dossier/<slug>/rss.xml` and its Atom and JSON siblings. */
export const createDossierFeedRoute = (format: FeedFormat) => createListingFeedRoute(format, dossierChannels);
