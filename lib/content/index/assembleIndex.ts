import type { Article, Author } from '../article';
import type { ContentError } from '../contentError';
import type { EditorFacts } from '../parsing/editorFacts';
import type { ArticleFields, SlugReference } from '../parsing/parseArticleFile';
import type { Parsed } from '../parsing/parseContentFile';

/** Everything loaded from a content folder: valid articles and authors, and every problem found. */
export interface ContentIndex {
  /** Valid articles, drafts included, newest first. */
  articles: readonly Article[];
  authors: ReadonlyMap<string, Author>;
  /** Former slug (`redirectFrom`) → current slug, drafts' included: a draft may be published later. */
  redirects: ReadonlyMap<string, string>;
  errors: readonly ContentError[];
  warnings: readonly ContentError[];
  /** What the editors' check needs of each valid article's file, by `sourcePath` (noted while parsing). */
  editorFacts: ReadonlyMap<string, EditorFacts>;
}

/** Pure: resolves authors, refuses duplicate slugs, maps former slugs, sorts newest first. */
export function assembleIndex(
  articleResults: readonly Parsed<ArticleFields>[],
  authorResults: readonly Parsed<Author>[],
): ContentIndex {
  const errors: ContentError[] = [];
  const warnings: ContentError[] = [];
  const authors = new Map<string, Author>();
  for (const result of authorResults) {
    if (!result.ok) {
      errors.push(...result.errors);
      continue;
    }
    warnings.push(...result.warnings);
    const existing = authors.get(result.value.slug);
    if (existing) errors.push(duplicateSlugError(result.value.sourcePath, existing.sourcePath));
    else authors.set(result.value.slug, result.value);
  }

  const articles: Article[] = [];
  const editorFacts = new Map<string, EditorFacts>();
  const redirectClaims: RedirectClaim[] = [];
  const seenSlugs = new Map<string, string>();
  for (const result of articleResults) {
    if (!result.ok) {
      errors.push(...result.errors);
      continue;
    }
    warnings.push(...result.warnings);
    const { authorReference, redirectReferences, editorFacts: facts, ...parsed } = result.value;
    const firstFile = seenSlugs.get(parsed.slug);
    if (firstFile) {
      errors.push(duplicateSlugError(parsed.sourcePath, firstFile));
      continue;
    }
    seenSlugs.set(parsed.slug, parsed.sourcePath);
    const author = authors.get(authorReference.slug);
    if (!author) {
      errors.push({
        file: parsed.sourcePath,
        line: authorReference.line,
        column: authorReference.column,
        field: 'author',
        message: `auteur inconnu « ${authorReference.slug} »`,
        hint: `créez content/authors/${authorReference.slug}.md ou choisissez parmi : ${[...authors.keys()].join(', ') || 'aucun auteur'}`,
      });
      continue;
    }
    articles.push(articleOf(result.value, parsed, author));
    editorFacts.set(parsed.sourcePath, facts);
    redirectClaims.push(...redirectReferences.map((reference) => ({ ...reference, article: parsed })));
  }

  const { redirects, redirectErrors } = mapRedirects(redirectClaims, articles);
  errors.push(...redirectErrors);
  articles.sort((a, b) => b.publishedAt.date.getTime() - a.publishedAt.date.getTime() || a.slug.localeCompare(b.slug));
  return { articles, authors, redirects, errors, warnings, editorFacts };
}

/**
 * The same object for the same parse and author from one load to the next:
 * what is computed per article (invalidation summaries, listings) is then
 * computed once per change, not once per load of 100,000 articles.
 */
const articlesByParse = new WeakMap<ArticleFields, Article>();

function articleOf(fields: ArticleFields, parsed: Omit<Article, 'author'>, author: Author): Article {
  const known = articlesByParse.get(fields);
  if (known?.author === author) return known;
  const article = { ...parsed, author };
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
