import { copyFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { absurdDimensions, decompressionBomb, plainPhoto, SVG_WITH_SCRIPT, truncatedJpeg } from '../images/testing/testPhotos';
import { checkContent, linkedArticleSlug } from './checkContent';
import { ContentLoader } from './contentIndex';
import { buildArticleText, buildAuthorText, buildHeroImage, lineStartingWith } from './testing/buildContentFile';
import { createContentDir, SHIPPED_INLINE, type TempContentDir } from './testing/createContentDir';

const NOW = new Date('2024-03-01T12:00:00Z');
const SITE_URL = new URL('https://kiosque.example/');

let content: TempContentDir;

beforeEach(async () => {
  content = await createContentDir({ 'authors/sikagz.md': buildAuthorText() });
});

afterEach(async () => {
  await content.remove();
});

function check() {
  return checkContent(content.root, NOW, { siteUrl: SITE_URL });
}

describe('checkContent', () => {
  it('finds nothing in valid content and counts its files', async () => {
    await content.write('articles/premier.md', buildArticleText());
    await content.write('articles/2023/second.md', buildArticleText({ draft: true }));
    expect(await check()).toStrictEqual({ errors: [], warnings: [], fileCount: 3 });
  });

  it('reports everything the loader reports, sorted by file and line', async () => {
    const typo = buildArticleText({ titel: 'Bonjour' });
    const typoFile = await content.write('articles/a-coquille.md', typo);
    const missingImage = buildArticleText({ image: buildHeroImage({ src: '/images/absente.png' }) });
    const missingImageFile = await content.write('articles/b-image.md', missingImage);
    const uncredited = buildArticleText({}, '\nTexte.\n\n![Une photo](/images/meta-ia-photos-hero.png)\n');
    const uncreditedFile = await content.write('articles/c-credit.md', uncredited);
    const orphan = buildArticleText({ author: 'inconnu' });
    const orphanFile = await content.write('articles/d-auteur.md', orphan);
    const badDate = buildArticleText({ publishedAt: '2024-02-30' });
    const badDateFile = await content.write('articles/e-date.md', badDate);
    await content.write('articles/2023/f-double.md', buildArticleText());
    const duplicate = await content.write('articles/2024/f-double.md', buildArticleText());

    const { errors, warnings } = await check();
    expect(warnings).toStrictEqual([]);
    expect(errors.map(({ file, line, field, message }) => ({ file, line, field, message }))).toStrictEqual([
      { file: duplicate, line: undefined, field: undefined, message: `adresse déjà prise par ${path.join(content.root, 'articles/2023/f-double.md')} (même nom de fichier)` },
      { file: typoFile, line: lineStartingWith(typo, 'titel:'), field: 'titel', message: 'champ inconnu « titel »' },
      { file: missingImageFile, line: lineStartingWith(missingImage, '  src:'), field: 'image.src', message: `photo « /images/absente.png » introuvable dans ${path.join(content.root, 'images')}/` },
      { file: uncreditedFile, line: lineStartingWith(uncredited, '![Une photo]'), field: undefined, message: 'image « /images/meta-ia-photos-hero.png » sans crédit' },
      { file: orphanFile, line: lineStartingWith(orphan, 'author:'), field: 'author', message: 'auteur inconnu « inconnu »' },
      { file: badDateFile, line: lineStartingWith(badDate, 'publishedAt:'), field: 'publishedAt', message: 'date impossible « 2024-02-30 » : ce mois n’a que 29 jours' },
    ]);
    expect(errors[1]?.hint).toBe('vouliez-vous dire « title » ?');
  });

  it('reports a date more than a year ahead at its line, as written, and accepts one exactly a year ahead', async () => {
    const text = buildArticleText({ publishedAt: '2025-03-01 14:00' });
    const file = await content.write('articles/lointain.md', text);
    await content.write('articles/programme.md', buildArticleText({ publishedAt: '2025-03-01T12:00:00Z' }));
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
    const file = await content.write('articles/mis-a-jour.md', text);
    expect((await check()).errors).toStrictEqual([
      expect.objectContaining({
        file,
        line: lineStartingWith(text, 'updatedAt:'),
        field: 'updatedAt',
        message: 'date absurdement lointaine « 2034-02-07 09:30 » : plus d’un an après aujourd’hui',
      }),
    ]);
  });

  it('warns about raw HTML in the body at its line in the file', async () => {
    const text = buildArticleText({}, '\nIntroduction.\n\nUn mot en <b>gras</b>.\n');
    const file = await content.write('articles/html.md', text);
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

  describe('links to articles', () => {
    beforeEach(async () => {
      await content.write('articles/en-ligne.md', buildArticleText({ redirectFrom: ['ancien-nom'] }));
      await content.write('articles/brouillon.md', buildArticleText({ draft: true }));
      await content.write('articles/casse.md', buildArticleText({ title: undefined }));
    });

    it('accepts links to an article, a draft, a former slug and a file with errors of its own', async () => {
      const body = [
        '',
        '[a](/article/en-ligne) [b](/article/brouillon#suite) [c](https://kiosque.example/article/ancien-nom)',
        '[d](casse) [e](../article/en-ligne/) [f](https://ailleurs.example/article/inconnu) [g](/rubrique/inconnu)',
        '',
      ].join('\n');
      await content.write('articles/liens.md', buildArticleText({}, body));
      const { errors } = await check();
      expect(errors.map((error) => error.message)).toStrictEqual(['champ obligatoire manquant']);
    });

    it('reports a link to no article at its line and column, suggesting the nearest slug', async () => {
      const text = buildArticleText({}, '\nIntroduction.\n\nVoir [ce papier](/article/en-lign) et [celui-ci][ref].\n\n[ref]: https://kiosque.example/article/disparu\n');
      const file = await content.write('articles/liens.md', text);
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

  describe('placeholders left by npm run new', () => {
    const fields = { description: 'À COMPLÉTER : le chapô.', image: buildHeroImage({ credit: '© À COMPLÉTER' }) };
    const body = '\nÀ COMPLÉTER : le texte.\n';

    it('warns in a draft', async () => {
      const text = buildArticleText({ ...fields, draft: true }, body);
      const file = await content.write('articles/en-cours.md', text);
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
      const file = await content.write('articles/publie.md', text);
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

  describe('photos', () => {
    /** Body text showing one photo, credited. */
    const bodyWith = (src: string) => `\nIntroduction.\n\n![Une photo](${src} "Légende. © Agence")\n`;

    it('warns about a hero photo under 1200 pixels wide at the line of its src', async () => {
      await content.write('images/petite.png', await plainPhoto(800, 450, 'png'));
      const text = buildArticleText({ image: buildHeroImage({ src: '/images/petite.png' }) });
      const file = await content.write('articles/petite.md', text);
      await content.write('articles/grande.md', buildArticleText());
      expect(await check()).toStrictEqual({
        errors: [],
        warnings: [
          {
            file,
            line: lineStartingWith(text, '  src:'),
            column: 3,
            field: 'image.src',
            message: 'photo principale de 800 pixels de large : les moteurs de recherche n’en font un grand aperçu qu’à partir de 1200',
            hint: 'prenez la photo en 1200 pixels de large au moins (l’original de l’agence, pas une capture)',
          },
        ],
        fileCount: 3,
      });
    });

    it('does not warn about a hero exactly 1200 pixels wide, nor about small photos in the body', async () => {
      await content.write('images/juste.jpg', await plainPhoto(1200, 675, 'jpeg'));
      await content.write('images/vignette.png', await plainPhoto(300, 200, 'png'));
      await content.write('articles/juste.md', buildArticleText({ image: buildHeroImage({ src: '/images/juste.jpg' }) }, bodyWith('/images/vignette.png')));
      await content.write('articles/autre.md', buildArticleText());
      expect(await check()).toStrictEqual({ errors: [], warnings: [], fileCount: 3 });
    });

    it('warns about a photo no article uses, naming its file', async () => {
      await content.write('articles/premier.md', buildArticleText());
      const forgotten = await content.write('images/2024/oubliee.jpg', await plainPhoto(64, 64, 'jpeg'));
      await content.write('images/.DS_Store', 'x');
      expect(await check()).toStrictEqual({
        errors: [],
        warnings: [
          {
            file: forgotten,
            message: 'photo « /images/2024/oubliee.jpg » utilisée par aucun article',
            hint: 'supprimez-la si elle est en trop, ou vérifiez l’adresse écrite dans l’article',
          },
        ],
        fileCount: 2,
      });
    });

    it('counts photos of the body and of galleries as used', async () => {
      await copyFile(SHIPPED_INLINE, path.join(content.root, 'images', 'inline.png'));
      await content.write('images/2024/seconde.jpg', await plainPhoto(800, 600, 'jpeg'));
      const body = '\nIntroduction.\n\n![Une](/images/inline.png "© A")\n![Deux](/images/2024/seconde.jpg "© B")\n';
      await content.write('articles/galerie.md', buildArticleText({}, body));
      expect(await check()).toStrictEqual({ errors: [], warnings: [], fileCount: 2 });
    });

    // Known bug: checkContent's unusedPhotos compares the addresses of listAddresses() (the file names as they are)
    // with the addresses articles write, which PhotoLibrary.resolve percent-decodes: a photo the article finds as
    // /images/mon%20photo.jpg is still reported unused. Turn `it.fails` back into `it` once it is fixed.
    it('counts a photo written with a percent-encoded address as used', async () => {
      await content.write('images/mon photo.jpg', await plainPhoto(1600, 900, 'jpeg'));
      await content.write('articles/encodee.md', buildArticleText({ image: buildHeroImage({ src: '/images/mon%20photo.jpg' }) }));
      await content.write('articles/autre.md', buildArticleText());
      expect(await check()).toStrictEqual({ errors: [], warnings: [], fileCount: 3 });
    });

    it.each([
      ['a draft', { draft: true }, [] as string[]],
      ['an article with errors of its own', { title: undefined }, ['champ obligatoire manquant']],
    ])('does not report a photo used only by %s as unused', async (_, fields, errorMessages) => {
      await content.write('images/dans-le-texte.jpg', await plainPhoto(800, 600, 'jpeg'));
      await content.write('images/en-une.jpg', await plainPhoto(1600, 900, 'jpeg'));
      await content.write('articles/seul.md', buildArticleText({ ...fields, image: buildHeroImage({ src: '/images/en-une.jpg' }) }, bodyWith('/images/dans-le-texte.jpg')));
      await content.write('articles/autre.md', buildArticleText());
      const { errors, warnings } = await check();
      expect(warnings).toStrictEqual([]);
      expect(errors.map((error) => error.message)).toStrictEqual(errorMessages);
    });

    const hostile: Array<[string, string, () => Buffer | Promise<Buffer>, string]> = [
      ['an empty file', 'vide.jpg', () => Buffer.alloc(0), 'fichier vide (0 octet)'],
      ['a PNG named .jpg', 'capture.jpg', () => plainPhoto(400, 300, 'png'), 'l’extension .jpg ne correspond pas au contenu du fichier, qui est une image PNG'],
      ['an SVG with a script', 'logo.png', () => SVG_WITH_SCRIPT, 'format SVG refusé'],
      ['a truncated JPEG', 'coupee.jpg', () => truncatedJpeg(), 'fichier JPEG tronqué'],
      ['a decompression bomb', 'bombe.png', () => decompressionBomb(), '8000 × 8000 pixels (64 mégapixels)'],
      ['absurd dimensions', 'bande.png', () => absurdDimensions(), 'dimensions absurdes (100000 × 20 pixels)'],
    ];

    it.each(hostile)('refuses %s in the body at the line of its reference, and still loads the good article beside it', async (_, name, bytes, reason) => {
      await content.write(`images/pieges/${name}`, await bytes());
      const text = buildArticleText({}, bodyWith(`/images/pieges/${name}`));
      const file = await content.write('articles/piege.md', text);
      await content.write('articles/bon.md', buildArticleText());
      const { errors, warnings } = await check();
      expect(errors).toStrictEqual([
        { file, line: lineStartingWith(text, '![Une photo]'), column: 1, message: expect.stringContaining(`photo « /images/pieges/${name} » : ${reason}`) as unknown, hint: expect.any(String) as unknown },
      ]);
      expect(warnings).toStrictEqual([]);
      const index = await new ContentLoader(content.root).load();
      expect(index.articles.map((article) => article.slug)).toStrictEqual(['bon']);
    });

    it.each(hostile)('refuses %s as a hero at the line of its src', async (_, name, bytes, reason) => {
      await content.write(`images/${name}`, await bytes());
      const text = buildArticleText({ image: buildHeroImage({ src: `/images/${name}` }) });
      const file = await content.write('articles/piege.md', text);
      await content.write('articles/bon.md', buildArticleText());
      const { errors } = await check();
      expect(errors).toStrictEqual([
        { file, line: lineStartingWith(text, '  src:'), column: 3, field: 'image.src', message: expect.stringContaining(`photo « /images/${name} » : ${reason}`) as unknown, hint: expect.any(String) as unknown },
      ]);
      const index = await new ContentLoader(content.root).load();
      expect(index.articles.map((article) => article.slug)).toStrictEqual(['bon']);
    });
  });

  it('reports a content folder without articles, which is most likely a wrong CONTENT_DIR', async () => {
    await rm(path.join(content.root, 'images'), { recursive: true });
    expect(await check()).toStrictEqual({
      errors: [
        {
          file: path.join(content.root, 'articles'),
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
    expect(linkedArticleSlug(url, 'ici', SITE_URL)).toBe(slug);
  });

  it.each(['https://ailleurs.example/article/x', 'mailto:redaction@kiosque.example', '/rubrique/tech', '/article', '/', 'http://[invalide'])(
    '%j leads to no article',
    (url) => {
      expect(linkedArticleSlug(url, 'ici', SITE_URL)).toBeUndefined();
    },
  );
});
