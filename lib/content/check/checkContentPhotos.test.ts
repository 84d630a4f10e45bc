import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { absurdDimensions, decompressionBomb, plainPhoto, SVG_WITH_SCRIPT, truncatedJpeg } from '../../images/testing/testPhotos';
import { ContentLoader } from '../index/contentIndex';
import { buildArticleText, buildDossierText, buildHeroImage, lineStartingWith } from '../testing/buildContentFile';
import { SHIPPED_INLINE } from '../testing/createContentDir';
import { checkedContentDir } from './testing/checkedContentDir';

// What `npm run content:check` says of the photos of content/images/ (checkContent.test.ts: the rest).

const folder = checkedContentDir();
const check = () => folder.check();

describe('checkContent', () => {
  describe('photos', () => {
    /** Body text showing one photo, credited. */
    const bodyWith = (src: string) => `\nIntroduction.\n\n![Une photo](${src} "Légende. © Agence")\n`;

    it('warns about a hero photo under 1200 pixels wide at the line of its src', async () => {
      await folder.content.write('images/petite.png', await plainPhoto(800, 450, 'png'));
      const text = buildArticleText({ image: buildHeroImage({ src: '/images/petite.png' }) });
      const file = await folder.content.write('articles/petite.md', text);
      await folder.content.write('articles/grande.md', buildArticleText());
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
      await folder.content.write('images/juste.jpg', await plainPhoto(1200, 675, 'jpeg'));
      await folder.content.write('images/vignette.png', await plainPhoto(300, 200, 'png'));
      await folder.content.write('articles/juste.md', buildArticleText({ image: buildHeroImage({ src: '/images/juste.jpg' }) }, bodyWith('/images/vignette.png')));
      await folder.content.write('articles/autre.md', buildArticleText());
      expect(await check()).toStrictEqual({ errors: [], warnings: [], fileCount: 3 });
    });

    it('warns about a photo no article uses, naming its file', async () => {
      await folder.content.write('articles/premier.md', buildArticleText());
      const forgotten = await folder.content.write('images/2024/oubliee.jpg', await plainPhoto(64, 64, 'jpeg'));
      await folder.content.write('images/.DS_Store', 'x');
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
      await copyFile(SHIPPED_INLINE, path.join(folder.content.root, 'images', 'inline.png'));
      await folder.content.write('images/2024/seconde.jpg', await plainPhoto(800, 600, 'jpeg'));
      const body = '\nIntroduction.\n\n![Une](/images/inline.png "© A")\n![Deux](/images/2024/seconde.jpg "© B")\n';
      await folder.content.write('articles/galerie.md', buildArticleText({}, body));
      expect(await check()).toStrictEqual({ errors: [], warnings: [], fileCount: 2 });
    });

    it.each([
      ['inside a sentence', '\nVoici ![Une icône](/images/inline.png "© A") dans le texte.\n'],
      ['inside a link', '\n[![Une photo](/images/inline.png "© A")](https://ailleurs.example/)\n'],
      ['in a heading', '\n## Le titre ![Une icône](/images/inline.png "© A")\n'],
      ['as a reference inside a sentence', '\nVoici ![Une icône][icone] dans le texte.\n\n[icone]: /images/inline.png "© A"\n'],
    ])('counts a photo shown %s as used, as one shown alone on its line', async (_, body) => {
      await copyFile(SHIPPED_INLINE, path.join(folder.content.root, 'images', 'inline.png'));
      await folder.content.write('articles/icone.md', buildArticleText({}, body));
      expect(await check()).toStrictEqual({ errors: [], warnings: [], fileCount: 2 });
    });

    it('counts a photo of a dossier’s introduction as used, as one of an article’s body', async () => {
      await copyFile(SHIPPED_INLINE, path.join(folder.content.root, 'images', 'inline.png'));
      await folder.content.write('dossiers/serie.md', buildDossierText({}, bodyWith('/images/inline.png')));
      await folder.content.write('articles/partie.md', buildArticleText({ dossier: 'serie' }));
      expect(await check()).toStrictEqual({ errors: [], warnings: [], fileCount: 3 });
    });

    // Known bug: checkContent's unusedPhotos compares the addresses of listAddresses() (the file names as they are)
    // with the addresses articles write, which PhotoLibrary.resolve percent-decodes: a photo the article finds as
    // /images/mon%20photo.jpg is still reported unused. Turn `it.fails` back into `it` once it is fixed.
    it('counts a photo written with a percent-encoded address as used', async () => {
      await folder.content.write('images/mon photo.jpg', await plainPhoto(1600, 900, 'jpeg'));
      await folder.content.write('articles/encodee.md', buildArticleText({ image: buildHeroImage({ src: '/images/mon%20photo.jpg' }) }));
      await folder.content.write('articles/autre.md', buildArticleText());
      expect(await check()).toStrictEqual({ errors: [], warnings: [], fileCount: 3 });
    });

    it.each([
      ['a draft', { draft: true }, [] as string[]],
      ['an article with errors of its own', { title: undefined }, ['champ obligatoire manquant']],
    ])('does not report a photo used only by %s as unused', async (_, fields, errorMessages) => {
      await folder.content.write('images/dans-le-texte.jpg', await plainPhoto(800, 600, 'jpeg'));
      await folder.content.write('images/en-une.jpg', await plainPhoto(1600, 900, 'jpeg'));
      await folder.content.write('articles/seul.md', buildArticleText({ ...fields, image: buildHeroImage({ src: '/images/en-une.jpg' }) }, bodyWith('/images/dans-le-texte.jpg')));
      await folder.content.write('articles/autre.md', buildArticleText());
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
      await folder.content.write(`images/pieges/${name}`, await bytes());
      const text = buildArticleText({}, bodyWith(`/images/pieges/${name}`));
      const file = await folder.content.write('articles/piege.md', text);
      await folder.content.write('articles/bon.md', buildArticleText());
      const { errors, warnings } = await check();
      expect(errors).toStrictEqual([
        { file, line: lineStartingWith(text, '![Une photo]'), column: 1, message: expect.stringContaining(`photo « /images/pieges/${name} » : ${reason}`) as unknown, hint: expect.any(String) as unknown },
      ]);
      expect(warnings).toStrictEqual([]);
      const index = await new ContentLoader(folder.content.root).load();
      expect(index.articles.map((article) => article.slug)).toStrictEqual(['bon']);
    });

    it.each(hostile)('refuses %s as a hero at the line of its src', async (_, name, bytes, reason) => {
      await folder.content.write(`images/${name}`, await bytes());
      const text = buildArticleText({ image: buildHeroImage({ src: `/images/${name}` }) });
      const file = await folder.content.write('articles/piege.md', text);
      await folder.content.write('articles/bon.md', buildArticleText());
      const { errors } = await check();
      expect(errors).toStrictEqual([
        { file, line: lineStartingWith(text, '  src:'), column: 3, field: 'image.src', message: expect.stringContaining(`photo « /images/${name} » : ${reason}`) as unknown, hint: expect.any(String) as unknown },
      ]);
      const index = await new ContentLoader(folder.content.root).load();
      expect(index.articles.map((article) => article.slug)).toStrictEqual(['bon']);
    });
  });
});
