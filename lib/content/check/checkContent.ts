import path from 'node:path';
import { addYears } from 'date-fns';
import { articlePath, dossierPath } from '../../routes';
import { siteConfig } from '../../siteConfig';
import type { Article } from '../article';
import type { ContentError } from '../contentError';
import { ContentLoader, type ContentIndex } from '../index/contentIndex';
import { nearestName } from '../../nearestName';
import { PLACEHOLDER, type EditorFacts } from '../parsing/editorFacts';
import { slugFromPath } from '../parsing/parseContentFile';
import { displayPath, readUtf8File, type FoundFile } from '../reading/readContentFiles';

/** Everything `npm run content:check` reports. */
export interface ContentCheck {
  errors: ContentError[];
  warnings: ContentError[];
  /** Article and author files looked at, valid or not. */
  fileCount: number;
}

/**
 * What the site loads (the same loader as the build and the server, so the same
 * errors), plus what only makes sense before publishing: dates years ahead,
 * links to articles that do not exist, placeholders left in. Pure of Next.
 */
export async function checkContent(
  contentDir: string,
  now: Date,
  {
    siteUrl = siteConfig.url,
    loader = new ContentLoader(contentDir),
  }: {
    siteUrl?: URL;
    /** The build passes its own loader, so the check does not parse every file a second time. */
    loader?: ContentLoader;
  } = {},
): Promise<ContentCheck> {
  const index = await loader.load();
  // What the load listed: the folder is not listed twice.
  const { articles: articleFiles, authors: authorFiles, dossiers: dossierFiles } = loader.listed;
  const errors = [...index.errors];
  const warnings = [...index.warnings];
  if (articleFiles.length === 0) errors.push(noArticlesError(contentDir));

  const linkTargets = knownLinkTargets(index, articleFiles);
  for (const article of index.articles) {
    // Noted while parsing and kept with the parse: no file is read or parsed again here.
    const facts = loader.editorFacts(article);
    if (!facts) continue;
    errors.push(...farFutureDates(article, facts, now), ...futureCorrections(article, facts, now), ...futureLiveEntries(article, facts, now), ...brokenArticleLinks(article.sourcePath, articlePath(article.slug), facts.links, linkTargets, siteUrl));
    (article.draft ? warnings : errors).push(...placeholdersLeft(article, facts));
    warnings.push(...smallHero(article, facts));
  }
  // A dossier's introduction is Markdown as an article's body is: its links are checked the same way, from its own page.
  for (const dossier of index.dossiers.values()) errors.push(...brokenArticleLinks(dossier.sourcePath, dossierPath(dossier.slug), loader.dossierLinks(dossier), linkTargets, siteUrl));
  warnings.push(...unusedPhotos(loader, index, articleFiles), ...emptyDossiers(index));
  return { errors: byPlace(errors), warnings: byPlace(warnings), fileCount: articleFiles.length + authorFiles.length + dossierFiles.length };
}

function noArticlesError(contentDir: string): ContentError {
  return {
    file: displayPath(path.join(contentDir, 'articles')),
    message: 'aucun article trouvé',
    hint: 'vérifiez CONTENT_DIR : le dossier de contenu doit contenir articles/<nom>.md et authors/<nom>.md',
  };
}

/** A date this far ahead is a typo (2205 for 2025), not a scheduled article. */
function farFutureDates(article: Article, facts: EditorFacts, now: Date): ContentError[] {
  const limit = addYears(now, 1);
  return (['publishedAt', 'updatedAt'] as const).flatMap((field) => {
    const value = article[field];
    if (!value || value.date.getTime() <= limit.getTime()) return [];
    const { written, ...position } = facts.fields[field] ?? facts.fields.publishedAt;
    return [
      {
        file: article.sourcePath,
        ...position,
        field,
        message: `date absurdement lointaine « ${written ?? value.iso} » : plus d’un an après aujourd’hui`,
        hint: 'vérifiez l’année : un article se programme au plus un an à l’avance',
      },
    ];
  });
}

/** A correction is made after the fact: one dated later than now is a typo (checked here, not in the parse, which is kept for later). */
function futureCorrections(article: Article, facts: EditorFacts, now: Date): ContentError[] {
  return facts.corrections.flatMap(({ written, iso, ...position }, index) =>
    Date.parse(iso) <= now.getTime()
      ? []
      : [
          {
            file: article.sourcePath,
            ...position,
            field: `corrections.${index}.date`,
            message: `rectificatif daté du futur « ${written ?? iso} »`,
            hint: 'datez le rectificatif du moment où il est fait, au plus tard maintenant',
          },
        ],
  );
}

/** A live entry tells what has happened: one dated later than now is a typo of its time or day. */
function futureLiveEntries(article: Article, facts: EditorFacts, now: Date): ContentError[] {
  return facts.liveEntries.flatMap(({ line, iso }) =>
    Date.parse(iso) <= now.getTime()
      ? []
      : [
          {
            file: article.sourcePath,
            line,
            message: `entrée du direct datée du futur (${iso})`,
            hint: 'une entrée se date du moment où elle est écrite : vérifiez l’heure, et la date si le direct a passé minuit',
          },
        ],
  );
}

/**
 * Where a body link may lead: every article file (a draft will be published, and
 * a file with errors is already reported on its own) or a former slug, which
 * redirects.
 */
function knownLinkTargets(index: ContentIndex, articleFiles: readonly FoundFile[]): Set<string> {
  return new Set([...articleFiles.map((file) => slugFromPath(file.absolutePath)), ...index.redirects.keys()]);
}

