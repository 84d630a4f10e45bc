import Link from 'next/link';
import { SITE_NAME } from '@/lib/site';

export function SiteHeader() {
  return (
    <header className="site-header">
      <Link href="/" className="site-name">
        {SITE_NAME}
      </Link>
    </header>
  );
}
