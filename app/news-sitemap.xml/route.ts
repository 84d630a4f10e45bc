import { tagEntry } from '@/app/_cache/tagEntry';
import { cacheTags } from '@/lib/content/index/cacheTags';
import { XML_HEADERS } from '@/app/_crawlers/sitemapRoutes';
import { getPublishedArticles } from '@/lib/content/siteContent';
import { newsArticles, renderNewsSitemap } from '@/lib/seo/newsSitemap';

// The two-day window moves with the clock: rebuilt at most hourly as articles age out of it
// (a publication revalidates it at once, by its `sitemap` tag).
export const revalidate = 3600;

export async function GET(): Promise<Response> {
  await tagEntry([cacheTags.sitemap]);
  const body = renderNewsSitemap(newsArticles(await getPublishedArticles(), new Date()));
  return new Response(body, { headers: XML_HEADERS });
}
