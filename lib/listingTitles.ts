import { siteConfig } from './siteConfig';

/** A listing's name and summary, as its page, its feeds and the links to those feeds all say them. */
export interface ListingWording {
  title: string;
  description: string;
}

/** Each kind of listing's wording, written once. */
export const listingWording = {
  section: (name: string): ListingWording => ({ title: name, description: `Les articles de la rubrique ${name}.` }),
  tag: (name: string): ListingWording => ({ title: name, description: `Les articles sur ${name}.` }),
  author: (author: { name: string; bio: string }): ListingWording => ({ title: author.name, description: author.bio }),
  dossier: (dossier: { title: string; description: string }): ListingWording => ({
    title: `Dossier\u202f: ${dossier.title}`,
    description: dossier.description,
  }),
} as const;

/** A feed's title: the site's name, then the listing's (« Kiosque — Actualité »); the site's whole feed is the name alone. */
export function feedTitle(listing?: ListingWording): string {
  return listing === undefined ? siteConfig.name : `${siteConfig.name} — ${listing.title}`;
}
