import { describe, expect, it } from 'vitest';
import type { Article } from '../content/article';
import { buildArticle } from '../content/testing/buildArticle';
import { cropVersion } from './imageVersions';
import { absoluteUrl } from '../siteConfig';
import { articleJsonLd, headlineOf, MAX_HEADLINE_LENGTH, serializeJsonLd, siteJsonLd } from './jsonLd';

interface Node {
  '@type': string;
  [key: string]: unknown;
}

interface ImageNode {
  url: string;
  width: string;
  height: string;
  creditText: string;
  copyrightNotice: string;
}

/** The graph as plain data, the way a crawler reads it. */
function nodesOf(graph: ReturnType<typeof articleJsonLd>): Node[] {
  return (JSON.parse(JSON.stringify(graph)) as { '@graph': Node[] })['@graph'];
}

function nodeOfType(nodes: Node[], type: string): Node {
  const node = nodes.find((candidate) => candidate['@type'] === type);
  if (!node) throw new Error(`no ${type} in the graph`);
  return node;
}

const article: Article = buildArticle({
  slug: 'meta-ia',
  category: 'Tech',
  tags: ['IA', 'Meta'],
  publishedAt: { date: new Date('2024-02-06T15:17:00Z'), iso: '2024-02-06T16:17:00+01:00' },
  updatedAt: { date: new Date('2024-07-14T08:30:00Z'), iso: '2024-07-14T10:30:00+02:00' },
  image: { src: '/images/meta-ia-photos-hero.png', alt: 'Des photos', width: 1600, height: 900, hash: '0123456789abcdef', credit: '© GettyImages' },
});

const newsArticle = nodeOfType(nodesOf(articleJsonLd(article)), 'NewsArticle');

describe('headlineOf', () => {
  it('keeps a title of up to 110 characters as it is', () => {
    const title = 'a'.repeat(MAX_HEADLINE_LENGTH);
    expect(headlineOf(title)).toBe(title);
    expect(headlineOf('Meta et l’IA')).toBe('Meta et l’IA');
  });

  it('cuts a longer title after a whole word and marks the cut', () => {
    const title = Array.from({ length: 30 }, (_, index) => `mot${index}`).join(' ');
    const headline = headlineOf(title);
    expect(headline.length).toBeLessThanOrEqual(MAX_HEADLINE_LENGTH);
    expect(headline.endsWith('…')).toBe(true);
    const kept = headline.slice(0, -1);
    expect(title.startsWith(kept)).toBe(true);
    expect(title[kept.length]).toBe(' ');
    expect(kept.endsWith(' ')).toBe(false);
  });

  it('cuts a title without spaces at the limit', () => {
    const headline = headlineOf('x'.repeat(200));
    expect(headline).toBe(`${'x'.repeat(MAX_HEADLINE_LENGTH - 1)}…`);
  });
});

