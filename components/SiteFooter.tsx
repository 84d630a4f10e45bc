import { SITE_DESCRIPTION, SITE_NAME } from '@/lib/site';

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>
        <strong>{SITE_NAME}</strong> — {SITE_DESCRIPTION}
      </p>
    </footer>
  );
}
