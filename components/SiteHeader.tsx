import Link from 'next/link';
import { getPublishedArticles } from '@/lib/content/siteContent';
import { groupBySection, sortTermsBySize } from '@/lib/content/index/taxonomy';
import { homePath, sectionPath } from '@/lib/routes';
import { siteConfig } from '@/lib/siteConfig';
import { SearchForm } from './SearchForm';

/** Site name, the sections (largest first) and the search form. */
export async function SiteHeader() {
  const sections = sortTermsBySize(groupBySection(await getPublishedArticles()).values());
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
