import type { Metadata } from 'next';
import { pageMetadata } from '@/lib/seo/pageMetadata';
import { SEARCH_FORM_PATH } from '@/lib/routes';
import { siteConfig } from '@/lib/siteConfig';

// Result pages are endless variations of the same content: keep them out of indexes.
export const searchMetadata: Metadata = pageMetadata({
  path: SEARCH_FORM_PATH,
  title: 'Recherche',
  description: `Rechercher un article de ${siteConfig.name} par un mot de son titre ou de son texte.`,
  noindex: true,
});
