import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContentError } from '../contentError';
import { parseArticleFile, type ParsedArticle } from './parseArticleFile';
import { MAX_SLUG_LENGTH } from './frontMatterSchema';
import { PhotoLibrary } from '../../images/photoLibrary';
import { buildArticleText, buildHeroImage, lineStartingWith } from '../testing/buildContentFile';

const imageSize = new PhotoLibrary(path.resolve('content/images')).lookup;
const SOURCE_PATH = 'content/articles/test-article.md';

function parsed(text: string, sourcePath = SOURCE_PATH): ParsedArticle {
  const result = parseArticleFile({ sourcePath, text }, { photos: imageSize });
  if (!result.ok) throw new Error(`expected an article, got: ${JSON.stringify(result.errors)}`);
  expect(result.warnings).toStrictEqual([]);
  return result.value;
}

function errorsOf(text: string, sourcePath = SOURCE_PATH): ContentError[] {
  const result = parseArticleFile({ sourcePath, text }, { photos: imageSize });
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('parseArticleFile on the shipped article', () => {
  const sourcePath = 'content/articles/mark-zuckerberg-ia-photos-facebook-instagram.md';
  const article = parsed(readFileSync(path.resolve(sourcePath), 'utf8'), sourcePath);

  it('reads every front-matter field', () => {
    expect(article.slug).toBe('mark-zuckerberg-ia-photos-facebook-instagram');
    expect(article.title).toBe('Pour entraîner son IA, Mark Zuckerberg utilise vos photos Facebook et Instagram');
    expect(article.description).toMatch(/^Ce jeudi 1er février, Mark Zuckerberg a donné une présentation/);
    expect(article.publishedAt.iso).toBe('2024-02-06T16:17:00+01:00');
    expect(article.publishedAt.date.toISOString()).toBe('2024-02-06T15:17:00.000Z');
    expect(article.updatedAt).toBeUndefined();
    expect(article.authorReferences).toStrictEqual([{ slug: 'sikagz', line: 5, column: 1 }]);
    expect(article.category).toBe('Actualité');
    expect(article.tags).toStrictEqual(['Meta', 'Mark Zuckerberg', 'IA', 'Facebook', 'Instagram', 'Kaaris', 'Llama', 'Elon Musk', 'Grok']);
    expect(article.image).toStrictEqual({
      src: '/images/meta-ia-photos-hero.png',
      alt: 'Illustration de remplacement : une grille de photos reliée par des pointillés à un schéma de réseau de neurones',
      width: 1600,
      height: 900,
      hash: expect.stringMatching(/^[0-9a-f]{16}$/) as unknown,
      credit: '© GettyImages',
    });
    expect(article.draft).toBe(false);
    expect(article.sourcePath).toBe(sourcePath);
  });

  it('extracts the two attributed quotes and the credited figure', () => {
    expect(article.body.quotes.map(({ speaker, source }) => ({ speaker, source }))).toStrictEqual([
      { speaker: 'Kaaris', source: 'au micro de Dose Rap' },
      { speaker: 'Mark Zuckerberg', source: 'lors de la présentation des résultats de Meta aux investisseurs' },
    ]);
    expect(article.body.quotes[0]?.text).toMatch(/^On me demande ça tous les jours.*Tu ne peux pas lutter contre l’évolution frère\.$/);
    expect(article.figures).toStrictEqual([
      {
        src: '/images/meta-ia-photos-inline.png',
        alt: 'Illustration de remplacement : un smartphone affichant une grille de photos, relié à une puce marquée « IA »',
        width: 1200,
        height: 800,
        hash: expect.stringMatching(/^[0-9a-f]{16}$/) as unknown,
        caption: 'Pour entraîner son IA, Mark Zuckerberg utilise vos photos Facebook et Instagram',
        credit: '© GettyImages',
      },
    ]);
    expect(article.readingTimeMinutes).toBe(2);
  });

  it('renders the body of the original article and nothing of its page chrome', () => {
    expect(article.body.html).toContain('<figcaption>— Kaaris, <cite>au micro de Dose Rap</cite></figcaption>');
    expect(article.body.html).toContain(
      '<figcaption>— Mark Zuckerberg, <cite>lors de la présentation des résultats de Meta aux investisseurs</cite></figcaption>',
    );
    const hash = article.figures[0]?.hash ?? '';
    expect(article.body.html).toContain(
      `<img src="/photos/${hash}/w1080-jpeg/meta-ia-photos-inline.png.jpeg" alt="Illustration de remplacement : un smartphone affichant une grille de photos, relié à une puce marquée « IA »"` +
        ` srcset="/photos/${hash}/w320/meta-ia-photos-inline.png 320w, /photos/${hash}/w480/meta-ia-photos-inline.png 480w, /photos/${hash}/w640/meta-ia-photos-inline.png 640w,` +
        ` /photos/${hash}/w800/meta-ia-photos-inline.png 800w, /photos/${hash}/w1080/meta-ia-photos-inline.png 1080w, /photos/${hash}/w1280/meta-ia-photos-inline.png 1200w"` +
        ' sizes="(min-width: 42rem) 40rem, calc(100vw - 2rem)" width="1200" height="800" loading="lazy" decoding="async">',
    );
    // Sentences from the original page (shared/seed/gentsu-meta-ia-photos.txt), copied exactly.
    for (const sentence of [
      'Souvenez-vous de la mode des avatars générés grâce à des applications.',
      'J’étais dans mon coin et tout (…) J’ai commencé avec Chou Daddy mais je crois qu’il y en avait déjà avant (…) Tu ne peux pas lutter contre l’évolution frère.',
      'Nous estimons que cela est plus grand que le Common Crawl (l’une des plus grandes bases de données en ligne au monde, ndlr).',
      'Reste à savoir si cela aura un danger sur l’intimité des individus dans les mois à venir ou non.',
    ]) {
      expect(article.body.html).toContain(sentence);
    }
    expect(article.body.html).not.toContain('Plus d’articles sur');
    expect(article.body.html).not.toMatch(/<h1/);
  });
});

describe('parseArticleFile on a valid article', () => {
  it('applies defaults and reads the reading time from the body length', () => {
    const article = parsed(buildArticleText({ tags: undefined }, `\n${'mot '.repeat(231)}\n`));
    expect(article.tags).toStrictEqual([]);
    expect(article.draft).toBe(false);
    expect(article.readingTimeMinutes).toBe(2);
  });

  it('reads draft and updatedAt', () => {
    const article = parsed(buildArticleText({ draft: true, updatedAt: '2024-02-07 09:30' }));
    expect(article.draft).toBe(true);
    expect(article.updatedAt?.iso).toBe('2024-02-07T09:30:00+01:00');
  });

  it('reads redirectFrom, remembering the line of each former slug', () => {
    const text = buildArticleText({ redirectFrom: ['ancien-nom', 'tout-premier-nom'] });
    const article = parsed(text);
    expect(article.redirectFrom).toStrictEqual(['ancien-nom', 'tout-premier-nom']);
    expect(article.redirectReferences).toStrictEqual([
      { slug: 'ancien-nom', line: lineStartingWith(text, '  - ancien-nom'), column: 5 },
      { slug: 'tout-premier-nom', line: lineStartingWith(text, '  - tout-premier-nom'), column: 5 },
    ]);
    expect(parsed(buildArticleText()).redirectFrom).toStrictEqual([]);
  });

  it.each(['2024-02-06T16:17:00+01:00', '2024-02-06 16:17', '2024-02-06T15:17:00Z'])('reads the date %s the same written bare or between quotes', (written) => {
    const bare = parsed(buildArticleText().replace(/^publishedAt: .*$/m, `publishedAt: ${written}`));
    const quoted = parsed(buildArticleText().replace(/^publishedAt: .*$/m, `publishedAt: "${written}"`));
    expect(quoted.publishedAt).toStrictEqual(bare.publishedAt);
    expect(bare.publishedAt.date.toISOString()).toBe('2024-02-06T15:17:00.000Z');
  });

  it('accepts a file saved with Windows line endings', () => {
    const article = parsed(buildArticleText({ draft: true }).replace(/\n/g, '\r\n'));
    expect(article.draft).toBe(true);
    expect(article.authorReferences).toMatchObject([{ slug: 'sikagz', line: 5 }]);
  });
});

describe('parseArticleFile with several authors', () => {
  it('keeps every author of `authors:` in the byline’s order, each pointing at its line', () => {
    const text = buildArticleText({ author: undefined, authors: ['sikagz', 'lea-martin'] });
    const line = lineStartingWith(text, 'authors:');
    expect(parsed(text).authorReferences).toStrictEqual([
      { slug: 'sikagz', line: line + 1, column: 5 },
      { slug: 'lea-martin', line: line + 2, column: 5 },
    ]);
  });

  it('takes a list of one as a single author', () => {
    expect(parsed(buildArticleText({ author: undefined, authors: ['sikagz'] })).authorReferences).toMatchObject([{ slug: 'sikagz' }]);
  });
});

describe('parseArticleFile with corrections', () => {
  it('keeps them newest first, dated as written and spaced the French way', () => {
    const article = parsed(
      buildArticleText({
        corrections: [
          { date: '2024-02-07 10:00', text: 'Une première version citait Meta ; la phrase est de Kaaris.' },
          { date: '2024-02-09T08:30:00+01:00', text: 'Le chiffre était faux : 12 et non 21.' },
        ],
      }),
    );
    expect(article.corrections.map((correction) => correction.date.iso)).toStrictEqual(['2024-02-09T08:30:00+01:00', '2024-02-07T10:00:00+01:00']);
    expect(article.corrections[1]?.text).toBe('Une première version citait Meta\u202F; la phrase est de Kaaris.');
    expect(article.editorFacts.corrections.map(({ iso, written }) => [iso, written])).toStrictEqual([
      ['2024-02-07T10:00:00+01:00', '2024-02-07 10:00'],
      ['2024-02-09T08:30:00+01:00', '2024-02-09T08:30:00+01:00'],
    ]);
  });

  it('has none unless the front matter gives some', () => {
    expect(parsed(buildArticleText()).corrections).toStrictEqual([]);
  });
});

describe('parseArticleFile reads every front-matter text by the rules titles follow', () => {
  const lineOf = (overrides: Record<string, unknown>, start: string) => lineStartingWith(buildArticleText(overrides), start);

  it.each<[string, Record<string, unknown>, string, string]>([
    // Written as an entity, markup is what a feed reader reads: the same as writing it.
    ['title', { title: 'Le &lt;script&gt; du jour' }, 'title:', '« &lt; » est une entité HTML : la page l’afficherait telle quelle, les lecteurs de flux comme le caractère qu’elle code'],
    ['description', { description: 'Un chapô &#60;b&#62;gras&#60;/b&#62;' }, 'description:', '« &#60; » est une entité HTML : la page l’afficherait telle quelle, les lecteurs de flux comme le caractère qu’elle code'],
    ['description', { description: 'Sans point-virgule, &lt reste un chevron pour un lecteur de flux' }, 'description:', '« &lt » est une entité HTML : la page l’afficherait telle quelle, les lecteurs de flux comme le caractère qu’elle code'],
    ['image.credit', { image: buildHeroImage({ credit: '&copy; AFP' }) }, '  credit:', '« &copy; » est une entité HTML : la page l’afficherait telle quelle, les lecteurs de flux comme le caractère qu’elle code'],
    ['corrections.0.text', { corrections: [{ date: '2024-02-07 10:00', text: 'Il fallait lire R&amp;D.' }] }, '    text:', '« &amp; » est une entité HTML : la page l’afficherait telle quelle, les lecteurs de flux comme le caractère qu’elle code'],
    ['tags.0', { tags: ['C&lt;3'] }, '  - C&lt;3', '« &lt; » est une entité HTML : la page l’afficherait telle quelle, les lecteurs de flux comme le caractère qu’elle code'],
    // Markup in the hero's text, as in the title: it goes to the same feeds and search engines.
    ['image.alt', { image: buildHeroImage({ alt: '<img src=x onerror=alert(1)>' }) }, '  alt:', 'les chevrons < et > ne sont pas permis ici : le texte d’une photo part dans les flux et les moteurs de recherche, comme le titre'],
    ['image.caption', { image: buildHeroImage({ caption: 'Une <b>légende</b>' }) }, '  caption:', 'les chevrons < et > ne sont pas permis ici : le texte d’une photo part dans les flux et les moteurs de recherche, comme le titre'],
    ['image.credit', { image: buildHeroImage({ credit: '© <script>' }) }, '  credit:', 'les chevrons < et > ne sont pas permis ici : le texte d’une photo part dans les flux et les moteurs de recherche, comme le titre'],
    // Characters nobody sees, written as they are or as YAML escapes (the helper escapes controls: "\0", "\a").
    ['title', { title: 'Facture \u202Efdp.exe' }, 'title:', 'caractère invisible U+202E (commande de sens d’écriture) après « Facture »'],
    ['description', { description: 'Un chapô\u2066 isolé' }, 'description:', 'caractère invisible U+2066 (commande de sens d’écriture) après « Un chapô »'],
    ['tags.0', { tags: ['Me\u200Bta'] }, '  - Me', 'caractère invisible U+200B (caractère sans chasse) après « Me »'],
    ['category', { category: 'Actu\uFEFFalité' }, 'category:', 'caractère invisible U+FEFF (caractère sans chasse) après « Actu »'],
    ['title', { title: '\u202DTitre' }, 'title:', 'caractère invisible U+202D (commande de sens d’écriture) au début'],
    ['image.alt', { image: buildHeroImage({ alt: 'Une photo\0' }) }, '  alt:', 'caractère invisible U+0000 (caractère de contrôle) après « Une photo »'],
    ['corrections.0.text', { corrections: [{ date: '2024-02-07 10:00', text: 'Corrigé\u0007.' }] }, '    text:', 'caractère invisible U+0007 (caractère de contrôle) après « Corrigé »'],
  ])('refuses in %s what a reader would not see as written (%j)', (field, overrides, start, message) => {
    expect(errorsOf(buildArticleText(overrides))).toStrictEqual([expect.objectContaining({ file: SOURCE_PATH, field, line: lineOf(overrides, start), message, hint: expect.stringMatching(/\S/) as unknown })]);
  });

  it('refuses an invisible character written as a YAML escape as it refuses the character itself', () => {
    const escaped = buildArticleText().replace(/^title: .*$/m, 'title: "Facture \\u202Efdp.exe"');
    expect(escaped).toContain('\\u202E');
    expect(errorsOf(escaped)).toStrictEqual([expect.objectContaining({ field: 'title', line: 2, message: 'caractère invisible U+202E (commande de sens d’écriture) après « Facture »' })]);
  });

  it('refuses a control character written in the body or the front matter as it is, at its line and column', () => {
    const inBody = buildArticleText({}, '\nUn copier-coller de Word :\u000Bune tabulation verticale.\n');
    expect(errorsOf(inBody)).toStrictEqual([
      {
        file: SOURCE_PATH,
        line: lineStartingWith(inBody, 'Un copier-coller'),
        column: 27,
        message: 'caractère invisible U+000B (caractère de contrôle) après « de Word : »',
        hint: 'supprimez-le (souvent un reste de copier-coller depuis Word ou un PDF) : la page ne le montre pas, et un flux RSS ou Atom qui le contient est illisible',
      },
    ]);
    const inFrontMatter = buildArticleText().replace(/^title: (.*)$/m, 'title: $1\u0001');
    expect(errorsOf(inFrontMatter)).toStrictEqual([expect.objectContaining({ line: 2, message: 'caractère invisible U+0001 (caractère de contrôle) après « utilise vos photos »' })]);
  });

  it('keeps an ampersand that starts no entity, and tabs and line breaks', () => {
    const article = parsed(buildArticleText({ title: 'Procter & Gamble, AT&T, H&M et la R&D : Dolce&Gabbana', description: 'Un chapô\nsur deux lignes,\tavec une tabulation.', tags: ['R&D'] }));
    expect(article.title).toBe('Procter & Gamble, AT&T, H&M et la R&D\u202F: Dolce&Gabbana');
    expect(article.tags).toStrictEqual(['R&D']);
  });

  it('keeps the direction marks right-to-left names need', () => {
    expect(parsed(buildArticleText({ title: 'L’entretien de \u200Fعلي\u200F' })).title).toBe('L’entretien de \u200Fعلي\u200F');
  });
});

describe('parseArticleFile on an invalid article', () => {
  const text = buildArticleText();
  const imageLine = lineStartingWith(text, 'image:');

  it.each<[string, Record<string, unknown>, Partial<ContentError>]>([
    ['a missing title', { title: undefined }, { field: 'title', line: 1, message: 'champ obligatoire manquant' }],
    ['an empty title', { title: '  ' }, { field: 'title', line: 2, message: 'valeur vide' }],
    ['a title given as a number', { title: 42 }, { field: 'title', line: 2, message: 'attendu du texte, trouvé le nombre 42' }],
    ['a draft flag given as text', { draft: 'oui' }, { field: 'draft', line: lineStartingWith(buildArticleText({ draft: 'oui' }), 'draft:'), message: 'attendu true ou false, trouvé « oui »' }],
    ['an author that is not a slug', { author: 'Sika Gz' }, { field: 'author', line: 5 }],
    ['no author at all', { author: undefined }, { field: 'author', line: 1, message: 'champ obligatoire manquant' }],
    ['author and authors both', { authors: ['lea-martin'] }, { field: 'authors', line: lineStartingWith(buildArticleText({ authors: ['lea-martin'] }), 'authors:'), message: 'author et authors à la fois', hint: 'gardez-en un : « authors: [a, b] » pour plusieurs auteurs, ou « author: a » pour un seul' }],
    ['an author named twice', { author: undefined, authors: ['sikagz', 'lea-martin', 'sikagz'] }, { field: 'authors.2', line: lineStartingWith(buildArticleText({ author: undefined, authors: ['sikagz', 'lea-martin', 'sikagz'] }), 'authors:') + 3, message: 'auteur « sikagz » cité deux fois' }],
    ['a correction dated before the publication', { corrections: [{ date: '2024-02-06 16:00', text: 'Trop tôt.' }] }, { field: 'corrections.0.date', line: lineStartingWith(buildArticleText({ corrections: [{ date: '2024-02-06 16:00', text: 'Trop tôt.' }] }), '  - date:'), message: 'rectificatif daté d’avant la publication' }],
    ['a correction without text', { corrections: [{ date: '2024-02-07 10:00' }] }, { field: 'corrections.0.text', line: lineStartingWith(buildArticleText({ corrections: [{ date: '2024-02-07 10:00' }] }), 'corrections:'), message: 'champ obligatoire manquant', hint: 'ajoutez-le, par exemple « text: "Une première version de cet article … ; c’est corrigé." »' }],
    ['a correction with an impossible date', { corrections: [{ date: '2024-02-30 10:00', text: 'Rectifié.' }] }, { field: 'corrections.0.date', line: lineStartingWith(buildArticleText({ corrections: [{ date: '2024-02-30 10:00', text: 'Rectifié.' }] }), '  - date:') }],
    ['an empty list of authors', { author: undefined, authors: [] }, { field: 'authors', line: lineStartingWith(buildArticleText({ author: undefined, authors: [] }), 'authors:') }],
    ['an image without alt', { image: buildHeroImage({ alt: undefined }) }, { field: 'image.alt', line: imageLine, message: 'champ obligatoire manquant' }],
    ['an image without credit', { image: buildHeroImage({ credit: undefined }) }, { field: 'image.credit', line: imageLine }],
    ['an image given by a remote URL', { image: buildHeroImage({ src: 'https://example.com/a.png' }) }, { field: 'image.src', line: imageLine + 1 }],
    ['a former address written as a path', { redirectFrom: ['/article/ancien'] }, { field: 'redirectFrom.0', line: lineStartingWith(buildArticleText({ redirectFrom: ['/article/ancien'] }), '  - /article'), message: 'forme invalide : « /article/ancien »', hint: 'écrivez par exemple « redirectFrom: [ancien-nom-du-fichier] (les anciens noms, sans /article/ ni .md) »' }],
    ['a title holding markup', { title: 'Titre<script>alert(1)</script>' }, { field: 'title', line: 2, message: 'les chevrons < et > ne sont pas permis ici : les flux RSS et Atom les liraient comme du HTML' }],
    ['a standfirst holding markup', { description: 'Chapô <img src=x onerror=alert(1)>' }, { field: 'description', line: 3, hint: 'écrivez les guillemets « », ou « inférieur à » / « supérieur à » en toutes lettres' }],
    ['a tag holding angle brackets', { tags: ['C<3'] }, { field: 'tags.0', line: lineStartingWith(buildArticleText({ tags: ['C<3'] }), 'tags:') + 1, message: 'les chevrons < et > ne sont pas permis dans un nom de rubrique ou de sujet' }],
    ['a former address longer than a file name may be', { redirectFrom: [`ancien-${'nom-'.repeat(60)}fin`] }, { field: 'redirectFrom.0', line: lineStartingWith(buildArticleText({ redirectFrom: [`ancien-${'nom-'.repeat(60)}fin`] }), '  - ancien'), message: 'texte trop long (200 caractères au plus)' }],
    ['an update dated before the publication', { updatedAt: '2024-02-06 16:00' }, { field: 'updatedAt', line: lineStartingWith(buildArticleText({ updatedAt: '2024-02-06 16:00' }), 'updatedAt:'), message: 'mise à jour datée d’avant la publication' }],
  ])('reports %s with the file, field and line', (_, overrides, expected) => {
    expect(errorsOf(buildArticleText(overrides))).toStrictEqual([
      { file: SOURCE_PATH, column: expect.any(Number) as unknown, hint: expect.any(String) as unknown, message: expect.any(String) as unknown, ...expected },
    ]);
  });

  it('reports an impossible date at its line', () => {
    const invalid = buildArticleText({ publishedAt: '2024-02-30' });
    expect(errorsOf(invalid)).toStrictEqual([
      {
        file: SOURCE_PATH,
        line: lineStartingWith(invalid, 'publishedAt:'),
        column: 1,
        field: 'publishedAt',
        message: expect.stringContaining('« 2024-02-30 »') as unknown,
        hint: 'vérifiez le jour et le mois',
      },
    ]);
  });

  it('reports every problem of the file at once', () => {
    const fields = errorsOf(buildArticleText({ title: undefined, publishedAt: 'hier', description: '' })).map((error) => error.field);
    expect(fields.sort()).toStrictEqual(['description', 'publishedAt', 'title']);
  });

  it('reports a missing author beside the other errors, not after them', () => {
    const fields = errorsOf(buildArticleText({ title: undefined, author: undefined })).map((error) => error.field);
    expect(fields.sort()).toStrictEqual(['author', 'title']);
  });

  it('suggests the nearest field name for a misspelt key', () => {
    const invalid = buildArticleText({ titel: 'Bonjour' });
    expect(errorsOf(invalid)).toStrictEqual([
      expect.objectContaining({ field: 'titel', line: lineStartingWith(invalid, 'titel:'), hint: 'vouliez-vous dire « title » ?' }),
    ]);
  });

  it('lists the possible fields for an unknown key in the image', () => {
    const invalid = buildArticleText({ image: buildHeroImage({ legende: 'Une photo' }) });
    expect(errorsOf(invalid)).toStrictEqual([
      expect.objectContaining({
        field: 'image.legende',
        line: lineStartingWith(invalid, '  legende:'),
        column: 3,
        hint: 'retirez-le ; champs possibles : src, alt, width, height, credit, caption, focus',
      }),
    ]);
  });

  it('reports a hero photo that is not in content/images/, naming the closest one', () => {
    const invalid = buildArticleText({ image: buildHeroImage({ src: '/images/meta-ia-photo-hero.png' }) });
    expect(errorsOf(invalid)).toStrictEqual([
      expect.objectContaining({
        field: 'image.src',
        line: lineStartingWith(invalid, '  src:'),
        message: 'photo « /images/meta-ia-photo-hero.png » introuvable dans content/images/',
        hint: 'vouliez-vous dire « /images/meta-ia-photos-hero.png » ? Sinon, placez le fichier dans content/images/',
      }),
    ]);
  });

  it('reports a written height that is not the file’s, giving both', () => {
    const invalid = buildArticleText({ image: buildHeroImage({ width: 1600, height: 1000 }) });
    expect(errorsOf(invalid)).toStrictEqual([
      expect.objectContaining({
        field: 'image.height',
        line: lineStartingWith(invalid, '  height:'),
        message: '1600×1000 écrit, mais le fichier « /images/meta-ia-photos-hero.png » mesure 1600×900',
        hint: 'retirez width et height (la taille est lue dans le fichier), ou écrivez width: 1600 et height: 900',
      }),
    ]);
  });

  it('reads the size from the file, and accepts a written size that matches it', () => {
    expect(parsed(buildArticleText()).image).toMatchObject({ width: 1600, height: 900 });
    expect(parsed(buildArticleText({ image: buildHeroImage({ width: 1600, height: 900 }) })).image).toMatchObject({ width: 1600, height: 900 });
  });

  it('reads a focus point, and refuses one outside the photo at its line', () => {
    expect(parsed(buildArticleText({ image: buildHeroImage({ focus: '30% 40%' }) })).image.focus).toStrictEqual({ x: 30, y: 40 });
    const invalid = buildArticleText({ image: buildHeroImage({ focus: '130% 40%' }) });
    expect(errorsOf(invalid)).toStrictEqual([expect.objectContaining({ field: 'image.focus', line: lineStartingWith(invalid, '  focus:'), message: 'point de cadrage « 130% 40% » hors de l’image' })]);
  });

  it('refuses front matter that is not YAML', () => {
    expect(errorsOf(buildArticleText().replace(/^---\n/, '---js\n'))).toStrictEqual([
      expect.objectContaining({ file: SOURCE_PATH, line: 1, column: 1, message: expect.stringContaining('---js') as unknown }),
    ]);
  });

  it('refuses a file name that is not a valid slug and suggests one', () => {
    const sourcePath = 'content/articles/Mon Article.md';
    expect(errorsOf(buildArticleText(), sourcePath)).toStrictEqual([
      {
        file: sourcePath,
        message: 'nom de fichier « Mon Article.md » invalide : il donne l’adresse de la page',
        hint: expect.stringContaining('« mon-article.md »') as unknown,
      },
    ]);
  });

  it('refuses a file name too long for an address and a cache tag, and suggests a shorter one', () => {
    const words = Array.from({ length: 40 }, (_, index) => `mot${index}`).join('-');
    const sourcePath = `content/articles/${words}.md`;
    expect(words.length).toBeGreaterThan(MAX_SLUG_LENGTH);
    const [error] = errorsOf(buildArticleText(), sourcePath);
    expect(error?.message).toBe(`nom de fichier de ${words.length} caractères : l’adresse de la page en prend ${MAX_SLUG_LENGTH} au plus`);
    const suggested = /« (.+)\.md »/.exec(error?.hint ?? '')?.[1] ?? '';
    expect(suggested.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(words.startsWith(`${suggested}-`)).toBe(true);
    expect(parseArticleFile({ sourcePath: `content/articles/${'a'.repeat(MAX_SLUG_LENGTH)}.md`, text: buildArticleText() }, { photos: imageSize }).ok).toBe(true);
  });

  it('warns, at its line in the file, about raw HTML the page will not show', () => {
    const text = buildArticleText({}, '\nIntroduction.\n\n<iframe src="https://video.example/embed/1"></iframe>\n');
    const result = parseArticleFile({ sourcePath: SOURCE_PATH, text }, { photos: imageSize });
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.warnings).toStrictEqual([
      {
        file: SOURCE_PATH,
        line: lineStartingWith(text, '<iframe'),
        column: 1,
        message: 'HTML retiré de la page : « <iframe src="https://video.example/embed/1"></iframe> »',
        hint: 'le site n’affiche pas le HTML écrit dans le texte : écrivez-le en Markdown (**gras**, [lien](https://…)) ou supprimez-le',
      },
    ]);
  });

  it('keeps the providers of the body’s embeds with its body, and none for a body without', () => {
    const text = buildArticleText({}, '\nIntroduction.\n\nhttps://vimeo.com/76979871\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n');
    expect(parsed(text).body.embeds).toStrictEqual(['vimeo', 'youtube']);
    expect(parsed(buildArticleText()).body).not.toHaveProperty('embeds');
  });

  it('warns, at its line in the file, about a provider’s address that shows nothing', () => {
    const text = buildArticleText({}, '\nIntroduction.\n\nhttps://www.tiktok.com/@franceinfo\n');
    const result = parseArticleFile({ sourcePath: SOURCE_PATH, text }, { photos: imageSize });
    expect(result.ok && result.warnings).toStrictEqual([
      {
        file: SOURCE_PATH,
        line: lineStartingWith(text, 'https://www.tiktok.com'),
        column: 1,
        message: 'adresse TikTok qui ne montre aucun contenu : « https://www.tiktok.com/@franceinfo » reste un simple lien',
        hint: 'pour montrer une vidéo ou une publication, collez son adresse à elle, seule sur sa ligne (https://www.tiktok.com/@compte/video/1234567890)',
      },
    ]);
  });

  it('reports a body image without credit at its line in the file', () => {
    const invalid = buildArticleText({}, '\nIntroduction.\n\n![Un smartphone](/images/meta-ia-photos-inline.png)\n');
    expect(errorsOf(invalid)).toStrictEqual([
      {
        file: SOURCE_PATH,
        line: lineStartingWith(invalid, '![Un smartphone]'),
        column: 1,
        message: 'image « /images/meta-ia-photos-inline.png » sans crédit',
        hint: expect.any(String) as unknown,
      },
    ]);
  });
});
