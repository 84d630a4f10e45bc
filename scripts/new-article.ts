// `npm run new -- "Titre de l'article"`: writes a draft article in CONTENT_DIR
// (or content/) with every field to fill. Never overwrites a file.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { displayPath } from '../lib/content/reading/readContentFiles';
import { slugFromPath } from '../lib/content/parsing/parseContentFile';
import { listMarkdownFiles } from '../lib/content/reading/readContentFiles';
import { PLACEHOLDER, scaffoldArticle } from '../lib/content/check/scaffoldArticle';

function fail(message: string, hint: string): never {
  console.error(`${message}  (${hint})`);
  process.exit(1);
}

const contentDir = path.resolve(process.env.CONTENT_DIR ?? 'content');
const articlesDir = path.join(contentDir, 'articles');
const [articleFiles, authorFiles] = await Promise.all([listMarkdownFiles(articlesDir), listMarkdownFiles(path.join(contentDir, 'authors'))]);

const firstAuthor = authorFiles[0];
const scaffold = scaffoldArticle({
  title: process.argv.slice(2).join(' '),
  now: new Date(),
  author: firstAuthor && slugFromPath(firstAuthor.absolutePath),
});
if (!scaffold.ok) fail(scaffold.message, scaffold.hint);

// Sub-folders count: two files of the same name anywhere would share one address.
const sameName = articleFiles.find((file) => slugFromPath(file.absolutePath) === scaffold.slug);
const target = sameName?.absolutePath ?? path.join(articlesDir, `${scaffold.slug}.md`);
const refusal = (): never => fail(`${displayPath(target)} existe déjà : rien n’a été écrit`, 'changez le titre, ou ouvrez le fichier existant');
if (sameName) refusal();

await mkdir(articlesDir, { recursive: true });
try {
  await writeFile(target, scaffold.text, { flag: 'wx' });
} catch (error) {
  if (error instanceof Error && 'code' in error && error.code === 'EEXIST') refusal();
  throw error;
}

console.log(
  [
    `Brouillon créé : ${displayPath(target)}`,
    `Remplacez chaque « ${PLACEHOLDER} », déposez la photo dans ${displayPath(path.join(contentDir, 'images'))}/ et écrivez son adresse /images/<nom> dans image.src,`,
    'puis vérifiez avec npm run content:check.',
    'Pour publier : draft: false.',
  ].join('\n'),
);
