import type { Article, Author, Dossier } from '../content/article';
import { lastChange, mostRecentlyChanged } from '../content/index/publication';
import { dossiersWithParts } from '../content/index/dossierParts';
import { groupByAuthor, groupBySection, groupByTag } from '../content/index/taxonomy';
import { articlePath, authorPath, dossierPath, homePath, sectionPath, tagPath } from '../routes';
import { absoluteUrl } from '../siteConfig';
import { element } from './xml';

// Sitemaps are written here rather than with the `sitemap` package: it rewrites
// every lastmod to UTC, and the site promises the editor's offset everywhere.

/** The protocol's limits for one sitemap file (sitemaps.org). */
export const SITEMAP_LIMITS = { urls: 50_000, bytes: 50 * 1024 * 1024 } as const;

export interface SitemapEntry {
  loc: string;
  /** W3C datetime with offset, as the front matter gave it. */
  lastmod?: string;
}

/** The newest change among some articles, as written. */
function newestChange(articles: readonly Article[]): string | undefined {
  const newest = mostRecentlyChanged(articles);
  return newest && lastChange(newest).iso;
}

/** Every page worth indexing: front page, articles, sections, tags, authors, dossiers. Pagination pages are left to links. */
export function sitemapEntries(articles: readonly Article[], authors: Iterable<Author>, dossiers: ReadonlyMap<string, Dossier> = new Map()): SitemapEntry[] {
  const entries: SitemapEntry[] = [{ loc: absoluteUrl(homePath()), lastmod: newestChange(articles) }];
  for (const article of articles) entries.push({ loc: absoluteUrl(articlePath(article.slug)), lastmod: lastChange(article).iso });
  for (const section of groupBySection(articles).values()) {
    entries.push({ loc: absoluteUrl(sectionPath(section.name)), lastmod: newestChange(section.articles) });
  }
  for (const tag of groupByTag(articles).values()) {
    entries.push({ loc: absoluteUrl(tagPath(tag.name)), lastmod: newestChange(tag.articles) });
  }
  for (const author of authors) {
    const own = groupByAuthor(articles).get(author.slug) ?? [];
    // An author page with nothing on it is thin content: leave it out until they sign.
    if (own.length > 0) entries.push({ loc: absoluteUrl(authorPath(author.slug)), lastmod: newestChange(own) });
  }
  for (const [slug, { parts }] of dossiersWithParts(dossiers, articles)) entries.push({ loc: absoluteUrl(dossierPath(slug)), lastmod: newestChange(parts) });
  return entries;
}

const URLSET_OPEN = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n';
const URLSET_CLOSE = '</urlset>\n';

function renderEntry({ loc, lastmod }: SitemapEntry): string {
  return `<url>${element('loc', loc)}${lastmod ? element('lastmod', lastmod) : ''}</url>\n`;
}

export function renderUrlset(entries: readonly SitemapEntry[]): string {
  return URLSET_OPEN + entries.map(renderEntry).join('') + URLSET_CLOSE;
}

export function renderSitemapIndex(sitemaps: readonly SitemapEntry[]): string {
  const body = sitemaps.map(({ loc, lastmod }) => `<sitemap>${element('loc', loc)}${lastmod ? element('lastmod', lastmod) : ''}</sitemap>\n`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}</sitemapindex>\n`;
}

/** Cuts the entries into files that each stay within both the URL and the byte limit. */
export function splitSitemap(entries: readonly SitemapEntry[], limits: { urls: number; bytes: number } = SITEMAP_LIMITS): SitemapEntry[][] {
  const envelope = Buffer.byteLength(URLSET_OPEN + URLSET_CLOSE);
  const files: SitemapEntry[][] = [];
  let current: SitemapEntry[] = [];
  let bytes = envelope;
  for (const entry of entries) {
    const size = Buffer.byteLength(renderEntry(entry));
    if (current.length > 0 && (current.length >= limits.urls || bytes + size > limits.bytes)) {
      files.push(current);
      current = [];
      bytes = envelope;
    }
    current.push(entry);
    bytes += size;
  }
  if (current.length > 0 || files.length === 0) files.push(current);
  return files;
}

/** The lastmod of a sitemap file in an index: the newest of its entries. */
export function newestLastmod(entries: readonly SitemapEntry[]): string | undefined {
  let newest: SitemapEntry | undefined;
  for (const entry of entries) {
    if (entry.lastmod && (!newest?.lastmod || Date.parse(entry.lastmod) > Date.parse(newest.lastmod))) newest = entry;
  }
  return newest?.lastmod;
}
