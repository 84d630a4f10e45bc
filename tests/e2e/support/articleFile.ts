import { writeFile } from 'node:fs/promises';
import path from 'node:path';

/** An article the tests publish into a running server's content folder. */
export interface ArticleFile {
  slug: string;
  title: string;
  publishedAt?: string;
  extra?: string[];
  /** The hero's address (`/images/…`, a file of the content folder's images/). */
  image?: string;
  /** Markdown after the first paragraph. */
  body?: string;
  /** The section (`Tech` unless told). */
  category?: string;
}

/** An instant in the form front matter takes, with an explicit UTC offset: the instant is what matters here. */
export function frontMatterDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** Writes `<articlesDir>/<slug>.md`: a valid article, published a minute ago unless told otherwise. */
export async function writeArticle(
  articlesDir: string,
  {
    slug,
    title,
    publishedAt = frontMatterDate(new Date(Date.now() - 60_000)),
    extra = [],
    image = '/images/meta-ia-photos-hero.png',
    body = '',
    category = 'Tech',
  }: ArticleFile,
): Promise<void> {
  const text = [
    '---',
    `title: ${JSON.stringify(title)}`,
    'description: "Un article écrit pendant les tests de publication en direct, pour vérifier qu’il apparaît partout sans reconstruire le site."',
    `publishedAt: ${publishedAt}`,
    'author: lea-martin',
    `category: ${JSON.stringify(category)}`,
    'tags: [IA]',
    'image:',
    `  src: ${image}`,
    '  alt: "Illustration de remplacement"',
    '  credit: "© Kiosque"',
    ...extra,
    '---',
    '',
    'Premier paragraphe de l’article publié en direct, sans reconstruction ni redémarrage du serveur.',
    '',
    body,
  ].join('\n');
  await writeFile(path.join(articlesDir, `${slug}.md`), text);
}
