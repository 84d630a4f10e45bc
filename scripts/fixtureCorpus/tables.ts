import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { SLUG_PATTERN } from '../../lib/slugify';

/**
 * The prose and the choices of the corpus, from data/*.yaml (each file says what
 * its fields do). Strict schemas, so a misspelt field in an edit stops the
 * generator with its name instead of being silently left out of the corpus.
 */

const slug = z.string().regex(SLUG_PATTERN);
const photoSchema = z.strictObject({ src: z.string().startsWith('/images/'), alt: z.string() });
const quoteSchema = z.strictObject({ text: z.string(), attribution: z.string() });

const authorSchema = z.strictObject({ slug, name: z.string(), bio: z.string() });

const categorySchema = z.strictObject({
  usualAuthor: slug,
  sentences: z.array(z.string()).min(1),
  // A second quote differs from the first.
  quotes: z.array(quoteSchema).min(2),
  subheadings: z.array(z.string()).min(1),
  captions: z.array(z.string()).min(1),
});

const dossierSchema = z.strictObject({ slug, title: z.string(), description: z.string(), intro: z.string() });

const embedSchema = z.strictObject({ provider: z.string().optional(), url: z.url() });

const liveItemSchema = z.strictObject({ minutesLater: z.int().positive(), key: z.boolean().optional(), title: z.string(), text: z.string() });

const articleFields = {
  category: z.string(),
  title: z.string(),
  description: z.string(),
  lede: z.string(),
  tags: z.array(z.string()),
  quote: z.int().nonnegative().optional(),
  long: z.boolean().optional(),
  paragraphs: z.array(z.string()).min(1).optional(),
  dossier: slug.optional(),
  embeds: z.array(embedSchema).optional(),
  live: z.array(liveItemSchema).min(1).optional(),
  draft: z.boolean().optional(),
};

const archiveArticleSchema = z.strictObject({ ...articleFields, month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) });
const recentArticleSchema = z.strictObject({ ...articleFields, hoursAgo: z.number().positive() });

export type Author = z.infer<typeof authorSchema>;
export type Category = z.infer<typeof categorySchema>;
export type Quote = z.infer<typeof quoteSchema>;
export type Photo = z.infer<typeof photoSchema>;
export type Dossier = z.infer<typeof dossierSchema>;
export type Embed = z.infer<typeof embedSchema>;
export type LiveItem = z.infer<typeof liveItemSchema>;
/** Dated by its month, the rest drawn. */
export type ArchiveArticleSpec = z.infer<typeof archiveArticleSchema>;
/** Dated hours before the generator's clock. */
export type RecentArticleSpec = z.infer<typeof recentArticleSchema>;
export type ArticleSpec = ArchiveArticleSpec | RecentArticleSpec;

function readTable<Schema extends z.ZodType>(file: string, schema: Schema): z.infer<Schema> {
  const source = path.join(import.meta.dirname, 'data', file);
  const parsed = schema.safeParse(parseYaml(readFileSync(source, 'utf8')));
  if (!parsed.success) throw new Error(`${path.relative(process.cwd(), source)}:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export const AUTHORS = readTable('authors.yaml', z.array(authorSchema).min(2));
export const PHOTOS = readTable('photos.yaml', z.strictObject({ hero: photoSchema, inline: photoSchema }));
const vocabulary = readTable(
  'vocabulary.yaml',
  z.strictObject({ tags: z.array(z.string()).min(1), credits: z.array(z.string()).min(1), corrections: z.tuple([z.string(), z.string()]) }),
);
export const TAG_POOL = vocabulary.tags;
export const CREDITS = vocabulary.credits;
export const CORRECTION_TEXTS = vocabulary.corrections;
export const NEWSROOM_SENTENCES = readTable('newsroomSentences.yaml', z.array(z.string()).min(1));
const CATEGORIES = readTable('categories.yaml', z.record(z.string(), categorySchema));
export const DOSSIERS = readTable('dossiers.yaml', z.array(dossierSchema));
/** The archive then the breaking news: the order in which the PRNG draws for them. */
export const ARTICLE_SPECS: readonly ArticleSpec[] = [
  ...readTable('articles.yaml', z.array(archiveArticleSchema)),
  ...readTable('recentArticles.yaml', z.array(recentArticleSchema)),
];

/** The tables name one another by key; a wrong one is found here, not as an undefined deep in a draw. */
for (const [name, category] of Object.entries(CATEGORIES)) {
  if (!AUTHORS.some((author) => author.slug === category.usualAuthor))
    throw new Error(`categories.yaml: ${name}: no author « ${category.usualAuthor} » in authors.yaml`);
}
for (const spec of ARTICLE_SPECS) {
  if (!Object.hasOwn(CATEGORIES, spec.category)) throw new Error(`« ${spec.title} »: no category « ${spec.category} » in categories.yaml`);
  if (spec.dossier !== undefined && !DOSSIERS.some((dossier) => dossier.slug === spec.dossier))
    throw new Error(`« ${spec.title} »: no dossier « ${spec.dossier} » in dossiers.yaml`);
}

export function categoryOf(spec: ArticleSpec): Category {
  const category = CATEGORIES[spec.category];
  if (!category) throw new Error(`no category « ${spec.category} »`);
  return category;
}
