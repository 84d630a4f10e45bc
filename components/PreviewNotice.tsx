import type { Article } from '@/lib/content/article';
import { formatDateTimeFr } from '@/lib/dates/formatDate';
import { PREVIEW_PATHS } from '@/lib/routes';

/** Tells an editor previewing an article that readers cannot see it yet, and why. */
export function PreviewNotice({ article }: { article: Article }) {
  return (
    <p className="preview-notice" role="status">
      {article.draft
        ? 'Aperçu : brouillon non publié, invisible pour les lecteurs.'
        : `Aperçu : publication programmée le ${formatDateTimeFr(article.publishedAt.date)}, invisible pour les lecteurs d’ici là.`}{' '}
      <a href={PREVIEW_PATHS.leave}>Quitter l’aperçu</a>
    </p>
  );
}
