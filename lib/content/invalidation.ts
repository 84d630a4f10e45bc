import type { Article, Author } from './article';
import { cacheTags, listsOf } from './cacheTags';
import { groupBySection, sortTermsBySize } from './taxonomy';

/** What readers could see at one moment: the public articles (newest first), the authors, the former slugs. */
export interface PublicState {
  articles: readonly Article[];
  authors: ReadonlyMap<string, Author>;
  redirects: ReadonlyMap<string, string>;
}

/** What a card shows: a change here reaches every page showing the card. */
function cardSignature(article: Article): string {
  const { title, description, image, publishedAt, updatedAt, author, category, type, readingTimeMinutes } = article;
  return JSON.stringify([title, description, image.src, image.hash, image.alt, image.focus, publishedAt.iso, updatedAt?.iso, author.slug, category, type, readingTimeMinutes]);
}

/** What the article's own page, crops and share card are made of. */
function pageSignature(article: Article): string {
  return JSON.stringify([article.revision, cardSignature(article), article.figures.map((figure) => figure.hash)]);
}

/** Where an article sits: a change of date or of any listing moves it. */
function placeSignature(article: Article): string {
  return JSON.stringify([article.publishedAt.iso, listsOf(article)]);
}

const sectionsShown = (articles: readonly Article[]) =>
  sortTermsBySize(groupBySection(articles).values())
    .map((section) => section.name)
    .join('\n');

/**
 * The cache tags to revalidate between two states: for each article added,
 * removed (deleted, unpublished, turned into a draft) or changed, its page;
 * its card wherever shown if what a card shows changed; every listing it
 * joined, left or moved in (a new date moves it); the sitemaps and search
 * results; authors whose name or bio changed; addresses whose redirect
 * changed; the header's sections if their list or order changed. A schedule
 * coming due is an article added. Pages showing « Plus d’articles sur… » keep
 * their list until the safety net unless a card in it changes: a new article
 * is not worth regenerating every article of its tags.
 */
export function invalidatedTags(before: PublicState, after: PublicState): string[] {
  const tags = new Set<string>();
  const beforeBySlug = new Map(before.articles.map((article) => [article.slug, article]));
  const afterBySlug = new Map(after.articles.map((article) => [article.slug, article]));
  let articlesChanged = false;

  for (const slug of new Set([...beforeBySlug.keys(), ...afterBySlug.keys()])) {
    const old = beforeBySlug.get(slug);
    const current = afterBySlug.get(slug);
    if (old && current && pageSignature(old) === pageSignature(current)) continue;
    articlesChanged = true;
    tags.add(cacheTags.article(slug));
    if (!old || !current || cardSignature(old) !== cardSignature(current)) tags.add(cacheTags.card(slug));
    if (!old || !current || placeSignature(old) !== placeSignature(current)) {
      const left = old ? listsOf(old) : [];
      const joined = current ? listsOf(current) : [];
      const moved = !old || !current || old.publishedAt.iso !== current.publishedAt.iso;
      // A listing it stays in keeps its order unless the date changed; the card tag covers how it looks there.
      for (const list of new Set([...left, ...joined])) {
        if (moved || !left.includes(list) || !joined.includes(list)) tags.add(cacheTags.list(list));
      }
    }
  }
  if (articlesChanged) {
    tags.add(cacheTags.sitemap);
    tags.add(cacheTags.search);
  }

  for (const slug of new Set([...before.authors.keys(), ...after.authors.keys()])) {
    const old = before.authors.get(slug);
    const current = after.authors.get(slug);
    if (old?.name !== current?.name || old?.bio !== current?.bio) tags.add(cacheTags.person(slug));
  }

  for (const oldSlug of new Set([...before.redirects.keys(), ...after.redirects.keys()])) {
    if (before.redirects.get(oldSlug) !== after.redirects.get(oldSlug)) tags.add(cacheTags.article(oldSlug));
  }

  if (articlesChanged && sectionsShown(before.articles) !== sectionsShown(after.articles)) tags.add(cacheTags.sections);
  return [...tags].sort();
}
