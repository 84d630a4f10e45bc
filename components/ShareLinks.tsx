import { buildShareLinks } from '@/lib/shareLinks';

/** Plain links to each network's share page: no script, no tracker, works with JavaScript off. */
export function ShareLinks({ url, title }: { url: string; title: string }) {
  return (
    <section className="share" aria-labelledby="partager">
      <h2 id="partager">Partager</h2>
      <ul>
        {buildShareLinks(url, title).map((link) => (
          <li key={link.network}>
            <a href={link.href} rel="noopener noreferrer" target={link.network === 'E-mail' ? undefined : '_blank'}>
              {link.network}
              {link.network !== 'E-mail' && <span className="visually-hidden"> (nouvelle fenêtre)</span>}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
