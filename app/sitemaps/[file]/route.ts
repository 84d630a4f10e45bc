import { tagEntry } from '@/app/_cache/tagEntry';
import { cacheTags } from '@/lib/content/index/cacheTags';
import { sitemapFiles, XML_HEADERS } from '@/app/_crawlers/sitemapRoutes';
import { sitemapFileIndex, sitemapFilePath } from '@/lib/routes';
import { renderUrlset } from '@/lib/seo/sitemap';

export const dynamic = 'force-static';
// A safety net only: a change in the content folder revalidates exactly the pages it
// touches within seconds (instrumentation.ts, lib/content/index/invalidation.ts); nothing else
// regenerates a page before a day has passed.
export const revalidate = 86400;

/** Only exist when /sitemap.xml is an index, i.e. past 50,000 URLs or 50 MB. */
export async function generateStaticParams() {
  const files = await sitemapFiles();
  return files.length > 1 ? files.map((_, index) => ({ file: sitemapFilePath(index).split('/').pop() })) : [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  await tagEntry([cacheTags.sitemap]);
  const files = await sitemapFiles();
  const index = sitemapFileIndex((await params).file);
  const entries = files.length > 1 && index !== undefined ? files[index] : undefined;
  return entries ? new Response(renderUrlset(entries), { headers: XML_HEADERS }) : new Response('Introuvable', { status: 404 });
}
