import { unlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentLoader } from './contentIndex';
import { buildArticleText, buildAuthorText, buildDossierText, lineStartingWith } from '../testing/buildContentFile';
import { createContentDir, type TempContentDir } from '../testing/createContentDir';

let content: TempContentDir;

beforeEach(async () => {
  content = await createContentDir({ 'authors/sikagz.md': buildAuthorText() });
});

afterEach(async () => {
  await content.remove();
});

function load() {
  return new ContentLoader(content.root).load();
}

describe('ContentLoader', () => {
  it('loads articles with their authors resolved', async () => {
    await content.write('articles/premier.md', buildArticleText({ title: 'Premier' }));
    const { articles, authors, errors } = await load();
    expect(errors).toStrictEqual([]);
    expect(articles.map((article) => [article.slug, article.title, article.authors.map((author) => author.name).join(', ')])).toStrictEqual([['premier', 'Premier', 'Sikagz']]);
    expect([...authors.keys()]).toStrictEqual(['sikagz']);
  });

  it('leaves out an article whose author does not exist, pointing at the author line', async () => {
    const text = buildArticleText({ author: 'inconnu' });
    const file = await content.write('articles/orphelin.md', text);
    await content.write('articles/valide.md', buildArticleText());
    const { articles, errors } = await load();
    expect(articles.map((article) => article.slug)).toStrictEqual(['valide']);
    expect(errors).toStrictEqual([
      {
        file,
        line: lineStartingWith(text, 'author:'),
        column: 1,
        field: 'author',
        message: 'auteur inconnu « inconnu »',
        hint: 'créez content/authors/inconnu.md ou choisissez parmi : sikagz',
      },
    ]);
  });

  it('resolves every author of `authors:` in order, and names each unknown one at its line', async () => {
    await content.write('authors/lea-martin.md', buildAuthorText({ name: 'Léa Martin' }));
    await content.write('articles/a-deux.md', buildArticleText({ author: undefined, authors: ['lea-martin', 'sikagz'] }));
    const text = buildArticleText({ author: undefined, authors: ['sikagz', 'personne', 'nulle-part'] });
    const file = await content.write('articles/inconnus.md', text);
    const { articles, errors } = await load();
    expect(articles.map((article) => [article.slug, article.authors.map((author) => author.name)])).toStrictEqual([['a-deux', ['Léa Martin', 'Sikagz']]]);
    const line = lineStartingWith(text, 'authors:');
    expect(errors.map(({ file: where, line: at, field, message }) => ({ where, at, field, message }))).toStrictEqual([
      { where: file, at: line + 2, field: 'authors.1', message: 'auteur inconnu « personne »' },
      { where: file, at: line + 3, field: 'authors.2', message: 'auteur inconnu « nulle-part »' },
    ]);
  });

  describe('dossiers', () => {
    it('loads the dossiers and the articles that name one', async () => {
      await content.write('dossiers/ia-et-donnees.md', buildDossierText());
      await content.write('articles/premier.md', buildArticleText({ dossier: 'ia-et-donnees' }));
      await content.write('articles/hors-serie.md', buildArticleText());
      const { articles, dossiers, errors } = await load();
      expect(errors).toStrictEqual([]);
      expect([...dossiers.keys()]).toStrictEqual(['ia-et-donnees']);
      expect(Object.fromEntries(articles.map((article) => [article.slug, article.dossier]))).toStrictEqual({ premier: 'ia-et-donnees', 'hors-serie': undefined });
    });

    it('leaves out an article whose dossier does not exist, at its line, with the nearest name', async () => {
      await content.write('dossiers/ia-et-donnees.md', buildDossierText());
      const text = buildArticleText({ dossier: 'ia-et-donees' });
      const file = await content.write('articles/orphelin.md', text);
      const { articles, errors } = await load();
      expect(articles).toStrictEqual([]);
      expect(errors).toStrictEqual([
        { file, line: lineStartingWith(text, 'dossier:'), column: 1, field: 'dossier', message: 'dossier inconnu « ia-et-donees »', hint: expect.stringContaining('« ia-et-donnees »') as unknown },
      ]);
    });

    it('keeps the links of a dossier’s introduction with its parse, for the editors’ check, and out of the dossier pages receive', async () => {
      const text = buildDossierText({}, '\nÀ lire : [le premier volet](/article/partie).\n');
      const dossier = await content.write('dossiers/serie.md', text);
      await content.write('articles/partie.md', buildArticleText({ dossier: 'serie' }));
      const loader = new ContentLoader(content.root);
      const index = await loader.load();
      expect(index.dossiers.get('serie')).not.toHaveProperty('introLinks');
      expect(loader.dossierLinks({ sourcePath: dossier })).toStrictEqual([{ url: '/article/partie', line: lineStartingWith(text, 'À lire'), column: 10 }]);
    });

    it('follows a dossier’s file: edited, its new title; deleted, its articles are errors until it is back', async () => {
      const dossier = await content.write('dossiers/serie.md', buildDossierText({ title: 'Avant' }));
      await content.write('articles/partie.md', buildArticleText({ dossier: 'serie' }));
      const loader = new ContentLoader(content.root);
      expect((await loader.load()).dossiers.get('serie')?.title).toBe('Avant');
      await writeFile(dossier, buildDossierText({ title: 'Après, plus long' }));
      expect((await loader.load({ changed: [dossier] })).dossiers.get('serie')?.title).toBe('Après, plus long');
      await unlink(dossier);
      const without = await loader.load({ changed: [dossier] });
      expect(without.articles).toStrictEqual([]);
      expect(without.errors.map((error) => error.field)).toStrictEqual(['dossier']);
    });
  });

  it('keeps one of two files with the same name in different folders, and reports the other', async () => {
    const first = await content.write('articles/2023/meme-nom.md', buildArticleText({ title: 'Le premier' }));
    const second = await content.write('articles/2024/meme-nom.md', buildArticleText({ title: 'Le second' }));
    const { articles, errors } = await load();
    expect(articles.map((article) => article.title)).toStrictEqual(['Le premier']);
    expect(errors).toStrictEqual([expect.objectContaining({ file: second, message: `adresse déjà prise par ${first} (même nom de fichier)` })]);
  });

  it('reports a file that is not UTF-8 and still loads the others', async () => {
    const latin1 = await content.write('articles/latin1.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(buildArticleText())]));
    await content.write('articles/valide.md', buildArticleText());
    const { articles, errors } = await load();
    expect(articles.map((article) => article.slug)).toStrictEqual(['valide']);
    expect(errors).toStrictEqual([expect.objectContaining({ file: latin1, line: 1, message: 'le fichier n’est pas en UTF-8' })]);
  });

  it('points at the line of the first byte that is not UTF-8', async () => {
    const [before, after] = buildArticleText({ title: 'Café' }).split('Café');
    const file = await content.write('articles/latin1.md', Buffer.concat([Buffer.from(before ?? ''), Buffer.from('Caf\xe9', 'latin1'), Buffer.from(after ?? '')]));
    const { errors } = await load();
    expect(errors).toStrictEqual([expect.objectContaining({ file, line: 2, message: 'le fichier n’est pas en UTF-8' })]);
  });

  it('sorts articles newest first by instant, whatever the offset written', async () => {
    await content.write('articles/a-midi-paris.md', buildArticleText({ publishedAt: '2024-02-06T10:00:00+01:00' }));
    await content.write('articles/b-plus-tard.md', buildArticleText({ publishedAt: '2024-02-06T09:30:00Z' }));
    await content.write('articles/c-veille.md', buildArticleText({ publishedAt: '2024-02-05 23:00' }));
    await content.write('articles/d-recent.md', buildArticleText({ publishedAt: '2024-03-01' }));
    const { articles } = await load();
    expect(articles.map((article) => article.slug)).toStrictEqual(['d-recent', 'b-plus-tard', 'a-midi-paris', 'c-veille']);
  });

  it('ignores hidden files, hidden folders and files that are not .md', async () => {
    await content.write('articles/visible.md', buildArticleText());
    await content.write('articles/.brouillon.md', buildArticleText());
    await content.write('articles/.cache/copie.md', buildArticleText());
    await content.write('articles/notes.txt', buildArticleText());
    await content.write('articles/archive.md.bak', buildArticleText());
    const { articles, errors } = await load();
    expect(articles.map((article) => article.slug)).toStrictEqual(['visible']);
    expect(errors).toStrictEqual([]);
  });

  it('loads nothing, without error, from a folder that does not exist', async () => {
    const index = await new ContentLoader(path.join(content.root, 'absent')).load();
    expect(index).toMatchObject({ articles: [], errors: [] });
  });

  describe('redirects (redirectFrom)', () => {
    it('maps every former slug to the current one, drafts included', async () => {
      await content.write('articles/nouveau-nom.md', buildArticleText({ redirectFrom: ['ancien-nom', 'tout-premier-nom'] }));
      await content.write('articles/brouillon.md', buildArticleText({ draft: true, redirectFrom: ['brouillon-v1'] }));
      await content.write('articles/sans-passe.md', buildArticleText());
      const { articles, redirects, errors } = await load();
      expect(errors).toStrictEqual([]);
      expect(Object.fromEntries(redirects)).toStrictEqual({ 'ancien-nom': 'nouveau-nom', 'tout-premier-nom': 'nouveau-nom', 'brouillon-v1': 'brouillon' });
      expect(articles.find((article) => article.slug === 'nouveau-nom')?.redirectFrom).toStrictEqual(['ancien-nom', 'tout-premier-nom']);
      expect(articles.find((article) => article.slug === 'sans-passe')?.redirectFrom).toStrictEqual([]);
    });

    it('refuses a former slug that an article still has, pointing at the entry, and keeps both articles', async () => {
      const live = await content.write('articles/en-ligne.md', buildArticleText());
      const text = buildArticleText({ redirectFrom: ['autre', 'en-ligne'] });
      const file = await content.write('articles/renomme.md', text);
      const { articles, redirects, errors } = await load();
      expect(errors).toStrictEqual([
        {
          file,
          line: lineStartingWith(text, '  - en-ligne'),
          column: 5,
          field: 'redirectFrom',
          message: `l’ancienne adresse « en-ligne » est aussi celle d’un article en ligne (${live})`,
          hint: 'retirez-la de redirectFrom ou renommez l’article',
        },
      ]);
      expect(Object.fromEntries(redirects)).toStrictEqual({ autre: 'renomme' });
      expect(articles.map((article) => article.slug).sort()).toStrictEqual(['en-ligne', 'renomme']);
    });

    it('says so when the article holding the former slug is a draft', async () => {
      const draft = await content.write('articles/a-venir.md', buildArticleText({ draft: true }));
      const file = await content.write('articles/renomme.md', buildArticleText({ redirectFrom: ['a-venir'] }));
      const { errors } = await load();
      expect(errors).toStrictEqual([
        expect.objectContaining({ file, message: `l’ancienne adresse « a-venir » est aussi celle d’un brouillon (${draft})` }),
      ]);
    });

    it('refuses an article that lists its own slug', async () => {
      const text = buildArticleText({ redirectFrom: ['moi-meme'] });
      const file = await content.write('articles/moi-meme.md', text);
      const { redirects, errors } = await load();
      expect(errors).toStrictEqual([
        {
          file,
          line: lineStartingWith(text, '  - moi-meme'),
          column: 5,
          field: 'redirectFrom',
          message: 'l’ancienne adresse « moi-meme » est celle de l’article lui-même',
          hint: 'retirez-la de redirectFrom : on n’y met que les noms que le fichier a portés avant',
        },
      ]);
      expect(redirects.size).toBe(0);
    });

    it('keeps the first of two articles claiming the same former slug and reports the second', async () => {
      const firstText = buildArticleText({ redirectFrom: ['disputee'] });
      const first = await content.write('articles/a-premier.md', firstText);
      const secondText = buildArticleText({ draft: true, redirectFrom: ['disputee'] });
      const second = await content.write('articles/b-second.md', secondText);
      const { redirects, errors } = await load();
      expect(errors).toStrictEqual([
        {
          file: second,
          line: lineStartingWith(secondText, '  - disputee'),
          column: 5,
          field: 'redirectFrom',
          message: `l’ancienne adresse « disputee » mène déjà à ${first} (ligne ${lineStartingWith(firstText, '  - disputee')})`,
          hint: 'une ancienne adresse ne peut mener qu’à un seul article : retirez-la de l’un des deux fichiers',
        },
      ]);
      expect(Object.fromEntries(redirects)).toStrictEqual({ disputee: 'a-premier' });
    });

    it('accepts the same former slug written twice in one article', async () => {
      await content.write('articles/bavard.md', buildArticleText({ redirectFrom: ['ancien', 'ancien'] }));
      const { redirects, errors } = await load();
      expect(errors).toStrictEqual([]);
      expect(Object.fromEntries(redirects)).toStrictEqual({ ancien: 'bavard' });
    });
  });

  describe('on a second load', () => {
    let loader: ContentLoader;
    let edited: string;

    beforeEach(async () => {
      edited = await content.write('articles/modifie.md', buildArticleText({ title: 'Avant' }));
      await content.write('articles/intact.md', buildArticleText({ title: 'Intact' }));
      loader = new ContentLoader(content.root);
      await loader.load();
    });

    it('returns the same index when nothing changed', async () => {
      const first = await loader.load();
      const parseCount = loader.parseCount;
      expect(await loader.load()).toBe(first);
      expect(loader.parseCount).toBe(parseCount);
    });

    it('parses again only the file that changed', async () => {
      const parseCount = loader.parseCount;
      await writeFile(edited, buildArticleText({ title: 'Après' }));
      const later = new Date(Date.now() + 60_000);
      await utimes(edited, later, later);
      const { articles } = await loader.load();
      expect(loader.parseCount).toBe(parseCount + 1);
      expect(articles.map((article) => article.title).sort()).toStrictEqual(['Après', 'Intact']);
    });

    it('parses a changed file once when requests ask for the index together', async () => {
      const parseCount = loader.parseCount;
      await writeFile(edited, buildArticleText({ title: 'Après' }));
      const later = new Date(Date.now() + 60_000);
      await utimes(edited, later, later);
      const [first, second, third] = await Promise.all([loader.load(), loader.load(), loader.load()]);
      expect(loader.parseCount).toBe(parseCount + 1);
      expect(second).toBe(first);
      expect(third).toBe(first);
    });

    it('notices a change of content even when the size stays the same', async () => {
      await writeFile(edited, buildArticleText({ title: 'Aprè' }));
      const later = new Date(Date.now() + 60_000);
      await utimes(edited, later, later);
      const { articles } = await loader.load();
      expect(articles.map((article) => article.title)).toContain('Aprè');
    });

    it('drops a deleted file', async () => {
      await unlink(edited);
      const { articles } = await loader.load();
      expect(articles.map((article) => article.slug)).toStrictEqual(['intact']);
    });
  });
});
