import { tagEntry } from '@/app/_cache/tagEntry';
import { cacheTags } from '@/lib/content/index/cacheTags';
import { getPublishedArticles, getSiteContent } from '@/lib/content/siteContent';
import { newestLastmod, renderSitemapIndex, renderUrlset, sitemapEntries, splitSitemap, type SitemapEntry } from '@/lib/seo/sitemap';
import { sitemapFilePath } from '@/lib/routes';
import { absoluteUrl } from '@/lib/siteConfig';

export const XML_HEADERS = { 'Content-Type': 'application/xml; charset=utf-8' };

/** The sitemap cut into files within the protocol's limits; one file on any ordinary day. */
export async function sitemapFiles(): Promise<SitemapEntry[][]> {
  const [{ authors, dossiers }, articles] = await Promise.all([getSiteContent(), getPublishedArticles()]);
  return splitSitemap(sitemapEntries(articles, authors.values(), dossiers));
}

/** `/sitemap.xml`: the URLs themselves, or an index of the files once there are too many for one. */
export async function sitemapResponse(): Promise<Response> {
  await tagEntry([cacheTags.sitemap]);
  const files = await sitemapFiles();
  const [only] = files;
  const body =
    files.length === 1 && only
      ? renderUrlset(only)
      : renderSitemapIndex(files.map((entries, index) => ({ loc: absoluteUrl(sitemapFilePath(index)), lastmod: newestLastmod(entries) })));
  return new Response(body, { headers: XML_HEADERS });
}
