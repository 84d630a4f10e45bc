import Link from 'next/link';
import type { DossierPlace } from '@/lib/content/index/dossierParts';
import { articlePath, dossierPath } from '@/lib/routes';

/** « Dossier : <titre> — partie 2 sur 4 », under the article's title. */
export function DossierPart({ place }: { place: DossierPlace }) {
  return (
    <p className="dossier-part">
      Dossier&#8239;: <Link href={dossierPath(place.dossier.slug)}>{place.dossier.title}</Link>
      {place.part !== undefined && ` — partie ${place.part} sur ${place.count}`}
    </p>
  );
}

/** The parts before and after this one, at the end of the article. */
export function DossierNav({ place }: { place: DossierPlace }) {
  const { previous, next, dossier } = place;
  return (
    <nav className="dossier-nav" aria-label={`Dossier : ${dossier.title}`}>
      <p>
        <Link href={dossierPath(dossier.slug)}>Tout le dossier « {dossier.title} »</Link>
        {place.part !== undefined && ` (${place.count} parties)`}
      </p>
      <ul>
        {previous && (
          <li className="dossier-previous">
            <span>Partie précédente</span> <Link href={articlePath(previous.slug)}>{previous.title}</Link>
          </li>
        )}
        {next && (
          <li className="dossier-next">
            <span>Partie suivante</span> <Link href={articlePath(next.slug)}>{next.title}</Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
