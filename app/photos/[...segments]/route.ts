import { getPhotoService } from '@/lib/content/siteContent';
import { parsePhotoRequest, photoVariantPath } from '@/lib/images/photoUrls';

// Each answer depends on the file now and on the browser's Accept header; the photo cache keeps the work.
export const dynamic = 'force-dynamic';

/** The URL names the file's hash: its bytes never change, so browsers, nginx and CDNs may keep it for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** `/photos/<hash>/w<width>[-jpeg]/<path>`: a photo of the content folder, re-encoded at one of the site's widths. */
export async function GET(request: Request, { params }: { params: Promise<{ segments: string[] }> }): Promise<Response> {
  const wanted = parsePhotoRequest((await params).segments);
  if (!wanted) return notFound();
  let answer;
  try {
    answer = await getPhotoService().variant(wanted.src, wanted.hash, wanted.variant, request.headers.get('accept'));
  } catch (error) {
    console.error(`[kiosque] photo ${wanted.src} impossible à préparer :`, error instanceof Error ? error.message : error);
    return notFound();
  }
  switch (answer.kind) {
    case 'missing':
      return notFound();
    case 'replaced':
      // A page cached before the photo was replaced still gets a picture: the current one, under its own URL.
      return new Response(null, { status: 307, headers: { Location: photoVariantPath(answer.photo, wanted.variant), 'Cache-Control': 'no-store' } });
    case 'image':
      return new Response(new Uint8Array(answer.image.bytes), {
        headers: {
          'Content-Type': answer.image.contentType,
          'Content-Length': String(answer.image.bytes.length),
          'Cache-Control': IMMUTABLE,
          ...(answer.varyAccept ? { Vary: 'Accept' } : {}),
        },
      });
  }
}

function notFound(): Response {
  return new Response('Photo introuvable', { status: 404, headers: { 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8' } });
}

export { OPTIONS } from '@/app/_photos/readOnly';
