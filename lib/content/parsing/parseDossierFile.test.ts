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
    });
  });

  it('reads the photo from the file, as an article’s', () => {
    const result = parse(buildDossierText({ image: buildHeroImage() }));
    if (!result.ok) throw new Error('expected a dossier');
    expect(result.value.image).toMatchObject({ src: '/images/meta-ia-photos-hero.png', credit: '© GettyImages' });
    expect(result.value.image?.width).toBeGreaterThan(0);
  });

  it.each([
    ['a missing title', { title: undefined }, 'description:', 'title'],
    ['an unknown field', { auteur: 'sikagz' }, 'auteur:', 'auteur'],
    ['a photo that is not in the folder', { image: buildHeroImage({ src: '/images/absente.jpg' }) }, '  src:', 'image.src'],
  ])('refuses %s, at its line', (_name, overrides, start, field) => {
    const text = buildDossierText(overrides);
    const result = parse(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ file: SOURCE_PATH, field });
    if (field !== 'title') expect(result.errors[0]?.line).toBe(lineStartingWith(text, start));
  });
});
