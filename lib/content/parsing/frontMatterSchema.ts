import { z } from 'zod';
import { parseDateTime, type DateWithOffset } from '../../dates/parseDateTime';
import { FOCUS_EXAMPLE, parseFocus } from '../../images/focusPoint';
import { slugify, SLUG_PATTERN } from '../../slugify';
import { characterReferenceIn, CHEVRONS_HINT, hasChevrons, invisibleCharacterIn } from './textRules';

/**
 * Every text of the front matter, whatever the field: shown as written on the
 * page, so nothing in it may read otherwise elsewhere. A character nobody
 * sees, or an entity (`&lt;`), which the page prints as typed but a feed
 * reader decodes (into `<` for this one), is refused like the character it
 * hides would be.
 */
const text = (maximum: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(maximum)
    .superRefine((value, context) => {
      const invisible = invisibleCharacterIn(value);
      const reference = invisible ? undefined : characterReferenceIn(value);
      if (invisible) {
        context.addIssue({ code: 'custom', message: invisible.description, params: { hint: 'supprimez-le (souvent un reste de copier-coller) : il ne se voit pas, mais change ce que montrent la page, les flux ou les adresses des sujets' } });
      } else if (reference) {
        context.addIssue({
          code: 'custom',
          message: `« ${reference} » est une entité HTML : la page l’afficherait telle quelle, les lecteurs de flux comme le caractère qu’elle code`,
          params: { hint: 'écrivez le caractère lui-même (©, é, « »…), les chevrons en toutes lettres ; un « & » seul reste permis, comme dans « Procter & Gamble »' },
        });
      }
    });


const dateTime = z.string().transform((value, context) => {
  const result = parseDateTime(value);
  if (result.ok) return result.value;
  context.issues.push({ code: 'custom', message: result.message, input: value, params: { hint: result.hint } });
  return z.NEVER;
});

/**
 * The title and standfirst travel into the Atom feed as `type="html"` and into RSS
 * descriptions, which readers parse as HTML: a `<` there would be markup in every
 * feed reader. French text has no use for chevrons (« » are quotes), so refuse them.
 */
const headline = (maximum: number) => noChevrons(text(maximum), 'les chevrons < et > ne sont pas permis ici : les flux RSS et Atom les liraient comme du HTML');

/** A text that refuses `<` and `>` (textRules.ts), saying why in `error`. */
function noChevrons(schema: z.ZodString, error: string) {
  return schema.refine((value) => !hasChevrons(value), { error, params: { hint: CHEVRONS_HINT } });
}

/**
 * A photo's alt text, credit and caption go where the title goes (feeds,
 * JSON-LD, share cards), escaped there, but under the title's rule all the
 * same: nothing that reaches a feed or a search engine looks like markup.
 */
const photoText = (maximum: number) =>
  noChevrons(text(maximum), 'les chevrons < et > ne sont pas permis ici : le texte d’une photo part dans les flux et les moteurs de recherche, comme le titre');

/** A photo of the content folder, such as `/images/photo.jpg`; never a remote or relative URL. */
const photoPath = z.string().regex(/^\/(?!\/)[^\s?#\\]+$/);

/** `focus: 30% 40%`: the point every crop of the photo keeps in frame. */
const focusPoint = z.string().transform((value, context) => {
  const result = parseFocus(value);
  if (result.ok) return result.focus;
  context.issues.push({ code: 'custom', message: result.message, input: value, params: { hint: result.hint } });
  return z.NEVER;
});

/**
 * A slug is in the page's address and in its cache tags (`article:<slug>`),
 * which Next and CDNs take up to 256 characters: 200 leaves room for the
 * longest prefix, and no headline needs more.
 */
export const MAX_SLUG_LENGTH = 200;

/** A slug written in the front matter (an author, a former slug, a dossier): the same rule as a file name, length included. */
const slugReference = z.string().regex(SLUG_PATTERN).max(MAX_SLUG_LENGTH);

/** A section or tag name: it becomes a URL, so it needs at least one letter or digit. */
const termName = text(60)
  .refine((name) => name.trim() === '' || slugify(name) !== '', {
    error: 'nom sans lettre ni chiffre : il ne peut pas donner d’adresse de page',
  })
  // Names travel into feed attributes, which the feed library escapes only partly.
  .refine((name) => !hasChevrons(name), { error: 'les chevrons < et > ne sont pas permis dans un nom de rubrique ou de sujet' });

/** The kinds of article that get a label above the title. */
export const ARTICLE_TYPES = ['Actu', 'Interview', 'Critique', 'Tribune'] as const;

/** A byline of more names is a list of contributors, not a byline. */
export const MAX_AUTHORS = 10;

/** More corrections than this is an article to rewrite. */
export const MAX_CORRECTIONS = 50;

/** In a refinement that also runs on input that failed (`when`), a date field may still be raw text. */
const isDate = (value: unknown): value is DateWithOffset => typeof value === 'object' && value !== null && (value as { date?: unknown }).date instanceof Date;

/** The hero image as written in front matter. */
export const heroImageSchema = z.strictObject({
  src: photoPath,
  alt: photoText(300),
  /** Read from the file; still accepted when written, if it matches. */
  width: z.int().positive().max(100_000).optional(),
  height: z.int().positive().max(100_000).optional(),
  credit: photoText(200),
  caption: photoText(500).optional(),
  focus: focusPoint.optional(),
});

/** An article's front matter, as an editor writes it. */
export const articleFrontMatterSchema = z.strictObject({
  title: headline(200),
  description: headline(500),
  publishedAt: dateTime,
  updatedAt: dateTime.optional(),
  /** One author; `authors` for several (one of the two, never both: see below). */
  author: slugReference.optional(),
  authors: z.array(slugReference).min(1).max(MAX_AUTHORS).optional(),
  category: termName,
  tags: z.array(termName).max(30).default([]),
  type: z.enum(ARTICLE_TYPES).optional(),
  image: heroImageSchema,
  draft: z.boolean().default(false),
  /** Former slugs of a renamed article; their addresses redirect to this one. */
  redirectFrom: z.array(slugReference).max(50).default([]),
  /** Public corrections, each dated: shown at the end of the article, newest first. */
  corrections: z.array(z.strictObject({ date: dateTime, text: headline(1_000) })).max(MAX_CORRECTIONS).default([]),
  /** Live coverage: the body's `## 16:45 …` headings are its entries (lib/content/parsing/markdown/remarkLiveEntries.ts). */
  live: z.boolean().default(false),
  /** When live coverage ends; without it, it goes on. */
  liveUntil: dateTime.optional(),
  /** The series the article belongs to: the name of a file of content/dossiers/. */
  dossier: slugReference.optional(),
}).superRefine(
  (frontMatter, context) => {
    const { author, authors, publishedAt, updatedAt, corrections, live, liveUntil } = frontMatter;
    // An update, like a correction, follows the publication: « Mis à jour le » and dateModified never come before it.
    if (isDate(updatedAt) && isDate(publishedAt) && updatedAt.date < publishedAt.date) {
      context.addIssue({ code: 'custom', path: ['updatedAt'], message: 'mise à jour datée d’avant la publication', params: { hint: 'updatedAt suit la publication : vérifiez sa date et celle de publishedAt' } });
    }
    if (liveUntil !== undefined && live !== true) {
      context.addIssue({ code: 'custom', path: ['liveUntil'], message: 'liveUntil sans live: true', params: { hint: 'ajoutez « live: true » pour un direct, ou retirez liveUntil' } });
    } else if (isDate(liveUntil) && isDate(publishedAt) && liveUntil.date < publishedAt.date) {
      context.addIssue({ code: 'custom', path: ['liveUntil'], message: 'fin du direct avant sa publication', params: { hint: 'liveUntil est la fin du direct : vérifiez sa date et celle de publishedAt' } });
    }
    if (Array.isArray(corrections) && isDate(publishedAt)) {
      corrections.forEach(({ date }, index) => {
        if (isDate(date) && date.date < publishedAt.date) {
          context.addIssue({ code: 'custom', path: ['corrections', index, 'date'], message: 'rectificatif daté d’avant la publication', params: { hint: 'un rectificatif suit la publication : vérifiez sa date et celle de publishedAt' } });
        }
      });
    }
    if (author === undefined && authors === undefined) {
      context.addIssue({ code: 'custom', path: ['author'], message: 'champ obligatoire manquant', params: { hint: `ajoutez-le, par exemple « ${FIELD_EXAMPLES.author} », ou « ${FIELD_EXAMPLES.authors} » pour plusieurs` } });
    } else if (author !== undefined && authors !== undefined) {
      context.addIssue({ code: 'custom', path: ['authors'], message: 'author et authors à la fois', params: { hint: 'gardez-en un : « authors: [a, b] » pour plusieurs auteurs, ou « author: a » pour un seul' } });
    }
    if (!Array.isArray(authors)) return;
    authors.forEach((slug, index) => {
      if (authors.indexOf(slug) !== index) context.addIssue({ code: 'custom', path: ['authors', index], message: `auteur « ${String(slug)} » cité deux fois`, params: { hint: 'retirez le doublon' } });
    });
  },
  // Checked even when other fields are wrong, so that every error of the file is listed at once.
  { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
);

/** An author's front matter; the slug is the file name. */
export const authorFrontMatterSchema = z.strictObject({
  // Both travel into feeds (the author's channel title and description, each item's author) as titles do.
  name: headline(100),
  bio: headline(600),
});

/** A dossier's front matter (`content/dossiers/<slug>.md`); its body, optional, introduces it on its page. */
export const dossierFrontMatterSchema = z.strictObject({
  title: headline(200),
  description: headline(500),
  image: heroImageSchema.optional(),
});

export type ArticleFrontMatter = z.infer<typeof articleFrontMatterSchema>;
export type AuthorFrontMatter = z.infer<typeof authorFrontMatterSchema>;

/**
 * One line of example per field, shown in error hints so an editor sees the
 * expected shape next to what they wrote.
 */
export const FIELD_EXAMPLES: Readonly<Record<string, string>> = {
  title: 'title: "Pour entraîner son IA, Mark Zuckerberg utilise vos photos"',
  description: 'description: "Le chapô : une ou deux phrases qui résument l’article."',
  publishedAt: 'publishedAt: 2024-02-06T16:17:00+01:00',
  updatedAt: 'updatedAt: 2024-02-07T09:30:00+01:00',
  author: 'author: sikagz (le nom d’un fichier de content/authors/, sans .md)',
  dossier: 'dossier: nom-du-dossier (le nom d’un fichier de content/dossiers/, sans .md)',
  authors: 'authors: [sikagz, autre-auteur] (dans l’ordre de la signature)',
  category: 'category: Actualité',
  tags: 'tags: [Meta, IA, Facebook]',
  type: `type: Interview (au choix : ${ARTICLE_TYPES.join(', ')})`,
  image: 'image: puis, en retrait, src, alt et credit (caption et focus au choix)',
  'image.src': 'src: /images/photo.jpg (le fichier content/images/photo.jpg)',
  'image.alt': 'alt: "Ce que montre l’image, pour qui ne la voit pas"',
  'image.width': 'width: 1600 (facultatif : lu dans le fichier)',
  'image.height': 'height: 900 (facultatif : lu dans le fichier)',
  'image.credit': 'credit: "© GettyImages"',
  'image.caption': 'caption: "La légende affichée sous l’image"',
  'image.focus': FOCUS_EXAMPLE,
  draft: 'draft: true',
  redirectFrom: 'redirectFrom: [ancien-nom-du-fichier] (les anciens noms, sans /article/ ni .md)',
  live: 'live: true (un direct : chaque « ## 16:45 Titre » du texte est une entrée)',
  liveUntil: 'liveUntil: 2024-02-07 20:00 (heure de Paris : la fin du direct)',
  corrections: 'corrections: puis, en retrait, « - date: 2024-02-07 10:00 » et « text: "Ce qui a été corrigé." »',
  'corrections.date': 'date: 2024-02-07 10:00 (heure de Paris, après la publication)',
  'corrections.text': 'text: "Une première version de cet article … ; c’est corrigé."',
  name: 'name: "Prénom Nom"',
  bio: 'bio: "Une ou deux phrases de présentation."',
};
