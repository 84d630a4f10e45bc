import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { COLD_ARTICLES, corpusDir } from './settings';

/** The pages of a scaled corpus the serving sections load. */
export interface Pages {
  /** The real first article, cloned at the top of the corpus. */
  article: string;
  /** The oldest articles: past the prerender limit, never rendered yet. */
  oldArticles: string[];
  tag: string;
}

export async function pickPages(count: number): Promise<Pages> {
  const files = (await readdir(path.join(corpusDir(count), 'articles'))).sort(
    (a, b) => Number(a.match(/-(\d+)\.md$/)?.[1]) - Number(b.match(/-(\d+)\.md$/)?.[1]),
  );
  const slugs = files.map((file) => file.replace(/\.md$/, ''));
  const real = slugs.find((slug) => slug.startsWith('mark-zuckerberg-ia-photos-facebook-instagram-')) ?? slugs[0] ?? '';
  return { article: `/article/${real}`, oldArticles: slugs.slice(-COLD_ARTICLES).map((slug) => `/article/${slug}`), tag: '/tag/ia' };
}
