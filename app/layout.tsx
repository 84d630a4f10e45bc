import { tagEntry } from '@/app/_cache/tagEntry';
import { cacheTags } from '@/lib/content/index/cacheTags';
import { groupBySection, sortTermsBySize } from '@/lib/content/index/taxonomy';
import { getPublishedArticles } from '@/lib/content/siteContent';
import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/SiteFooter';
import { SiteHeader } from '@/components/SiteHeader';
import { pageMetadata } from '@/lib/seo/pageMetadata';
import { cspModeFrom } from '@/lib/securityHeaders';
import { siteConfig } from '@/lib/siteConfig';
import './globals.css';

// The defaults every page starts from; pages give their own canonical, feeds and share card.
export const metadata: Metadata = {
  ...pageMetadata({ path: '/', title: siteConfig.name, description: siteConfig.description }),
  metadataBase: siteConfig.url,
  title: { default: `${siteConfig.name} — ${siteConfig.description}`, template: `%s — ${siteConfig.name}` },
  applicationName: siteConfig.name,
  publisher: siteConfig.publisher.name,
  formatDetection: { telephone: false, email: false, address: false },
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fbfaf7' },
    { media: '(prefers-color-scheme: dark)', color: '#15171a' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Nonce mode (lib/securityHeaders.ts): each page renders per request to carry the nonce Next reads from the request's CSP.
  if (cspModeFrom(process.env.KIOSQUE_CSP) === 'nonce') await connection();
  // Every page shows the sections in its header.
  await tagEntry([cacheTags.sections]);
  const sections = sortTermsBySize(groupBySection(await getPublishedArticles()).values());
  return (
    <html lang="fr">
      <body>
        <a className="skip-link" href="#contenu">
          Aller au contenu
        </a>
        <SiteHeader sections={sections} />
        <main id="contenu" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
