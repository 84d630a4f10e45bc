import { articleShareCard } from '@/app/_crawlers/shareCard';
import { getPhotoService, getPublishedArticle } from '@/lib/content/siteContent';
import { shareImagePath, splitVersionedFile } from '@/lib/routes';
import { shareCardVersion } from '@/lib/seo/imageVersions';

// Drawn on first request from the article as it is now, then kept by the photo cache under its version.
export const dynamic = 'force-dynamic';

/**
 * `/og/article/<slug>.<version>.png`: the version changes with everything the
 * card draws, so social networks fetch a new card after a correction or a new
 * photo, and each URL keeps its bytes for ever; an old one leads to the current card.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const wanted = splitVersionedFile((await params).file, 'png');
  const article = wanted && (await getPublishedArticle(wanted.name));
  if (!article) return new Response('Image introuvable', { status: 404, headers: { 'Cache-Control': 'no-store' } });
  const version = shareCardVersion(article);
  if (wanted.version !== version) {
    return new Response(null, { status: 307, headers: { Location: shareImagePath({ slug: article.slug, version }), 'Cache-Control': 'no-store' } });
  }
  const card = await getPhotoService().derived(`share-card:${version}`, async () => ({
    bytes: Buffer.from(await (await articleShareCard(article)).arrayBuffer()),
    contentType: 'image/png',
  }));
  return new Response(new Uint8Array(card.bytes), {
    headers: { 'Content-Type': card.contentType, 'Content-Length': String(card.bytes.length), 'Cache-Control': 'public, max-age=31536000, immutable' },
  });
}

export { OPTIONS } from '@/app/_photos/readOnly';
