import { draftMode } from 'next/headers';
import { redirect } from 'next/navigation';
import { getArticleForPreview } from '@/lib/content/siteContent';
import { articlePath } from '@/lib/routes';
import { secretMatches } from '@/lib/secrets';

/**
 * `/api/draft?secret=…&slug=…` turns on Next's Draft Mode (a cookie) and opens
 * the article, draft or scheduled. The secret is `DRAFT_SECRET`; without it
 * configured, previews are off.
 */
export async function GET(request: Request): Promise<Response> {
  const parameters = new URL(request.url).searchParams;
  if (!secretMatches(parameters.get('secret'), process.env.DRAFT_SECRET)) {
    return new Response('Secret d’aperçu manquant ou invalide.', { status: 401 });
  }
  const slug = parameters.get('slug') ?? '';
  const article = await getArticleForPreview(slug);
  if (!article) return new Response(`Aucun article « ${slug} ».`, { status: 404 });
  (await draftMode()).enable();
  redirect(articlePath(article.slug));
}
