import type { Article, Author, Dossier } from '../article';
import type { ContentError } from '../contentError';
import type { ArticleFields, SlugReference } from '../parsing/parseArticleFile';
import type { Parsed } from '../parsing/parseContentFile';
import { nearestName } from '../../nearestName';
import type { IndexChange } from './patchIndex';

/** Everything loaded from a content folder: valid articles and authors, and every problem found. */
export interface ContentIndex {
  /** Valid articles, drafts included, newest first. */
  articles: readonly Article[];
  authors: ReadonlyMap<string, Author>;
  /** The dossiers (content/dossiers/), by slug, whether or not an article names them yet. */
  dossiers: ReadonlyMap<string, Dossier>;
  /** Former slug (`redirectFrom`) → current slug, drafts' included: a draft may be published later. */
  redirects: ReadonlyMap<string, string>;
  errors: readonly ContentError[];
  warnings: readonly ContentError[];
  /**
   * How many errors involve two files (a slug taken twice, a former slug that
   * clashes): fixing one file may clear another's, so while there are any a
   * change assembles the index whole again instead of patching it.
   */
  crossFileErrors: number;
  /** Set when this index was patched from another (patchIndex): what listings derived from that one must change. */
  changedFrom?: IndexChange;
}

/** Newest first; one publication instant, by slug. */
export function newestFirst(a: Article, b: Article): number {
  return b.publishedAt.date.getTime() - a.publishedAt.date.getTime() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

/** The valid files of one kind by slug; the others' errors (and every warning) added to the lists. */
function bySlug<T extends { slug: string; sourcePath: string }>(results: readonly Parsed<T>[], errors: ContentError[], warnings: ContentError[]): Map<string, T> {
  const found = new Map<string, T>();
  for (const result of results) {
    if (!result.ok) {
      errors.push(...result.errors);
      continue;
    }
    warnings.push(...result.warnings);
    const existing = found.get(result.value.slug);
    if (existing) errors.push(duplicateSlugError(result.value.sourcePath, existing.sourcePath));
    else found.set(result.value.slug, result.value);
  }
  return found;
}

/** Pure: resolves authors and dossiers, refuses duplicate slugs, maps former slugs, sorts newest first. */
export function assembleIndex(
  articleResults: readonly Parsed<ArticleFields>[],
  authorResults: readonly Parsed<Author>[],
  dossierResults: readonly Parsed<Dossier>[] = [],
): ContentIndex {
  const errors: ContentError[] = [];
  const warnings: ContentError[] = [];
  const authors = bySlug(authorResults, errors, warnings);
  // What only the editors' check needs of a dossier's file (its introduction's links) stays out of the dossier pages receive.
  const dossiers = new Map([...bySlug<Dossier & { introLinks?: unknown }>(dossierResults, errors, warnings)].map(([slug, { introLinks, ...dossier }]) => [slug, dossier]));

  const articles: Article[] = [];
  const redirectClaims: RedirectClaim[] = [];
  const seenSlugs = new Map<string, string>();
  let crossFileErrors = 0;
  for (const result of articleResults) {
    if (!result.ok) {
      errors.push(...result.errors);
      continue;
    }
    warnings.push(...result.warnings);
    const fields = result.value;
    const firstFile = seenSlugs.get(fields.slug);
    if (firstFile) {
      errors.push(duplicateSlugError(fields.sourcePath, firstFile));
      crossFileErrors += 1;
      continue;
    }
    seenSlugs.set(fields.slug, fields.sourcePath);
    const article = withReferences(fields, authors, dossiers);
    if (!article.ok) {
      errors.push(...article.errors);
      continue;
    }
    articles.push(article.value);
    redirectClaims.push(...fields.redirectReferences.map((reference) => ({ ...reference, article: fields })));
  }

  const { redirects, redirectErrors } = mapRedirects(redirectClaims, articles);
  errors.push(...redirectErrors);
  crossFileErrors += redirectErrors.length;
  articles.sort(newestFirst);
  return { articles, authors, dossiers, redirects, errors, warnings, crossFileErrors };
}

/** The article with its authors, once its authors and its dossier are found among the files. */
export function withReferences(
  fields: ArticleFields,
  authors: ReadonlyMap<string, Author>,
  dossiers: ReadonlyMap<string, Dossier>,
): { ok: true; value: Article } | { ok: false; errors: ContentError[] } {
  const found: Author[] = [];
  const errors: ContentError[] = [];
  const dossier = fields.dossierReference;
  if (dossier && !dossiers.has(dossier.slug)) {
    const nearest = nearestName(dossier.slug, [...dossiers.keys()]);
    errors.push({
      file: fields.sourcePath,
      line: dossier.line,
      column: dossier.column,
      field: 'dossier',
      message: `dossier inconnu « ${dossier.slug} »`,
      hint: nearest
        ? `vouliez-vous dire « ${nearest} » ? Sinon créez content/dossiers/${dossier.slug}.md (title, description)`
        : `créez content/dossiers/${dossier.slug}.md (title, description)${dossiers.size > 0 ? ` ou choisissez parmi : ${[...dossiers.keys()].join(', ')}` : ''}`,
    });
  }
  fields.authorReferences.forEach((reference, index) => {
    const author = authors.get(reference.slug);
    if (author) found.push(author);
    else {
      errors.push({
        file: fields.sourcePath,
        line: reference.line,
        column: reference.column,
        field: fields.authorReferences.length > 1 ? `authors.${index}` : 'author',
        message: `auteur inconnu « ${reference.slug} »`,
        hint: `créez content/authors/${reference.slug}.md ou choisissez parmi : ${[...authors.keys()].join(', ') || 'aucun auteur'}`,
      });
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: articleOf(fields, found) };
}

/**
 * The same object for the same parse and authors from one load to the next:
 * what is computed per article (invalidation summaries, listings) is then
 * computed once per change, not once per load of 100,000 articles.
 */
const articlesByParse = new WeakMap<ArticleFields, Article>();

function articleOf(fields: ArticleFields, authors: Author[]): Article {
  const known = articlesByParse.get(fields);
  if (known && known.authors.length === authors.length && known.authors.every((author, index) => author === authors[index])) return known;
  // What only loading needs stays out of the article pages receive.
  const { authorReferences, redirectReferences, dossierReference, editorFacts, ...parsed } = fields;
  const article: Article = { ...parsed, authors };
  articlesByParse.set(fields, article);
  return article;
}

/** A former slug as one article's `redirectFrom` lists it. */
interface RedirectClaim extends SlugReference {
  article: Pick<Article, 'slug' | 'sourcePath'>;
}

/**
 * Former slugs may be no article's current slug, so a redirect can never hide
 * a page nor lead to another redirect; and each may lead to one article only.
 * A refused entry is left out of the map and reported; the article stays.
 */
function mapRedirects(
  claims: readonly RedirectClaim[],
  articles: readonly Article[],
): { redirects: Map<string, string>; redirectErrors: ContentError[] } {
  if (claims.length === 0) return { redirects: new Map(), redirectErrors: [] };
  const articlesBySlug = new Map(articles.map((article) => [article.slug, article]));
  const firstClaims = new Map<string, RedirectClaim>();
  const redirects = new Map<string, string>();
  const redirectErrors: ContentError[] = [];
  for (const claim of claims) {
    const problem = redirectProblem(claim, articlesBySlug.get(claim.slug), firstClaims.get(claim.slug));
    if (problem) {
      redirectErrors.push({
        file: claim.article.sourcePath,
        line: claim.line,
        column: claim.column,
        field: 'redirectFrom',
        ...problem,
      });
      continue;
    }
    firstClaims.set(claim.slug, claim);
    redirects.set(claim.slug, claim.article.slug);
  }
  return { redirects, redirectErrors };
}

function redirectProblem(
  claim: RedirectClaim,
  articleWithThatSlug: Article | undefined,
  firstClaim: RedirectClaim | undefined,
): { message: string; hint: string } | undefined {
  if (claim.slug === claim.article.slug) {
    return {
      message: `l’ancienne adresse « ${claim.slug} » est celle de l’article lui-même`,
      hint: 'retirez-la de redirectFrom : on n’y met que les noms que le fichier a portés avant',
    };
  }
  if (articleWithThatSlug) {
    const kind = articleWithThatSlug.draft ? 'd’un brouillon' : 'd’un article en ligne';
    return {
      message: `l’ancienne adresse « ${claim.slug} » est aussi celle ${kind} (${articleWithThatSlug.sourcePath})`,
      hint: 'retirez-la de redirectFrom ou renommez l’article',
    };
  }
  if (firstClaim && firstClaim.article.slug !== claim.article.slug) {
    return {
      message: `l’ancienne adresse « ${claim.slug} » mène déjà à ${firstClaim.article.sourcePath} (ligne ${firstClaim.line})`,
      hint: 'une ancienne adresse ne peut mener qu’à un seul article : retirez-la de l’un des deux fichiers',
    };
  }
  return undefined;
}

function duplicateSlugError(file: string, firstFile: string): ContentError {
  return {
    file,
    message: `adresse déjà prise par ${firstFile} (même nom de fichier)`,
    hint: 'renommez l’un des deux fichiers : chaque nom de fichier doit être unique',
  };
}
