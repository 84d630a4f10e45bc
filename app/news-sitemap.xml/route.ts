import { XML_HEADERS } from '@/app/_crawlers/sitemapRoutes';
import { getPublishedArticles } from '@/lib/content/siteContent';
import { newsArticles, renderNewsSitemap } from '@/lib/seo/newsSitemap';

// The two-day window moves with the clock: rebuild the file every five minutes.
export const revalidate = 300;

export async function GET(): Promise<Response> {
  const body = renderNewsSitemap(newsArticles(await getPublishedArticles(), new Date()));
  return new Response(body, { headers: XML_HEADERS });
}
