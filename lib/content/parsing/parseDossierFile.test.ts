import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PhotoLibrary } from '../../images/photoLibrary';
import { buildDossierText, buildHeroImage, lineStartingWith } from '../testing/buildContentFile';
import { parseDossierFile } from './parseDossierFile';

const photos = new PhotoLibrary(path.resolve('content/images')).lookup;
const SOURCE_PATH = 'content/dossiers/ia-et-donnees.md';
const parse = (text: string) => parseDossierFile({ sourcePath: SOURCE_PATH, text }, { photos });

describe('parseDossierFile', () => {
  it('reads the title, the description, and the body as the introduction, with French spacing', () => {
    const result = parse(buildDossierText({ title: 'IA : nos données' }, '\nUne **série** en quatre parties.\n'));
    expect(result).toMatchObject({ ok: true, warnings: [] });
    if (!result.ok) throw new Error('expected a dossier');
    expect(result.value).toStrictEqual({
      slug: 'ia-et-donnees',
      title: 'IA\u202f: nos données',
      description: 'Comment les géants du numérique entraînent leurs modèles sur ce que nous publions.',
      intro: '<p>Une <strong>série</strong> en quatre parties.</p>',
      sourcePath: SOURCE_PATH,
      introLinks: [],
    });
  });

  it('reads the photo from the file, as an article’s', () => {
    const result = parse(buildDossierText({ image: buildHeroImage() }));
    if (!result.ok) throw new Error('expected a dossier');
    expect(result.value.image).toMatchObject({ src: '/images/meta-ia-photos-hero.png', credit: '© GettyImages' });
    expect(result.value.image?.width).toBeGreaterThan(0);
  });

  it('keeps a provider’s address in the introduction a link, with a warning at its line: only an article’s page shows embeds', () => {
    const address = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';
    const text = buildDossierText({}, `\nLe reportage :\n\n${address}\n`);
    const result = parse(text);
    if (!result.ok) throw new Error('expected a dossier');
    expect(result.value.intro).toContain(`<p><a href="${address}" rel="noopener noreferrer">${address}</a></p>`);
    expect(result.value.intro).not.toContain('data-embed');
    expect(result.warnings).toStrictEqual([
      {
        file: SOURCE_PATH,
        line: lineStartingWith(text, 'https://'),
        column: 1,
        message: `contenu YouTube non affiché ici : « ${address} » reste un simple lien`,
        hint: `les vidéos et publications ne s’affichent que dans le texte d’un article ; ici, donnez au lien son propre texte : [la vidéo](${address})`,
      },
    ]);
  });

  it.each([
    ['a missing title', { title: undefined }, 'description:', 'title'],
    ['an unknown field', { auteur: 'sikagz' }, 'auteur:', 'auteur'],
    ['a photo that is not in the folder', { image: buildHeroImage({ src: '/images/absente.jpg' }) }, '  src:', 'image.src'],
    // The rules of an article's title and photo, for the same fields.
    ['a title holding an entity', { title: 'L’IA &amp; nous' }, 'title:', 'title'],
    ['a description holding a direction command', { description: 'Une série\u202E en quatre parties.' }, 'description:', 'description'],
    ['a photo credit holding markup', { image: buildHeroImage({ credit: '© <b>Agence</b>' }) }, '  credit:', 'image.credit'],
  ])('refuses %s, at its line', (name, overrides, start, field) => {
    const text = buildDossierText(overrides);
    const result = parse(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ file: SOURCE_PATH, field });
    if (name !== 'a missing title') expect(result.errors[0]?.line).toBe(lineStartingWith(text, start));
  });
});