/** The links of a file (`links`, at their lines in it) that lead to no article, read from the page the file becomes (`pagePath`). */
function brokenArticleLinks(sourcePath: string, pagePath: string, links: EditorFacts['links'], targets: ReadonlySet<string>, siteUrl: URL): ContentError[] {
  return links.flatMap((link) => {
    const slug = articleSlugLinkedFrom(link.url, pagePath, siteUrl);
    if (slug === undefined || targets.has(slug)) return [];
    const nearest = nearestName(slug, targets);
    return [
      {
        file: sourcePath,
        line: link.line,
        column: link.column,
        message: `lien vers un article qui n’existe pas : « ${link.url} »`,
        hint: nearest
          ? `vouliez-vous dire « ${articlePath(nearest)} » ?`
          : `aucun article, brouillon ni ancienne adresse (redirectFrom) ne s’appelle « ${slug} » : vérifiez l’adresse`,
      },
    ];
  });
}

/**
 * The slug of the article a link leads to, read as a browser would from the
 * article's own page: `/article/x`, `https://<site>/article/x`, but also `x` or
 * `../article/x`. Undefined for every other page or site.
 */
export function linkedArticleSlug(url: string, fromSlug: string, siteUrl: URL): string | undefined {
  return articleSlugLinkedFrom(url, articlePath(fromSlug), siteUrl);
}

function articleSlugLinkedFrom(url: string, pagePath: string, siteUrl: URL): string | undefined {
  let target: URL;
  try {
    target = new URL(url, new URL(pagePath, siteUrl));
  } catch {
    return undefined;
  }
  if (target.origin !== siteUrl.origin) return undefined;
  const segment = /^\/article\/([^/]+)/.exec(target.pathname)?.[1];
  if (segment === undefined) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Google shows large previews (Discover, Top stories) only for images at least this wide. */
export const LARGE_PREVIEW_WIDTH = 1200;

function smallHero(article: Article, facts: EditorFacts): ContentError[] {
  if (article.image.width >= LARGE_PREVIEW_WIDTH) return [];
  return [
    {
      file: article.sourcePath,
      ...facts.fields.heroSrc,
      field: 'image.src',
      message: `photo principale de ${article.image.width} pixels de large : les moteurs de recherche n’en font un grand aperçu qu’à partir de ${LARGE_PREVIEW_WIDTH}`,
      hint: `prenez la photo en ${LARGE_PREVIEW_WIDTH} pixels de large au moins (l’original de l’agence, pas une capture)`,
    },
  ];
}

/**
 * Photos of the folder that no article (draft included) uses: forgotten
 * uploads, or a typo on the article's side. Files with errors count as users of
 * every `/images/…` address their text contains.
 */
function unusedPhotos(loader: ContentLoader, index: ContentIndex, articleFiles: readonly FoundFile[]): ContentError[] {
  // Compared as files: `/images/mon%20photo.jpg` in an article is the file `mon photo.jpg`.
  // Every photo a parse looked up, not only heroes and figures: an image inside a sentence, or a dossier introduction's, is used as much.
  const used = new Set(
    [
      ...index.articles.flatMap((article) => [article.image.src, ...article.figures.map((figure) => figure.src)]),
      ...[...index.dossiers.values()].flatMap((dossier) => dossier.image?.src ?? []),
      ...loader.photosLookedUp(),
    ].map((src) => loader.photos.resolve(src)),
  );
  const valid = new Set(index.articles.map((article) => path.resolve(article.sourcePath)));
  for (const file of articleFiles) {
    if (valid.has(file.absolutePath)) continue;
    const read = readUtf8File(file.absolutePath);
    if (read.ok) for (const [address] of read.text.matchAll(/\/images\/[^\s)"'\]]+/g)) used.add(loader.photos.resolve(address));
  }
  return loader.photos
    .listAddresses()
    .filter((src) => !used.has(loader.photos.resolve(src)))
    .map((src) => ({
      file: displayPath(loader.photos.resolve(src) ?? src),
      message: `photo « ${src} » utilisée par aucun article`,
      hint: 'supprimez-la si elle est en trop, ou vérifiez l’adresse écrite dans l’article',
    }));
}

/** A dossier no article names yet: its page is not online (it would list nothing). */
function emptyDossiers(index: ContentIndex): ContentError[] {
  const named = new Set(index.articles.flatMap((article) => article.dossier ?? []));
  return [...index.dossiers.values()]
    .filter((dossier) => !named.has(dossier.slug))
    .map((dossier) => ({
      file: dossier.sourcePath,
      message: `dossier « ${dossier.title} » qu’aucun article ne nomme : sa page n’est pas en ligne`,
      hint: `ajoutez « dossier: ${dossier.slug} » à ses articles, ou supprimez le fichier`,
    }));
}

/** `npm run new` writes PLACEHOLDER wherever the editor has text to write. */
function placeholdersLeft(article: Article, facts: EditorFacts): ContentError[] {
  const problem = {
    message: `texte provisoire « ${PLACEHOLDER} » encore présent`,
    hint: article.draft ? 'remplacez-le par le vrai texte avant de publier' : 'remplacez-le par le vrai texte : cet article n’est pas un brouillon',
  };
  return facts.placeholders.map((place) => ({ file: article.sourcePath, ...place, ...problem }));
}

function byPlace(errors: readonly ContentError[]): ContentError[] {
  const byFile = (a: ContentError, b: ContentError) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
  return [...errors].sort((a, b) => byFile(a, b) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
