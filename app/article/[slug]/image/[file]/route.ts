import { getPhotoService, getPublishedArticle } from '@/lib/content/siteContent';
import { articleImagePath, splitVersionedFile } from '@/lib/routes';
import { cropVersion } from '@/lib/seo/imageVersions';
import { IMAGE_RATIOS } from '@/lib/seo/jsonLd';
import { isImageRatio } from '@/lib/seo/imageCrops';

// Cut from the photo of the content folder as it is now; the photo cache keeps the work.
export const dynamic = 'force-dynamic';

/**
 * `/article/<slug>/image/16x9.<version>.jpg`, the crops structured data offers
 * search engines. The version names the photo and its focus point: a URL
 * keeps its bytes for ever, and an old one leads to the current crop.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; file: string }> }): Promise<Response> {
  const { slug, file } = await params;
  const wanted = splitVersionedFile(file, 'jpg');
  const article = await getPublishedArticle(slug);
  if (!article || !wanted || !isImageRatio(wanted.name)) return notFound();
  const version = cropVersion(article.image);
  if (wanted.version !== version) {
    return new Response(null, { status: 307, headers: { Location: articleImagePath(slug, wanted.name, version), 'Cache-Control': 'no-store' } });
  }
  const photos = getPhotoService();
  const photo = photos.current(article.image.src);
  if (photo?.hash !== article.image.hash) return notFound();
  const crop = await photos.crop(photo, IMAGE_RATIOS[wanted.name], article.image.focus).catch(() => undefined);
  if (!crop) return notFound();
  return new Response(new Uint8Array(crop.bytes), {
    headers: { 'Content-Type': crop.contentType, 'Content-Length': String(crop.bytes.length), 'Cache-Control': 'public, max-age=31536000, immutable' },
  });
}

function notFound(): Response {
  return new Response('Image introuvable', { status: 404, headers: { 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8' } });
}

export { OPTIONS } from '@/app/_photos/readOnly';
