import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * What the fixture generator says it wrote (tests/.corpus/summary.json), with
 * dates it computed itself: the tests compare the site against this, not
 * against the site's own code.
 */
const summarySchema = z.object({
  articles: z.array(
    z.object({
      slug: z.string(),
      title: z.string(),
      category: z.string(),
      tags: z.array(z.string()),
      author: z.string(),
      /** Every author in the byline's order, `author` first. */
      authors: z.array(z.string()).min(1),
      /** Newest first, as the page shows them. */
      corrections: z.array(z.object({ date: z.iso.datetime(), text: z.string() })),
      /** A live article's entries, newest first. */
      live: z.array(z.object({ id: z.string(), title: z.string(), key: z.boolean(), date: z.iso.datetime() })).optional(),
      /** The provider embeds of the body, in its order, as written. */
      embeds: z.array(z.object({ provider: z.string(), url: z.string() })),
      /** The dossier it is a part of. */
      dossier: z.string().optional(),
      type: z.string().optional(),
      publishedAt: z.iso.datetime(),
      /** As the front matter writes it: with an offset, or Paris wall-clock time without one. */
      publishedAtText: z.string(),
      /** Dated a few hours before the corpus was generated, for the news sitemap. */
      recent: z.boolean(),
    }),
  ),
  /** Each dossier, its parts in the order they were published (part 1 first). */
  dossiers: z.record(z.string(), z.object({ title: z.string(), description: z.string(), parts: z.array(z.string()).min(2) })),
  categories: z.record(z.string(), z.object({ name: z.string(), count: z.number() })),
  tags: z.record(z.string(), z.object({ name: z.string(), count: z.number() })),
  authors: z.record(z.string(), z.object({ name: z.string(), count: z.number() })),
  special: z.object({
    realArticle: z.string(),
    long: z.string(),
    titleSearch: z.object({ word: z.string(), slugs: z.array(z.string()) }),
    titleOverBody: z.object({ word: z.string(), titleSlug: z.string(), bodySlug: z.string() }),
  }),
});

export type CorpusFacts = z.infer<typeof summarySchema>;
export type CorpusArticle = CorpusFacts['articles'][number];

let facts: CorpusFacts | undefined;

export function corpusFacts(): CorpusFacts {
  facts ??= summarySchema.parse(JSON.parse(readFileSync('tests/.corpus/summary.json', 'utf8')));
  return facts;
}

/** Text as a reader sees it, with French typographic spaces folded, for comparing titles. */
export function plainSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The listing page size the site promises. */
export const PAGE_SIZE = 12;