describe('articleJsonLd', () => {
  it('describes the article and its breadcrumb in one graph', () => {
    const graph = articleJsonLd(article);
    expect(graph['@context']).toBe('https://schema.org');
    expect(nodesOf(graph).map((node) => node['@type'])).toEqual(['NewsArticle', 'BreadcrumbList']);
    expect(newsArticle.url).toBe(absoluteUrl('/article/meta-ia'));
    expect(newsArticle.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': absoluteUrl('/article/meta-ia') });
  });

  it('says which dossier the article is a part of, as a series with its page, and nothing without one', () => {
    const [node] = nodesOf(articleJsonLd(article, { slug: 'ia-et-donnees', title: 'L’IA et nos données', description: 'Une série.' }));
    expect(node?.isPartOf).toStrictEqual({
      '@type': 'CreativeWorkSeries',
      '@id': `${absoluteUrl('/dossier/ia-et-donnees')}#dossier`,
      name: 'L’IA et nos données',
      description: 'Une série.',
      url: absoluteUrl('/dossier/ia-et-donnees'),
    });
    expect(newsArticle).not.toHaveProperty('isPartOf');
  });

  it('offers three absolute crops 1200 px wide, credited, named by the photo’s version', () => {
    const images = newsArticle.image as ImageNode[];
    const version = cropVersion(article.image);
    expect(version).toMatch(/^[0-9a-f]{12}$/);
    expect(images.map((image) => image.url)).toEqual([
      absoluteUrl(`/article/meta-ia/image/16x9.${version}.jpg`),
      absoluteUrl(`/article/meta-ia/image/4x3.${version}.jpg`),
      absoluteUrl(`/article/meta-ia/image/1x1.${version}.jpg`),
    ]);
    expect(images.map((image) => [image.width, image.height])).toEqual([
      ['1200', '675'],
      ['1200', '900'],
      ['1200', '1200'],
    ]);
    for (const image of images) {
      expect(new URL(image.url).origin).toBe(new URL(absoluteUrl('/')).origin);
      expect(image.creditText).toBe('© GettyImages');
      expect(image.copyrightNotice).toBe('© GettyImages');
    }
  });

  it('gives the dates as written, offset kept', () => {
    expect(newsArticle.datePublished).toBe('2024-02-06T16:17:00+01:00');
    expect(newsArticle.dateModified).toBe('2024-07-14T10:30:00+02:00');
  });

  it('uses the publication date as modification date when the article was never updated', () => {
    const [node] = nodesOf(articleJsonLd(buildArticle({ slug: 'jamais-modifie', publishedAt: article.publishedAt })));
    expect(node?.dateModified).toBe('2024-02-06T16:17:00+01:00');
  });

  it('names the author as a Person linking to their page', () => {
    expect(newsArticle.author).toEqual([{ '@type': 'Person', name: 'Sikagz', url: absoluteUrl('/auteur/sikagz') }]);
  });

  it('gives each correction as a CorrectionComment, and the latest as dateModified', () => {
    const corrections = [
      { date: { iso: '2024-07-20T09:00:00+02:00', date: new Date('2024-07-20T07:00:00Z') }, text: 'Le chiffre était faux.' },
      { date: { iso: '2024-07-15T09:00:00+02:00', date: new Date('2024-07-15T07:00:00Z') }, text: 'Une citation mal attribuée.' },
    ];
    const [node] = nodesOf(articleJsonLd({ ...article, corrections }));
    expect(node?.correction).toStrictEqual([
      { '@type': 'CorrectionComment', text: 'Le chiffre était faux.', datePublished: '2024-07-20T09:00:00+02:00' },
      { '@type': 'CorrectionComment', text: 'Une citation mal attribuée.', datePublished: '2024-07-15T09:00:00+02:00' },
    ]);
    expect(node?.dateModified).toBe('2024-07-20T09:00:00+02:00');
    expect(newsArticle).not.toHaveProperty('correction');
  });

  it('names every author, in the byline’s order', () => {
    const lea = { slug: 'lea-martin', name: 'Léa Martin', bio: 'Journaliste.', sourcePath: 'content/authors/lea-martin.md' };
    const [node] = nodesOf(articleJsonLd({ ...article, authors: [...article.authors, lea] }));
    expect(node?.author).toEqual([
      { '@type': 'Person', name: 'Sikagz', url: absoluteUrl('/auteur/sikagz') },
      { '@type': 'Person', name: 'Léa Martin', url: absoluteUrl('/auteur/lea-martin') },
    ]);
  });

  it('names the publisher with its logo, the language, section and keywords', () => {
    expect(newsArticle.publisher).toMatchObject({
      '@type': 'NewsMediaOrganization',
      name: 'kiosque',
      url: absoluteUrl('/'),
      logo: { '@type': 'ImageObject', url: absoluteUrl('/logo.png') },
    });
    expect(newsArticle.inLanguage).toBe('fr-FR');
    expect(newsArticle.articleSection).toBe('Tech');
    expect(newsArticle.keywords).toEqual(['IA', 'Meta']);
  });

  it('shortens a long title in the headline but not in the breadcrumb', () => {
    const title = `${'Un titre beaucoup trop long pour les résultats enrichis '.repeat(3)}fin`;
    const nodes = nodesOf(articleJsonLd(buildArticle({ slug: 'long', title })));
    expect(nodeOfType(nodes, 'NewsArticle').headline).toBe(headlineOf(title));
    expect(headlineOf(title)).not.toBe(title);
    const crumbs = nodeOfType(nodes, 'BreadcrumbList').itemListElement as { name: string }[];
    expect(crumbs.at(-1)?.name).toBe(title);
  });

  it('leads the breadcrumb from the front page through the section to the article', () => {
    const breadcrumb = nodeOfType(nodesOf(articleJsonLd(article)), 'BreadcrumbList');
    expect(breadcrumb.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Accueil', item: absoluteUrl('/') },
      { '@type': 'ListItem', position: 2, name: 'Tech', item: absoluteUrl('/rubrique/tech') },
      { '@type': 'ListItem', position: 3, name: article.title, item: absoluteUrl('/article/meta-ia') },
    ]);
  });
});

