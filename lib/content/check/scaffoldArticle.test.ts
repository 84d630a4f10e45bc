import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFrenchSpacing } from '../../typography/frenchSpacing';
import { parseArticleFile } from '../parsing/parseArticleFile';
import { PhotoLibrary } from '../../images/photoLibrary';
import { PLACEHOLDER, PLACEHOLDER_AUTHOR, PLACEHOLDER_IMAGE, scaffoldArticle, type Scaffold } from './scaffoldArticle';
import { lineStartingWith } from '../testing/buildContentFile';

const imageSize = new PhotoLibrary(path.resolve('content/images')).lookup;
// 12:17:42 UTC in summer: 14:17 in Paris, seconds dropped.
const NOW = new Date('2024-07-01T12:17:42Z');

function scaffolded(title: string, author?: string): Extract<Scaffold, { ok: true }> {
  const result = scaffoldArticle({ title, now: NOW, ...(author === undefined ? {} : { author }) });
  if (!result.ok) throw new Error(`expected a scaffold, got: ${result.message}`);
  return result;
}

/** What an editor does next: real text for every placeholder, a real image, then publish. */
function filledIn(text: string): string {
  return text
    .replace(/"[^"\n]*À COMPLÉTER[^"\n]*"/g, '"Un texte écrit par la rédaction"')
    .replace(/^À COMPLÉTER.*$/m, 'Le texte de l’article, enfin écrit.')
    .replace(PLACEHOLDER_IMAGE, '/images/meta-ia-photos-hero.png')
    .replace('draft: true', 'draft: false');
}

describe('scaffoldArticle', () => {
  it('names the file from the title, accents and little words dropped', () => {
    expect(scaffolded('Pour entraîner son IA, Mark Zuckerberg utilise vos photos Facebook et Instagram').slug).toBe(
      'entrainer-ia-mark-zuckerberg-utilise-photos-facebook-instagram',
    );
  });

  it('writes every field: the title, now in Paris time with its offset, a draft', () => {
    const { text } = scaffolded('L’IA de Meta : ce qu’il faut savoir', 'sikagz');
    expect(text).toMatch(/^---\ntitle: "L’IA de Meta : ce qu’il faut savoir"\n/);
    expect(text).toContain('\npublishedAt: 2024-07-01T14:17:00+02:00\n');
    expect(text).toContain('\nauthor: sikagz\n');
    expect(text).toContain('\ndraft: true\n');
    for (const field of ['description:', 'category:', 'tags: []', '# updatedAt:', '# type: Actu', 'image:', '  src:', '  alt:', '  credit:', '  caption:', '  # focus:', '# redirectFrom:']) {
      expect(text).toContain(`\n${field}`);
    }
  });

  it('recalls the quote and image conventions in comments', () => {
    const { text } = scaffolded('Un titre');
    expect(text).toContain('\n#   > Ce que la personne a dit.\n#   >\n#   > — Personne, source\n');
    expect(text).toContain('\n#   ![Ce que montre l’image](/images/x.jpg "Légende © Crédit")\n');
  });

  it('keeps a title with quotes and backslashes as written', () => {
    const { text } = scaffolded('Il a dit "non" \\ point');
    expect(text).toContain('title: "Il a dit \\"non\\" \\\\ point"');
  });

  it('is refused by the loader as it stands, at the image, which has to be chosen', () => {
    const { text } = scaffolded('Un titre', 'sikagz');
    const result = parseArticleFile({ sourcePath: 'content/articles/un-titre.md', text }, { photos: imageSize });
    expect(result).toStrictEqual({
      ok: false,
      errors: [
        {
          file: 'content/articles/un-titre.md',
          line: lineStartingWith(text, '  src:'),
          column: 3,
          field: 'image.src',
          message: `photo « ${PLACEHOLDER_IMAGE} » introuvable dans content/images/`,
          hint: 'placez le fichier dans content/images/ et écrivez son adresse ainsi : /images/photo.jpg pour content/images/photo.jpg',
        },
      ],
    });
  });

  it('parses cleanly once filled in and published, comments and all', () => {
    const text = filledIn(scaffolded('L’IA de Meta : ce qu’il faut savoir', 'sikagz').text);
    expect(text).not.toContain(PLACEHOLDER);
    const result = parseArticleFile({ sourcePath: 'content/articles/ia-meta-il-faut-savoir.md', text }, { photos: imageSize });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.warnings).toStrictEqual([]);
    expect(result.value).toMatchObject({
      title: applyFrenchSpacing('L’IA de Meta : ce qu’il faut savoir'),
      description: 'Un texte écrit par la rédaction',
      publishedAt: { iso: '2024-07-01T14:17:00+02:00' },
      authorReferences: [{ slug: 'sikagz' }],
      category: 'Un texte écrit par la rédaction',
      tags: [],
      draft: false,
      redirectFrom: [],
      body: { text: 'Le texte de l’article, enfin écrit.' },
    });
    expect(result.value.type).toBeUndefined();
  });

  it('names a placeholder author when none is given, for the content check to point at', () => {
    expect(scaffolded('Un titre').text).toContain(`\nauthor: ${PLACEHOLDER_AUTHOR}\n`);
  });

  it.each([
    ['', 'titre manquant'],
    ['   \n ', 'titre manquant'],
    ['x'.repeat(201), 'titre trop long (200 caractères au plus)'],
    ['!!!', 'le titre « !!! » ne donne pas d’adresse : il n’a ni lettre latine ni chiffre'],
  ])('refuses the title %j', (title, message) => {
    expect(scaffoldArticle({ title, now: NOW })).toMatchObject({ ok: false, message });
  });
});
