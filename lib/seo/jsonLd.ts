import type {
  BreadcrumbList,
  Graph,
  BlogPosting,
  ImageObject,
  LiveBlogPosting,
  NewsArticle,
  NewsMediaOrganization,
  Person,
  SearchAction,
  WebSite,
  WithActionConstraints,
} from 'schema-dts';
import type { Article, Dossier } from '../content/article';
import { lastChange } from '../content/index/publication';
import { articleImagePath, articlePath, authorPath, dossierPath, searchPath, sectionPath, type ImageRatio } from '../routes';
import { absoluteUrl, siteConfig } from '../siteConfig';
import { cropVersion } from './imageVersions';

/** Google truncates longer headlines in rich results. */
export const MAX_HEADLINE_LENGTH = 110;

/** The crops offered for each article, each at least 1200 px wide as Google asks. */
export const IMAGE_RATIOS: Readonly<Record<ImageRatio, { width: number; height: number }>> = {
  '16x9': { width: 1200, height: 675 },
  '4x3': { width: 1200, height: 900 },
  '1x1': { width: 1200, height: 1200 },
};

export const IMAGE_RATIO_NAMES: readonly ImageRatio[] = ['16x9', '4x3', '1x1'];

const organizationId = absoluteUrl('/#organisation');

/** The newsroom, as every page's structured data names it. */
export function publisherJsonLd(): NewsMediaOrganization {
  const { logo } = siteConfig.publisher;
  return {
    '@type': 'NewsMediaOrganization',
    '@id': organizationId,
    name: siteConfig.publisher.name,
    url: absoluteUrl('/'),
    logo: { '@type': 'ImageObject', url: absoluteUrl(logo.src), width: `${logo.width}`, height: `${logo.height}` },
  };
}

/** Cuts at a word boundary and marks the cut, so a long title stays a sentence. */
export function headlineOf(title: string): string {
  if (title.length <= MAX_HEADLINE_LENGTH) return title;
  const room = MAX_HEADLINE_LENGTH - 1; // one character for the ellipsis
  // When the character just past the room is a space, the room ends on a whole word.
  const end = /\s/.test(title.charAt(room)) ? room : title.slice(0, room).search(/\s\S*$/);
  return `${title.slice(0, end > 0 ? end : room).trimEnd()}…`;
}

function heroImages(article: Article): ImageObject[] {
  const version = cropVersion(article.image);
  return IMAGE_RATIO_NAMES.map((ratio) => ({ ratio, size: IMAGE_RATIOS[ratio] })).map(({ ratio, size }) => ({
    '@type': 'ImageObject',
    url: absoluteUrl(articleImagePath(article.slug, ratio, version)),
    width: `${size.width}`,
    height: `${size.height}`,
    caption: article.image.caption ?? article.image.alt,
    creditText: article.image.credit,
    copyrightNotice: article.image.credit,
  }));
}

function authorsJsonLd(article: Article): Person[] {
  return article.authors.map((author) => ({ '@type': 'Person', name: author.name, url: absoluteUrl(authorPath(author.slug)) }));
}

/**
 * `NewsArticle` (`LiveBlogPosting` for live coverage, an article too, with
 * its span and one update per entry) and its `BreadcrumbList`, for the
 * article page.
 */
export function articleJsonLd(article: Article, dossier?: Pick<Dossier, 'slug' | 'title' | 'description'>): Graph {
  const url = absoluteUrl(articlePath(article.slug));
  const fields = {
    ...articleFields(article, url),
    // The dossier it is a part of, as a series (what the dossier's page is about).
    ...(dossier
      ? {
          isPartOf: {
            '@type': 'CreativeWorkSeries' as const,
            '@id': `${absoluteUrl(dossierPath(dossier.slug))}#dossier`,
            name: dossier.title,
            description: dossier.description,
            url: absoluteUrl(dossierPath(dossier.slug)),
          },
        }
      : {}),
  };
  const main: NewsArticle | LiveBlogPosting = article.live
    ? {
        '@type': 'LiveBlogPosting',
        ...fields,
        coverageStartTime: article.publishedAt.iso,
        ...(article.live.until ? { coverageEndTime: article.live.until.iso } : {}),
        liveBlogUpdate: article.live.entries.map((entry): BlogPosting => ({
          '@type': 'BlogPosting',
          headline: headlineOf(entry.title),
          datePublished: entry.date.iso,
          url: `${url}#${entry.id}`,
        })),
      }
    : { '@type': 'NewsArticle', ...fields };
  const breadcrumb: BreadcrumbList = {
    '@type': 'BreadcrumbList',
    itemListElement: [
      { '@type': 'ListItem', position: 1, name: 'Accueil', item: absoluteUrl('/') },
      { '@type': 'ListItem', position: 2, name: article.category, item: absoluteUrl(sectionPath(article.category)) },
      { '@type': 'ListItem', position: 3, name: article.title, item: url },
    ],
  };
  return { '@context': 'https://schema.org', '@graph': [main, breadcrumb] };
}

/** What every article's node says, whatever its type (checked where it is spread into one). */
function articleFields(article: Article, url: string) {
  return {
    '@id': `${url}#article`,
    headline: headlineOf(article.title),
    description: article.description,
    image: heroImages(article),
    datePublished: article.publishedAt.iso,
    dateModified: lastChange(article).iso,
    author: authorsJsonLd(article),
    // schema.org's CorrectionComment, one per public correction, newest first as on the page.
    ...(article.corrections.length > 0
      ? {
          correction: article.corrections.map((correction) => ({
            '@type': 'CorrectionComment' as const,
            text: correction.text,
            datePublished: correction.date.iso,
          })),
        }
      : {}),
    publisher: publisherJsonLd(),
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    articleSection: article.category,
    keywords: article.tags,
    inLanguage: siteConfig.language,
    wordCount: article.wordCount,
    isAccessibleForFree: true,
  };
}

/** `WebSite` with its search box, and the organisation, for the front page. */
export function siteJsonLd(): Graph {
  const searchTemplate = absoluteUrl(searchPath('{search_term_string}')).replace('%7Bsearch_term_string%7D', '{search_term_string}');
  const search: WithActionConstraints<SearchAction> = {
    '@type': 'SearchAction',
    target: { '@type': 'EntryPoint', urlTemplate: searchTemplate },
    'query-input': 'required name=search_term_string',
  };
  const website: WebSite = {
    '@type': 'WebSite',
    '@id': absoluteUrl('/#site'),
    name: siteConfig.name,
    description: siteConfig.description,
    url: absoluteUrl('/'),
    inLanguage: siteConfig.language,
    publisher: { '@id': organizationId },
    potentialAction: search,
  };
  return { '@context': 'https://schema.org', '@graph': [website, publisherJsonLd()] };
}

/**
 * JSON for a `<script type="application/ld+json">`: every `<` is escaped, so a
 * title or quote holding `</script>` or `<!--` cannot end the script early.
 */
export function serializeJsonLd(data: Graph): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
