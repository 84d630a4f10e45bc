import { getPhotoService } from '@/lib/content/siteContent';
import { photoAddress, photoVariantPath, PHOTO_WIDTHS, widthsFor } from '@/lib/images/photoUrls';

export const dynamic = 'force-dynamic';

/**
 * `/images/<path>`, the address editors write: pages never link to it (they
 * link to hashed variants), but a feed item or a page saved before the photo
 * moved may. It leads to the current photo's largest variant; the file as
 * uploaded is never sent.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }): Promise<Response> {
  // Next hands the parts over decoded once.
  const src = photoAddress((await params).path);
  const photo = getPhotoService().current(src);
  if (!photo) return new Response('Photo introuvable', { status: 404, headers: { 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8' } });
  const width = widthsFor(photo).at(-1) ?? PHOTO_WIDTHS[0];
  return new Response(null, { status: 307, headers: { Location: photoVariantPath(photo, { width, format: 'auto' }), 'Cache-Control': 'public, max-age=60' } });
}

export { OPTIONS } from '@/app/_photos/readOnly';
