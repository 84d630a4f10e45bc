import { cookies, draftMode } from 'next/headers';
import { getArticleForPreview } from '@/lib/content/siteContent';
import { issuePreviewToken, PREVIEW_COOKIE, PREVIEW_LIFETIME_SECONDS } from '@/lib/preview/previewToken';
import { articlePath } from '@/lib/routes';
import { readBoundedText } from '@/lib/requestBody';
import { secretMatches } from '@/lib/secrets';

/** More than a slug and a secret ever take. */
const MAX_FORM_BYTES = 4096;

const text = (body: string, status: number, headers: Record<string, string> = {}) =>
  new Response(`${body}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers } });

async function readForm(request: Request): Promise<URLSearchParams | undefined> {
  if (!(request.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) return undefined;
  const body = await readBoundedText(request, MAX_FORM_BYTES);
  return body === undefined ? undefined : new URLSearchParams(body);
}

/**
 * The form at /apercu posts here a slug and `DRAFT_SECRET`: in a request
 * body, never in an address, so no log, history or Referer holds the secret.
 * It opens Next's Draft Mode (which renders pages per request) and a preview
 * token signed with the secret (lib/preview/previewToken.ts), which the article
 * page checks: changing the secret closes every open preview.
 */
export async function POST(request: Request): Promise<Response> {
  const form = await readForm(request);
  if (!form) return text('Envoyez le formulaire de /apercu (application/x-www-form-urlencoded, 4 Ko au plus).', 400);
  const secret = process.env.DRAFT_SECRET;
  if (!secret || !secretMatches(form.get('secret'), secret)) return text('Secret d’aperçu manquant ou invalide.', 401);
  const slug = (form.get('slug') ?? '').trim();
  const article = await getArticleForPreview(slug);
  if (!article) return text(`Aucun article « ${slug} ».`, 404);
  (await draftMode()).enable();
  (await cookies()).set(PREVIEW_COOKIE, issuePreviewToken(secret, new Date()), {
    httpOnly: true,
    secure: process.env.NODE_ENV === 'production',
    sameSite: 'lax',
    path: '/',
    maxAge: PREVIEW_LIFETIME_SECONDS,
  });
  // 303: the browser follows with a GET (a 307 would post the form again to the page).
  return new Response(null, { status: 303, headers: { Location: articlePath(article.slug) } });
}

/** The secret once travelled in this address's query string: no longer taken, and never looked at. */
export function GET(): Response {
  return text('Les aperçus s’ouvrent depuis le formulaire de /apercu (POST).', 405, { Allow: 'POST' });
}
