import Link from 'next/link';
import { homePath, SEARCH_FORM_PATH } from '@/lib/routes';
import { siteConfig } from '@/lib/siteConfig';

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>
        <strong>{siteConfig.name}</strong> — {siteConfig.description}
      </p>
      <nav aria-label="Pied de page">
        <ul>
          <li>
            <Link href={homePath()}>À la une</Link>
          </li>
          <li>
            <Link href={SEARCH_FORM_PATH}>Recherche</Link>
          </li>
        </ul>
      </nav>
    </footer>
  );
}