describe('siteJsonLd', () => {
  it('offers a search box whose template keeps the placeholder unencoded', () => {
    const website = nodeOfType(nodesOf(siteJsonLd()), 'WebSite');
    const action = website.potentialAction as { target: { urlTemplate: string }; 'query-input': string };
    expect(action.target.urlTemplate).toBe(`${absoluteUrl('/recherche')}?q={search_term_string}`);
    expect(action['query-input']).toBe('required name=search_term_string');
    expect(website.url).toBe(absoluteUrl('/'));
  });
});

describe('serializeJsonLd', () => {
  const hostile = buildArticle({ slug: 'xss', title: 'Titre</script><script>alert(1)</script><!--' });
  const data = articleJsonLd(hostile);
  const json = serializeJsonLd(data);

  it('never lets a title close the script element', () => {
    expect(json).not.toContain('<');
    expect(json.toLowerCase()).not.toContain('</script');
    expect(json).toContain('\\u003c/script>');
  });

  it('stays JSON that reads back to the same data', () => {
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(data)));
  });
});

describe('articleJsonLd of live coverage', () => {
  const entry = (id: string, iso: string, title: string) => ({ id, date: { date: new Date(iso), iso }, title, key: false });
  const live = buildArticle({
    slug: 'direct',
    publishedAt: { date: new Date('2024-02-06T15:17:00Z'), iso: '2024-02-06T16:17:00+01:00' },
    live: {
      until: { date: new Date('2024-02-07T19:00:00Z'), iso: '2024-02-07T20:00:00+01:00' },
      entries: [
        entry('direct-2024-02-07-0910', '2024-02-07T09:10:00+01:00', 'La Bourse salue'),
        entry('direct-2024-02-06-1630', '2024-02-06T16:30:00+01:00', 'Les résultats'),
      ],
    },
  });
  const nodes = nodesOf(articleJsonLd(live));

  it('is a LiveBlogPosting from its publication to its end, one update per entry, each at its anchor', () => {
    const posting = nodeOfType(nodes, 'LiveBlogPosting');
    expect(nodes.some((node) => node['@type'] === 'NewsArticle')).toBe(false);
    expect(posting.coverageStartTime).toBe('2024-02-06T16:17:00+01:00');
    expect(posting.coverageEndTime).toBe('2024-02-07T20:00:00+01:00');
    expect(posting.dateModified).toBe('2024-02-07T09:10:00+01:00');
    expect(posting.liveBlogUpdate).toStrictEqual([
      {
        '@type': 'BlogPosting',
        headline: 'La Bourse salue',
        datePublished: '2024-02-07T09:10:00+01:00',
        url: absoluteUrl('/article/direct#direct-2024-02-07-0910'),
      },
      {
        '@type': 'BlogPosting',
        headline: 'Les résultats',
        datePublished: '2024-02-06T16:30:00+01:00',
        url: absoluteUrl('/article/direct#direct-2024-02-06-1630'),
      },
    ]);
    expect(posting.headline).toBe(live.title);
  });

  it('has no end while the coverage goes on without one', () => {
    const open = nodeOfType(nodesOf(articleJsonLd({ ...live, live: { entries: [] } })), 'LiveBlogPosting');
    expect(open).not.toHaveProperty('coverageEndTime');
    expect(open.liveBlogUpdate).toStrictEqual([]);
  });
});
