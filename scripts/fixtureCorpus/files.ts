import type { GeneratedArticle } from './articles';
import { PHOTOS, type Author, type Dossier } from './tables';

/** A double-quoted YAML scalar: JSON's escapes are valid YAML, so any text is safe. */
const quoted = (text: string): string => JSON.stringify(text);

/** Tags stay bare in the flow list, as editors write them, unless YAML would misread them. */
const flowItem = (text: string): string => (/^[\p{L}\p{N}][\p{L}\p{N} ’.-]*$/u.test(text) ? text : quoted(text));

/** An article file, its fields in the order an editor writes them. */
export function renderArticleFile(article: GeneratedArticle): string {
  const { image } = article;
  return [
    '---',
    `title: ${quoted(article.title)}`,
    `description: ${quoted(article.description)}`,
    `publishedAt: ${article.publishedAt.text}`,
    ...(article.updatedAt ? [`updatedAt: ${article.updatedAt.text}`] : []),
    // The byline's order; a single author keeps the one-author form.
    article.coAuthors.length > 0 ? `authors: [${[article.author, ...article.coAuthors].join(', ')}]` : `author: ${article.author}`,
    `category: ${article.category}`,
    `tags: [${article.tags.map(flowItem).join(', ')}]`,
    ...(article.type ? [`type: ${article.type}`] : []),
    ...(article.draft ? ['draft: true'] : []),
    ...(article.live ? ['live: true'] : []),
    ...(article.dossier ? [`dossier: ${article.dossier}`] : []),
    ...(article.corrections.length > 0
      ? ['corrections:', ...article.corrections.flatMap(({ date, text }) => [`  - date: ${date.text}`, `    text: ${quoted(text)}`])]
      : []),
    'image:',
    `  src: ${image.src}`,
    `  alt: ${quoted(image.alt)}`,
    `  credit: ${quoted(image.credit)}`,
    ...(image.caption ? [`  caption: ${quoted(image.caption)}`] : []),
    '---',
    '',
    article.body,
    '',
  ].join('\n');
}

export function renderAuthorFile(author: Author): string {
  return ['---', `name: ${quoted(author.name)}`, `bio: ${quoted(author.bio)}`, '---', ''].join('\n');
}

/** A dossier's file: its title and description, the corpus's body photo, its introduction as body. */
export function renderDossierFile(dossier: Dossier): string {
  return [
    '---',
    `title: ${quoted(dossier.title)}`,
    `description: ${quoted(dossier.description)}`,
    'image:',
    `  src: ${PHOTOS.inline.src}`,
    `  alt: ${quoted(PHOTOS.inline.alt)}`,
    `  credit: ${quoted('© Kiosque')}`,
    '---',
    '',
    dossier.intro,
    '',
  ].join('\n');
}
