import Link from 'next/link';
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
            <Link href="/">À la une</Link>
          </li>
          <li>
            <Link href="/recherche">Recherche</Link>
          </li>
        </ul>
      </nav>
    </footer>
  );
}
