import type { Metadata } from 'next';
import Link from 'next/link';
import { homePath } from '@/lib/routes';
import { pageMetadata } from '@/lib/seo/pageMetadata';

const base = pageMetadata({
  path: '/',
  title: 'Page introuvable',
  description: 'Cette page n’existe pas ou n’existe plus.',
  noindex: true,
});

// A missing page has no address of its own to name as canonical.
export const metadata: Metadata = { ...base, alternates: { ...base.alternates, canonical: null }, openGraph: null };

export default function NotFound() {
  return (
    <section className="not-found">
      <h1>Page introuvable</h1>
      <p>Cette page n’existe pas ou n’existe plus. L’adresse est peut-être mal recopiée.</p>
      <p>
        <Link href={homePath()}>Revenir à la une</Link>
      </p>
    </section>
  );
}
