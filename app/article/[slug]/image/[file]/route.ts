import { resolveInside, resolvePublicDir } from '@/lib/content/publicImages';
import { getPublishedArticle, getPublishedArticles } from '@/lib/content/siteContent';
import { PRERENDER_LIMITS } from '@/lib/pagination';
import { IMAGE_RATIOS } from '@/lib/seo/jsonLd';
import { isImageRatio, renderImageCrop } from '@/lib/seo/imageCrops';

// Rendered once at build (or on first request for a newer article), then served from cache.
export const dynamic = 'force-static';
// Images are costly to draw: refreshed every 5 min, or at once by /api/revalidate.
export const revalidate = 300;

export async function generateStaticParams() {
  const articles = await getPublishedArticles();
  return articles.slice(0, PRERENDER_LIMITS.articleImages).flatMap((article) => Object.keys(IMAGE_RATIOS).map((ratio) => ({ slug: article.slug, file: `${ratio}.jpg` })));
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; file: string }> }): Promise<Response> {
  const { slug, file } = await params;
  const ratio = /^(.+)\.jpg$/.exec(file)?.[1] ?? '';
  const article = await getPublishedArticle(slug);
  const source = article && resolveInside(resolvePublicDir(), article.image.src);
  if (!source || !isImageRatio(ratio)) return new Response('Image introuvable', { status: 404 });
  const jpeg = await renderImageCrop(source, ratio);
  return new Response(new Uint8Array(jpeg), {
    headers: { 'Content-Type': 'image/jpeg', 'Cache-Control': 'public, max-age=86400, stale-while-revalidate=604800' },
  });
}
