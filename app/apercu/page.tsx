import type { Metadata } from 'next';
import { PREVIEW_PATHS } from '@/lib/routes';
import { pageMetadata } from '@/lib/seo/pageMetadata';

export const metadata: Metadata = pageMetadata({
  path: PREVIEW_PATHS.form,
  title: 'Aperçu d’un article',
  description: 'Réservé à la rédaction : voir un brouillon ou un article programmé avant sa publication.',
  noindex: true,
});

/**
 * Where editors open a preview: the secret goes in the body of a POST to
 * /api/draft, never in an address (app/api/draft/route.ts).
 */
export default function PreviewFormPage() {
  return (
    <section className="preview-form">
      <h1>Aperçu d’un article</h1>
      <p>Réservé à la rédaction : un brouillon ou un article programmé, tel que les lecteurs le verront.</p>
      <form method="post" action={PREVIEW_PATHS.open}>
        <label htmlFor="apercu-article">Article (nom du fichier, sans « .md »)</label>
        <input id="apercu-article" name="slug" required autoComplete="off" spellCheck={false} />
        <label htmlFor="apercu-secret">Secret d’aperçu</label>
        <input id="apercu-secret" name="secret" type="password" required autoComplete="current-password" />
        <button type="submit">Ouvrir l’aperçu</button>
      </form>
    </section>
  );
}
