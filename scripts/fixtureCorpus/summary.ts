import { slugify, SLUG_PATTERN } from '../../lib/slugify';
import type { CorpusFacts } from '../../tests/e2e/corpus/corpusFacts';
import type { CorpusArticle, GeneratedArticle } from './articles';
import { DOSSIERS, TAG_POOL } from './tables';

/** Words data/articles.yaml plants for search tests; the summary names the articles that hold them. */
const SEARCH_WORDS = {
  /** In exactly one generated title, and in the real article's title. */
  title: 'entraîner',
  /** A nonce word in exactly one body, and nowhere else in the corpus. */
  body: 'Gentsu-zéphyr',
  /** In exactly one title, so a title match can be ranked above the body match above. */
  titleOverBody: 'zéphyr',
};

const instant = (epoch: number): string => new Date(epoch).toISOString();

/** Accents, case and punctuation aside, `word` stands as whole words in `text`. */
const fold = (text: string): string => slugify(text).replace(/-/g, ' ');
const foldedContains = (text: string, word: string): boolean => ` ${fold(text)} `.includes(` ${fold(word)} `);

/** Fails loudly when an edit to the tables breaks a promise the tests rely on. */
export function checkCorpus(written: readonly GeneratedArticle[], real: CorpusArticle): void {
  const generated = written.filter((article) => !article.draft);
  const all: CorpusArticle[] = [...generated, real];
  const problems: string[] = [];
  const slugs = new Set<string>();
  // Drafts too: two files of one name would be one file.
  for (const article of [...written, real]) {
    if (!SLUG_PATTERN.test(article.slug)) problems.push(`bad slug ${article.slug}`);
    if (slugs.has(article.slug)) problems.push(`duplicate slug ${article.slug}`);
    slugs.add(article.slug);
  }
  const epochs = new Set(all.map((article) => article.publishedAt.epoch));
  if (epochs.size !== all.length) problems.push('two articles share a publication time');
  for (const article of generated) {
    if (article.title.length > 110) problems.push(`title over 110 characters: ${article.title}`);
    if (article.tags.length < 2 || article.tags.length > 5) problems.push(`${article.slug} has ${article.tags.length} tags`);
    for (const tag of article.tags) if (!TAG_POOL.includes(tag)) problems.push(`${article.slug}: tag « ${tag} » is not in data/vocabulary.yaml`);
    for (const moment of [article.publishedAt, article.updatedAt]) {
      if (!article.recent && moment && moment.epoch >= real.publishedAt.epoch) problems.push(`${article.slug} is not older than the real article`);
    }
  }
  const titled = generated.filter((article) => foldedContains(article.title, SEARCH_WORDS.title));
  if (titled.length !== 1) problems.push(`${titled.length} generated titles contain « ${SEARCH_WORDS.title} »`);
  const withNonce = all.filter((article) => article.body.includes(SEARCH_WORDS.body));
  if (withNonce.length !== 1) problems.push(`${withNonce.length} bodies contain « ${SEARCH_WORDS.body} »`);
  const mentions = all.filter((article) => [article.title, article.description, article.body].some((text) => foldedContains(text, SEARCH_WORDS.titleOverBody)));
  if (mentions.length !== 2) problems.push(`« ${SEARCH_WORDS.titleOverBody} » should appear in exactly two articles, found ${mentions.length}`);
  if (problems.length > 0) throw new Error(`fixture corpus is inconsistent:\n  ${problems.join('\n  ')}`);
}

/** What the browser tests read (tests/e2e/corpus/corpusFacts.ts), which the summary must give, and more. */
export type ArticleSummary = CorpusFacts['articles'][number];
type Tally = CorpusFacts['tags'][string];

/** How many articles have each key, by the key's slug (the site's addresses), sorted. */
function countBy(
  articles: readonly CorpusArticle[],
  keysOf: (article: CorpusArticle) => string[],
  nameOf: (key: string) => string = (key) => key,
): Record<string, Tally> {
  const counts = new Map<string, Tally>();
  for (const article of articles) {
    for (const key of keysOf(article)) {
      const slug = slugify(key);
      const entry = counts.get(slug) ?? { name: nameOf(key), count: 0 };
      entry.count += 1;
      counts.set(slug, entry);
    }
  }
  return Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)));
}

