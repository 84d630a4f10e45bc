import { articleShareCard } from '@/app/_crawlers/shareCard';
import { getPublishedArticle, getPublishedArticles } from '@/lib/content/siteContent';
import { PRERENDER_LIMITS } from '@/lib/pagination';

// Drawn at build for every article (or on first request for a newer one), then cached.
export const dynamic = 'force-static';
// Images are costly to draw: refreshed every 5 min, or at once by /api/revalidate.
export const revalidate = 300;

export async function generateStaticParams() {
  return (await getPublishedArticles()).slice(0, PRERENDER_LIMITS.articleImages).map((article) => ({ file: `${article.slug}.png` }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const slug = /^(.+)\.png$/.exec((await params).file)?.[1];
  const article = slug === undefined ? undefined : await getPublishedArticle(slug);
  return article ? articleShareCard(article) : new Response('Image introuvable', { status: 404 });
}
