import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { linkedArticleSlug } from './checkContent';
import { ContentLoader } from '../index/contentIndex';
import { diskFiles, type ContentFiles } from '../reading/readContentFiles';
import { buildArticleText, buildDossierText, buildHeroImage, lineStartingWith } from '../testing/buildContentFile';
import { SHIPPED_INLINE } from '../testing/createContentDir';
import { CHECK_SITE_URL, checkedContentDir } from './testing/checkedContentDir';

const folder = checkedContentDir();
const check = () => folder.check();

describe('checkContent', () => {
  it('works from the parses its loader already has: a build checks without reading or listing any file again', async () => {
    await folder.content.write('articles/premier.md', buildArticleText({}, '\n[Un lien](/article/nulle-part)\n'));
    await folder.content.write('articles/second.md', buildArticleText({ draft: true, description: 'À COMPLÉTER' }));
    let reads = 0;
    let listings = 0;
    const files: ContentFiles = {
      ...diskFiles,
      read: (file) => ((reads += 1), diskFiles.read(file)),
      list: (folder) => ((listings += 1), diskFiles.list(folder)),
    };
    const loader = new ContentLoader(folder.content.root, undefined, { files });
    await loader.load();
    const [readsAfterLoad, listingsAfterLoad] = [reads, listings];
    const result = await folder.check({ loader });
    expect(result.errors.map((error) => error.message)).toEqual([expect.stringContaining('nulle-part')]);
    expect(result.warnings.map((warning) => warning.message)).toEqual([expect.stringContaining('À COMPLÉTER')]);
    // One more look at the folder (the check loads to be sure it is current: articles/, authors/, dossiers/), no file read.
    expect(reads).toBe(readsAfterLoad);
    expect(listings).toBe(listingsAfterLoad + 3);
  });

  it('finds nothing in valid content and counts its files', async () => {
    await folder.content.write('articles/premier.md', buildArticleText());
    await folder.content.write('articles/2023/second.md', buildArticleText({ draft: true }));
    expect(await check()).toStrictEqual({ errors: [], warnings: [], fileCount: 3 });
  });

  it('reports everything the loader reports, sorted by file and line', async () => {
    const typo = buildArticleText({ titel: 'Bonjour' });
    const typoFile = await folder.content.write('articles/a-coquille.md', typo);
    const missingImage = buildArticleText({ image: buildHeroImage({ src: '/images/absente.png' }) });
    const missingImageFile = await folder.content.write('articles/b-image.md', missingImage);
    const uncredited = buildArticleText({}, '\nTexte.\n\n![Une photo](/images/meta-ia-photos-hero.png)\n');
    const uncreditedFile = await folder.content.write('articles/c-credit.md', uncredited);
    const orphan = buildArticleText({ author: 'inconnu' });
    const orphanFile = await folder.content.write('articles/d-auteur.md', orphan);
    const badDate = buildArticleText({ publishedAt: '2024-02-30' });
    const badDateFile = await folder.content.write('articles/e-date.md', badDate);
    await folder.content.write('articles/2023/f-double.md', buildArticleText());
    const duplicate = await folder.content.write('articles/2024/f-double.md', buildArticleText());

    const { errors, warnings } = await check();
    expect(warnings).toStrictEqual([]);
    expect(errors.map(({ file, line, field, message }) => ({ file, line, field, message }))).toStrictEqual([
      { file: duplicate, line: undefined, field: undefined, message: `adresse déjà prise par ${path.join(folder.content.root, 'articles/2023/f-double.md')} (même nom de fichier)` },
      { file: typoFile, line: lineStartingWith(typo, 'titel:'), field: 'titel', message: 'champ inconnu « titel »' },
      { file: missingImageFile, line: lineStartingWith(missingImage, '  src:'), field: 'image.src', message: `photo « /images/absente.png » introuvable dans ${path.join(folder.content.root, 'images')}/` },
      { file: uncreditedFile, line: lineStartingWith(uncredited, '![Une photo]'), field: undefined, message: 'image « /images/meta-ia-photos-hero.png » sans crédit' },
      { file: orphanFile, line: lineStartingWith(orphan, 'author:'), field: 'author', message: 'auteur inconnu « inconnu »' },
      { file: badDateFile, line: lineStartingWith(badDate, 'publishedAt:'), field: 'publishedAt', message: 'date impossible « 2024-02-30 » : ce mois n’a que 29 jours' },
    ]);
    expect(errors[1]?.hint).toBe('vouliez-vous dire « title » ?');
  });

  it('reports a date more than a year ahead at its line, as written, and accepts one exactly a year ahead', async () => {
    const text = buildArticleText({ publishedAt: '2025-03-01 14:00' });
    const file = await folder.content.write('articles/lointain.md', text);
    await folder.content.write('articles/programme.md', buildArticleText({ publishedAt: '2025-03-01T12:00:00Z' }));
    const { errors } = await check();
    expect(errors).toStrictEqual([
      {
        file,
        line: lineStartingWith(text, 'publishedAt:'),
        column: 1,
        field: 'publishedAt',
        message: 'date absurdement lointaine « 2025-03-01 14:00 » : plus d’un an après aujourd’hui',
        hint: 'vérifiez l’année : un article se programme au plus un an à l’avance',
      },
    ]);
  });

  it('reports a far updatedAt too', async () => {
    const text = buildArticleText({ updatedAt: '2034-02-07 09:30' });
    const file = await folder.content.write('articles/mis-a-jour.md', text);
    expect((await check()).errors).toStrictEqual([
      expect.objectContaining({
        file,
        line: lineStartingWith(text, 'updatedAt:'),
        field: 'updatedAt',
        message: 'date absurdement lointaine « 2034-02-07 09:30 » : plus d’un an après aujourd’hui',
      }),
    ]);
  });

  it('reports a correction dated after now at its line, as written, and accepts one made now', async () => {
    const text = buildArticleText({
      corrections: [
        { date: '2024-03-01 13:00', text: 'Fait à l’instant.' },
        { date: '2024-03-01 13:01', text: 'Daté du futur.' },
      ],
    });
    const file = await folder.content.write('articles/corrige.md', text);
    expect((await check()).errors).toStrictEqual([
      {
        file,
        line: lineStartingWith(text, '  - date: 2024-03-01 13:01'),
        column: expect.any(Number) as unknown,
        field: 'corrections.1.date',
        message: 'rectificatif daté du futur « 2024-03-01 13:01 »',
        hint: 'datez le rectificatif du moment où il est fait, au plus tard maintenant',
      },
    ]);
  });

  it('reports a live entry dated after now at its heading’s line, and accepts one written now', async () => {
    const text = buildArticleText({ live: true }, '\n## 2024-03-01 13:00 À l’instant\n\nUn.\n\n## 13:05 Trop tôt\n\nDeux.\n');
    const file = await folder.content.write('articles/direct.md', text);
    expect((await check()).errors).toStrictEqual([
      {
        file,
        line: lineStartingWith(text, '## 13:05'),
        message: 'entrée du direct datée du futur (2024-03-01T13:05:00+01:00)',
        hint: 'une entrée se date du moment où elle est écrite : vérifiez l’heure, et la date si le direct a passé minuit',
      },
    ]);
  });

  it('warns about raw HTML in the body at its line in the file', async () => {
    const text = buildArticleText({}, '\nIntroduction.\n\nUn mot en <b>gras</b>.\n');
    const file = await folder.content.write('articles/html.md', text);
    expect(await check()).toStrictEqual({
      errors: [],
      warnings: [
        {
          file,
          line: lineStartingWith(text, 'Un mot'),
          column: 11,
          message: 'HTML retiré de la page : « <b> »',
          hint: 'le site n’affiche pas le HTML écrit dans le texte : écrivez-le en Markdown (**gras**, [lien](https://…)) ou supprimez-le',
        },
      ],
      fileCount: 2,
    });
  });

  describe('dossiers', () => {
    it('counts their files, and takes a dossier’s photo as used', async () => {
      await folder.content.write('images/meta-ia-photos-inline.png', await readFile(SHIPPED_INLINE));
      await folder.content.write('dossiers/serie.md', buildDossierText({ image: buildHeroImage({ src: '/images/meta-ia-photos-inline.png' }) }));
      await folder.content.write('articles/partie.md', buildArticleText({ dossier: 'serie' }));
      expect(await check()).toStrictEqual({ errors: [], warnings: [], fileCount: 3 });
    });

    it('reports a link of a dossier’s introduction to no article at its line, as one of an article’s body', async () => {
      const text = buildDossierText({}, '\nÀ lire d’abord : [le premier volet](/article/premier-volet), puis [la suite](../article/premier-volet-ia).\n');
      const file = await folder.content.write('dossiers/serie.md', text);
      await folder.content.write('articles/premier-volet-ia.md', buildArticleText({ dossier: 'serie' }));
      expect((await check()).errors).toStrictEqual([
        { file, line: lineStartingWith(text, 'À lire'), column: 18, message: 'lien vers un article qui n’existe pas : « /article/premier-volet »', hint: 'vouliez-vous dire « /article/premier-volet-ia » ?' },
      ]);
    });

    it('warns about a dossier no article names', async () => {
      const file = await folder.content.write('dossiers/vide.md', buildDossierText({ title: 'Vide' }));
      await folder.content.write('articles/premier.md', buildArticleText());
      expect((await check()).warnings).toStrictEqual([
        { file, message: 'dossier « Vide » qu’aucun article ne nomme : sa page n’est pas en ligne', hint: 'ajoutez « dossier: vide » à ses articles, ou supprimez le fichier' },
      ]);
    });
  });

  describe('links to articles', () => {
    beforeEach(async () => {
      await folder.content.write('articles/en-ligne.md', buildArticleText({ redirectFrom: ['ancien-nom'] }));
      await folder.content.write('articles/brouillon.md', buildArticleText({ draft: true }));
      await folder.content.write('articles/casse.md', buildArticleText({ title: undefined }));
    });

    it('accepts links to an article, a draft, a former slug and a file with errors of its own', async () => {
      const body = [
        '',
        '[a](/article/en-ligne) [b](/article/brouillon#suite) [c](https://kiosque.example/article/ancien-nom)',
        '[d](casse) [e](../article/en-ligne/) [f](https://ailleurs.example/article/inconnu) [g](/rubrique/inconnu)',
        '',
      ].join('\n');
      await folder.content.write('articles/liens.md', buildArticleText({}, body));
      const { errors } = await check();
      expect(errors.map((error) => error.message)).toStrictEqual(['champ obligatoire manquant']);
    });

    it('reports a link to no article at its line and column, suggesting the nearest slug', async () => {
      const text = buildArticleText({}, '\nIntroduction.\n\nVoir [ce papier](/article/en-lign) et [celui-ci][ref].\n\n[ref]: https://kiosque.example/article/disparu\n');
      const file = await folder.content.write('articles/liens.md', text);
      const { errors } = await check();
      expect(errors.filter((error) => error.file === file)).toStrictEqual([
        {
          file,
          line: lineStartingWith(text, 'Voir'),
          column: 6,
          message: 'lien vers un article qui n’existe pas : « /article/en-lign »',
          hint: 'vouliez-vous dire « /article/en-ligne » ?',
        },
        {
          file,
          line: lineStartingWith(text, '[ref]:'),
          column: 1,
          message: 'lien vers un article qui n’existe pas : « https://kiosque.example/article/disparu »',
          hint: 'aucun article, brouillon ni ancienne adresse (redirectFrom) ne s’appelle « disparu » : vérifiez l’adresse',
        },
      ]);
    });
  });

  describe('links to articles, whichever way they are written', () => {
    it('reports a full address alone on its line, bare, as it does between angle brackets', async () => {
      const text = buildArticleText({}, '\nIntroduction.\n\nhttps://kiosque.example/article/disparu\n\n<https://kiosque.example/article/disparu>\n');
      const file = await folder.content.write('articles/liens.md', text);
      const { errors } = await check();
      expect(errors.filter((error) => error.file === file).map(({ line, column, message }) => ({ line, column, message }))).toStrictEqual([
        { line: lineStartingWith(text, 'https://'), column: 1, message: 'lien vers un article qui n’existe pas : « https://kiosque.example/article/disparu »' },
        { line: lineStartingWith(text, '<https://'), column: 1, message: 'lien vers un article qui n’existe pas : « https://kiosque.example/article/disparu »' },
      ]);
    });
  });

  describe('placeholders left by npm run new', () => {
    const fields = { description: 'À COMPLÉTER : le chapô.', image: buildHeroImage({ credit: '© À COMPLÉTER' }) };
    const body = '\nÀ COMPLÉTER : le texte.\n';

    it('warns in a draft', async () => {
      const text = buildArticleText({ ...fields, draft: true }, body);
      const file = await folder.content.write('articles/en-cours.md', text);
      const hint = 'remplacez-le par le vrai texte avant de publier';
      const message = 'texte provisoire « À COMPLÉTER » encore présent';
      expect(await check()).toStrictEqual({
        errors: [],
        warnings: [
          { file, line: lineStartingWith(text, 'description:'), column: 1, field: 'description', message, hint },
          { file, line: lineStartingWith(text, '  credit:'), column: 3, field: 'image.credit', message, hint },
          { file, line: lineStartingWith(text, 'À COMPLÉTER'), column: 1, message, hint },
        ],
        fileCount: 2,
      });
    });

    it('refuses them in a published article', async () => {
      const text = buildArticleText(fields, body);
      const file = await folder.content.write('articles/publie.md', text);
      const { errors, warnings } = await check();
      expect(warnings).toStrictEqual([]);
      expect(errors.map(({ line, field, hint }) => ({ line, field, hint }))).toStrictEqual([
        { line: lineStartingWith(text, 'description:'), field: 'description', hint: 'remplacez-le par le vrai texte : cet article n’est pas un brouillon' },
        { line: lineStartingWith(text, '  credit:'), field: 'image.credit', hint: 'remplacez-le par le vrai texte : cet article n’est pas un brouillon' },
        { line: lineStartingWith(text, 'À COMPLÉTER'), field: undefined, hint: 'remplacez-le par le vrai texte : cet article n’est pas un brouillon' },
      ]);
      expect(errors.every((error) => error.file === file)).toBe(true);
    });
  });

  it('reports a content folder without articles, which is most likely a wrong CONTENT_DIR', async () => {
    await rm(path.join(folder.content.root, 'images'), { recursive: true });
    expect(await check()).toStrictEqual({
      errors: [
        {
          file: path.join(folder.content.root, 'articles'),
          message: 'aucun article trouvé',
          hint: 'vérifiez CONTENT_DIR : le dossier de contenu doit contenir articles/<nom>.md et authors/<nom>.md',
        },
      ],
      warnings: [],
      fileCount: 1,
    });
  });
});

describe('linkedArticleSlug', () => {
  it.each([
    ['/article/x', 'x'],
    ['/article/x/', 'x'],
    ['/article/x?utm=1#titre', 'x'],
    ['/article/x/image/16x9.jpg', 'x'],
    ['https://kiosque.example/article/x', 'x'],
    ['//kiosque.example/article/x', 'x'],
    ['x', 'x'],
    ['../article/x', 'x'],
    ['#plus-bas', 'ici'],
    ['/article/caf%C3%A9', 'café'],
  ])('%j leads to the article %j', (url, slug) => {
    expect(linkedArticleSlug(url, 'ici', CHECK_SITE_URL)).toBe(slug);
  });

  it.each(['https://ailleurs.example/article/x', 'mailto:redaction@kiosque.example', '/rubrique/tech', '/article', '/', 'http://[invalide'])(
    '%j leads to no article',
    (url) => {
      expect(linkedArticleSlug(url, 'ici', CHECK_SITE_URL)).toBeUndefined();
    },
  );
});
