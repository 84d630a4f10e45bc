import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = {
  title: 'Page introuvable',
  robots: { index: false },
};

export default function NotFound() {
  return (
    <section className="not-found">
      <h1>Page introuvable</h1>
      <p>Cette page n’existe pas ou n’existe plus. L’adresse est peut-être mal recopiée.</p>
      <p>
        <Link href="/">Revenir à la une</Link>
      </p>
    </section>
  );
}
