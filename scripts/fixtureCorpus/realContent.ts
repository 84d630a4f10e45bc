import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { parseFrontMatter } from '../../lib/content/parsing/parseFrontMatter';
import type { CorpusArticle } from './articles';

/** The real article and its author, copied in as they are so the corpus holds real content too. */
const REAL_FILES = {
  article: 'content/articles/mark-zuckerberg-ia-photos-facebook-instagram.md',
  author: 'content/authors/sikagz.md',
};

/** What the summary needs of the real files; the site's own schema would turn the date with lib/dates/. */
const articleFields = z.object({
  title: z.string(),
  description: z.string(),
  // With its offset: read by Date.parse, which would take a date without one in the server's zone.
  publishedAt: z.string().regex(/(Z|[+-]\d{2}:\d{2})$/),
  category: z.string(),
  tags: z.array(z.string()).default([]),
});
const authorFields = z.object({ name: z.string() });

export interface RealContent {
  articleText: string;
  authorText: string;
  article: CorpusArticle;
  author: { slug: string; name: string };
}

function readFields<Schema extends z.ZodType>(file: string, text: string, schema: Schema): { data: z.infer<Schema>; body: string } {
  const parsed = parseFrontMatter(text);
  if (!parsed.ok) throw new Error(`${file}: ${parsed.message}`);
  return { data: schema.parse(parsed.frontMatter.data), body: parsed.frontMatter.body };
}

export async function readRealContent(projectRoot: string): Promise<RealContent> {
  const [articleText, authorText] = await Promise.all([
    readFile(path.join(projectRoot, REAL_FILES.article), 'utf8'),
    readFile(path.join(projectRoot, REAL_FILES.author), 'utf8'),
  ]);
  const { data: article, body } = readFields(REAL_FILES.article, articleText, articleFields);
  const { data: author } = readFields(REAL_FILES.author, authorText, authorFields);
  const authorSlug = path.basename(REAL_FILES.author, '.md');
  return {
    articleText,
    authorText,
    article: {
      slug: path.basename(REAL_FILES.article, '.md'),
      title: article.title,
      description: article.description,
      publishedAt: { epoch: Date.parse(article.publishedAt), text: article.publishedAt },
      author: authorSlug,
      coAuthors: [],
      corrections: [],
      embeds: [],
      category: article.category,
      tags: article.tags,
      body,
    },
    author: { slug: authorSlug, name: author.name },
  };
}
