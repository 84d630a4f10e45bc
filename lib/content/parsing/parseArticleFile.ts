import { applyFrenchSpacing } from '../../typography/frenchSpacing';
import type { Article, ArticleBody, HeroImage } from '../article';
import type { ArticleFrontMatter } from './frontMatterSchema';
import type { ContentError } from '../contentError';
import { articleFrontMatterSchema } from './frontMatterSchema';
import { editorFactsOf, type EditorFacts } from './editorFacts';
import { renderMarkdown, type BodyProblem } from './markdown/renderMarkdown';
import { newestFirst } from './markdown/remarkLiveEntries';
import { parseContentFile, type ContentFile, type Parsed } from './parseContentFile';
import { hashText } from '../reading/hashText';
import type { PhotoLookup } from '../../images/photoLibrary';

/** A slug written in the front matter, with where, to point at it when it leads nowhere or clashes. */
export interface SlugReference {
  slug: string;
  line: number;
  column: number;
}

/** An article before its authors are looked up and its former slugs are checked against the others', without its body. */
export type ArticleFields = Omit<Article, 'authors'> & {
  /** One per author, in the byline's order. */
  authorReferences: SlugReference[];
  /** One per `redirectFrom` entry, in order. */
  redirectReferences: SlugReference[];
  /** Where `dossier:` is written, when it is. */
  dossierReference?: SlugReference;
  /** For the editors' check, kept with the parse: the index holds them apart from the article. */
  editorFacts: EditorFacts;
};

/** What parsing an article file gives: its fields, and its body, which the loader keeps apart. */
export type ParsedArticle = ArticleFields & { body: ArticleBody };

/** Adult French readers read about 230 words a minute on screen. */
const WORDS_PER_MINUTE = 230;

/** Reads one article file into everything a page needs, or the errors that stop it. */
export function parseArticleFile(file: ContentFile, options: { photos: PhotoLookup }): Parsed<ParsedArticle> {
  const parsed = parseContentFile(file, articleFrontMatterSchema);
  if (!parsed.ok) return parsed;
  const { slug, data, frontMatter } = parsed;

  const hero = readHeroImage(data.image, options.photos);
  if (!hero.ok) {
    return { ok: false, errors: [{ file: file.sourcePath, ...frontMatter.locate(hero.path), field: hero.path.join('.'), ...hero.problem }] };
  }

  const body = renderMarkdown(frontMatter.body, { photos: options.photos, ...(data.live ? { live: { since: data.publishedAt } } : {}) });
  const [errors, warnings] = bodyProblems(body.problems, file.sourcePath, frontMatter.bodyStartLine);
  if (errors.length > 0) return { ok: false, errors };

  const { author, authors, live, liveUntil, ...fields } = data;
  return {
    ok: true,
    value: {
      ...fields,
      image: hero.image,
      title: applyFrenchSpacing(fields.title),
      description: applyFrenchSpacing(fields.description),
      corrections: fields.corrections
        .map((correction) => ({ date: correction.date, text: applyFrenchSpacing(correction.text) }))
        .sort((a, b) => b.date.date.getTime() - a.date.date.getTime()),
      slug,
      authorReferences: authors
        ? authors.map((slug, index) => ({ slug, ...frontMatter.locate(['authors', index]) }))
        : [{ slug: author ?? '', ...frontMatter.locate(['author']) }],
      redirectReferences: fields.redirectFrom.map((oldSlug, index) => ({ slug: oldSlug, ...frontMatter.locate(['redirectFrom', index]) })),
      ...(fields.dossier === undefined ? {} : { dossierReference: { slug: fields.dossier, ...frontMatter.locate(['dossier']) } }),
      ...(body.live
        ? {
            live: {
              ...(liveUntil ? { until: liveUntil } : {}),
              entries: newestFirst(body.live.entries).map(({ html, line, ...entry }) => entry),
            },
          }
        : {}),
      body: {
        html: body.html,
        text: body.text,
        quotes: body.quotes,
        ...(body.live ? { live: { intro: body.live.intro, entries: body.live.entries.map(({ id, html }) => ({ id, html })) } } : {}),
        ...(body.embeds.length > 0 ? { embeds: body.embeds } : {}),
      },
      figures: body.figures,
      wordCount: body.wordCount,
      readingTimeMinutes: Math.max(1, Math.ceil(body.wordCount / WORDS_PER_MINUTE)),
      sourcePath: file.sourcePath,
      revision: hashText(file.text).slice(0, 16),
      editorFacts: editorFactsOf(frontMatter, body.links, fields.corrections, body.live?.entries ?? []),
    },
    warnings,
  };
}

/**
 * The hero's file must be a valid photo; its size is read from it. A width and
 * height an editor still writes must be the file's: next to a different
 * picture they would distort it.
 */
export function readHeroImage(
  written: ArticleFrontMatter['image'],
  photos: PhotoLookup,
): { ok: true; image: HeroImage } | { ok: false; path: string[]; problem: { message: string; hint: string } } {
  const found = photos(written.src);
  if (!found.ok) return { ok: false, path: ['image', 'src'], problem: found.problem };
  const { photo } = found;
  const { width, height, ...rest } = written;
  if ((width !== undefined && width !== photo.width) || (height !== undefined && height !== photo.height)) {
    return {
      ok: false,
      path: ['image', width !== undefined && width !== photo.width ? 'width' : 'height'],
      problem: {
        message: `${width ?? '?'}×${height ?? '?'} écrit, mais le fichier « ${written.src} » mesure ${photo.width}×${photo.height}`,
        hint: `retirez width et height (la taille est lue dans le fichier), ou écrivez width: ${photo.width} et height: ${photo.height}`,
      },
    };
  }
  return { ok: true, image: { ...rest, width: photo.width, height: photo.height, hash: photo.hash } };
}

/** A rendered body's problems as the file's errors and warnings, at their lines in the file. */
export function bodyProblems(problems: readonly BodyProblem[], sourcePath: string, bodyStartLine: number): [ContentError[], ContentError[]] {
  const errors: ContentError[] = [];
  const warnings: ContentError[] = [];
  for (const problem of problems) {
    (problem.fatal ? errors : warnings).push({
      file: sourcePath,
      ...(problem.line === undefined ? {} : { line: problem.line + bodyStartLine - 1 }),
      ...(problem.column === undefined ? {} : { column: problem.column }),
      message: problem.message,
      hint: problem.hint,
    });
  }
  return [errors, warnings];
}
