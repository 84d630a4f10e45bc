import Link from 'next/link';
import { homePath, sectionPath } from '@/lib/routes';
import { siteConfig } from '@/lib/siteConfig';
import { SearchForm } from './SearchForm';

/** Site name, the sections (the layout gives them, largest first) and the search form. */
export function SiteHeader({ sections }: { sections: readonly { name: string; slug: string }[] }) {
  return (
    <header className="site-header">
      <div className="site-header-top">
        <Link href={homePath()} className="site-name">
          {siteConfig.name}
        </Link>
        <SearchForm id="header-search" label="Rechercher sur le site" />
      </div>
      {sections.length > 0 && (
        <nav className="sections" aria-label="Rubriques">
          <ul>
            {sections.map((section) => (
              <li key={section.slug}>
                <Link href={sectionPath(section.name)}>{section.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}
