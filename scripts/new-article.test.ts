import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildAuthorText } from '../lib/content/testing/buildContentFile';
import { createContentDir, type TempContentDir } from '../lib/content/testing/createContentDir';
import { runScript } from './testing/runScript';

let content: TempContentDir;

beforeEach(async () => {
  content = await createContentDir({ 'authors/zoe.md': buildAuthorText(), 'authors/sikagz.md': buildAuthorText() });
});

afterEach(async () => {
  await content.remove();
});

function newArticle(...args: string[]) {
  return runScript('scripts/new-article.ts', args, { CONTENT_DIR: content.root });
}

describe('npm run new', () => {
  it('writes a draft named after the title, signed by the first author', { timeout: 20_000 }, async () => {
    const run = await newArticle('L’IA de Meta : ce qu’il faut savoir');
    const file = path.join(content.root, 'articles', 'ia-meta-il-faut-savoir.md');
    expect(run).toStrictEqual({
      exitCode: 0,
      stdout: [
        `Brouillon créé : ${file}`,
        `Remplacez chaque « À COMPLÉTER », déposez la photo dans ${path.join(content.root, 'images')}/ et écrivez son adresse /images/<nom> dans image.src,`,
        'puis vérifiez avec npm run content:check.',
        'Pour publier : draft: false.',
        '',
      ].join('\n'),
      stderr: '',
    });
    const text = await readFile(file, 'utf8');
    expect(text).toMatch(/^---\ntitle: "L’IA de Meta : ce qu’il faut savoir"\n/);
    expect(text).toContain('\nauthor: sikagz\n');
    expect(text).toContain('\ndraft: true\n');
  });

  it('refuses to overwrite a file of the same name, even in a sub-folder', { timeout: 20_000 }, async () => {
    const existing = await content.write('articles/2023/dernier-titre.md', 'déjà là');
    expect(await newArticle('Le dernier titre')).toStrictEqual({
      exitCode: 1,
      stdout: '',
      stderr: `${existing} existe déjà : rien n’a été écrit  (changez le titre, ou ouvrez le fichier existant)\n`,
    });
    expect(await readFile(existing, 'utf8')).toBe('déjà là');
  });

  it('refuses an empty title', { timeout: 20_000 }, async () => {
    expect(await newArticle('  ')).toStrictEqual({
      exitCode: 1,
      stdout: '',
      stderr: 'titre manquant  (donnez le titre entre guillemets : npm run new -- "Titre de l’article")\n',
    });
  });
});