/** summary.json: what the generator wrote, which the browser tests hold the site to. */
export interface CorpusSummary extends CorpusFacts {
  counts: { articles: number; generatedArticles: number; authors: number; categories: number; tags: number };
  special: CorpusFacts['special'] & {
    newest: string;
    /** With an `updatedAt`. */
    updated: string[];
    bodySearch: { word: string; slug: string };
  };
  /** Written, and to be found in no output of the site. */
  drafts: string[];
}

function describe(article: CorpusArticle): ArticleSummary {
  return {
    slug: article.slug,
    title: article.title,
    category: article.category,
    tags: article.tags,
    author: article.author,
    authors: [article.author, ...article.coAuthors],
    corrections: article.corrections.map(({ date, text }) => ({ date: instant(date.epoch), text })).sort((a, b) => b.date.localeCompare(a.date)),
    type: article.type,
    embeds: article.embeds,
    dossier: article.dossier,
    ...(article.live ? { live: [...article.live].reverse().map(({ id, title, key, epoch }) => ({ id, title, key: key === true, date: instant(epoch) })) } : {}),
    publishedAt: instant(article.publishedAt.epoch),
    publishedAtText: article.publishedAt.text,
    recent: article.recent === true,
  };
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the corpus has no ${what}`);
  return value;
}

/** Counts over the whole corpus (real article included), keyed by slug, the planted articles, and the dossiers. */
export function summarize(written: readonly GeneratedArticle[], real: CorpusArticle, authors: readonly { slug: string; name: string }[]): CorpusSummary {
  // Drafts are written but left out: the site must not show them anywhere.
  const generated = written.filter((article) => !article.draft);
  const all: CorpusArticle[] = [...generated, real];
  const authorNames = new Map(authors.map((author) => [author.slug, author.name]));
  const categories = countBy(all, (article) => [article.category]);
  const tags = countBy(all, (article) => article.tags);
  const bySlug = (article: CorpusArticle): string => article.slug;
  const zephyrTitle = required(
    all.find((article) => foldedContains(article.title, SEARCH_WORDS.titleOverBody)),
    `title with « ${SEARCH_WORDS.titleOverBody} »`,
  );
  const nonceBody = required(
    all.find((article) => article.body.includes(SEARCH_WORDS.body)),
    `body with « ${SEARCH_WORDS.body} »`,
  );
  const newestFirst = [...all].sort((a, b) => b.publishedAt.epoch - a.publishedAt.epoch);
  return {
    counts: {
      articles: all.length,
      generatedArticles: generated.length,
      authors: authors.length,
      categories: Object.keys(categories).length,
      tags: Object.keys(tags).length,
    },
    categories,
    tags,
    authors: countBy(
      all,
      (article) => [article.author, ...article.coAuthors],
      (slug) => required(authorNames.get(slug), `author ${slug}`),
    ),
    // With the dates this generator computed itself: the browser tests compare the
    // site's listings with this, not with the site's own code.
    articles: newestFirst.map(describe),
    special: {
      realArticle: real.slug,
      newest: required(newestFirst[0], 'article').slug,
      long: required(
        generated.find((article) => article.long),
        'long read',
      ).slug,
      updated: generated
        .filter((article) => article.updatedAt)
        .map(bySlug)
        .sort(),
      titleSearch: {
        word: SEARCH_WORDS.title,
        slugs: all
          .filter((article) => foldedContains(article.title, SEARCH_WORDS.title))
          .map(bySlug)
          .sort(),
      },
      bodySearch: { word: SEARCH_WORDS.body, slug: nonceBody.slug },
      titleOverBody: { word: SEARCH_WORDS.titleOverBody, titleSlug: zephyrTitle.slug, bodySlug: nonceBody.slug },
    },
    dossiers: Object.fromEntries(
      DOSSIERS.map((dossier) => [
        dossier.slug,
        {
          title: dossier.title,
          description: dossier.description,
          parts: generated
            .filter((article) => article.dossier === dossier.slug)
            .sort((a, b) => a.publishedAt.epoch - b.publishedAt.epoch)
            .map(bySlug),
        },
      ]),
    ),
    drafts: written.filter((article) => article.draft).map(bySlug),
  };
}
