import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildArticleText, buildAuthorText, lineStartingWith } from '../lib/content/testing/buildContentFile';
import { createContentDir, type TempContentDir } from '../lib/content/testing/createContentDir';
import { runScript } from './testing/runScript';

const folders: TempContentDir[] = [];

async function contentFolder(files: Record<string, string>): Promise<TempContentDir> {
  const folder = await createContentDir({ 'authors/sikagz.md': buildAuthorText(), ...files });
  folders.push(folder);
  return folder;
}

afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => folder.remove()));
});

function checkContent(folder: TempContentDir) {
  return runScript('scripts/check-content.ts', [], { CONTENT_DIR: folder.root });
}

describe('npm run content:check', () => {
  it('exits 0 with a one-line summary on valid content', { timeout: 20_000 }, async () => {
    const folder = await contentFolder({ 'articles/valide.md': buildArticleText() });
    expect(await checkContent(folder)).toStrictEqual({ exitCode: 0, stdout: 'aucune erreur, aucun avertissement dans 2 fichiers\n', stderr: '' });
  });

  it('exits 1 and prints errors, then warnings, then the summary', { timeout: 20_000 }, async () => {
    const linking = buildArticleText({}, '\nVoir [ceci](/article/inconnu), en <b>gras</b>.\n');
    const misspelt = buildArticleText({ titel: 'Bonjour' });
    const folder = await contentFolder({ 'articles/liens.md': linking, 'articles/coquille.md': misspelt });
    const file = (name: string) => path.join(folder.root, 'articles', name);
    const line = lineStartingWith(linking, 'Voir');
    expect(await checkContent(folder)).toStrictEqual({
      exitCode: 1,
      stdout: [
        `${file('coquille.md')}:${lineStartingWith(misspelt, 'titel:')}:1  titel : champ inconnu « titel »  (vouliez-vous dire « title » ?)`,
        `${file('liens.md')}:${line}:6  lien vers un article qui n’existe pas : « /article/inconnu »  (aucun article, brouillon ni ancienne adresse (redirectFrom) ne s’appelle « inconnu » : vérifiez l’adresse)`,
        `${file('liens.md')}:${line}:35  avertissement : HTML retiré de la page : « <b> »  (le site n’affiche pas le HTML écrit dans le texte : écrivez-le en Markdown (**gras**, [lien](https://…)) ou supprimez-le)`,
        '2 erreurs, 1 avertissement dans 3 fichiers',
        '',
      ].join('\n'),
      stderr: '',
    });
  });
});
