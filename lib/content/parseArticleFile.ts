import { applyFrenchSpacing } from '../typography/frenchSpacing';
import type { Article, HeroImage } from './article';
import type { ContentError } from './contentError';
import { articleFrontMatterSchema } from './frontMatterSchema';
import { renderMarkdown } from './markdown/renderMarkdown';
import { parseContentFile, type ContentFile, type Parsed } from './parseContentFile';
import type { ImageSizeLookup } from './publicImages';

/** A slug written in the front matter, with where, to point at it when it leads nowhere or clashes. */
export interface SlugReference {
  slug: string;
  line: number;
  column: number;
}

/** An article before its author is looked up and its former slugs are checked against the others'. */
export type ParsedArticle = Omit<Article, 'author'> & {
  authorReference: SlugReference;
  /** One per `redirectFrom` entry, in order. */
  redirectReferences: SlugReference[];
};

/** Adult French readers read about 230 words a minute on screen. */
const WORDS_PER_MINUTE = 230;

/** Reads one article file into everything a page needs, or the errors that stop it. */
export function parseArticleFile(file: ContentFile, options: { imageSize: ImageSizeLookup }): Parsed<ParsedArticle> {
  const parsed = parseContentFile(file, articleFrontMatterSchema);
  if (!parsed.ok) return parsed;
  const { slug, data, frontMatter } = parsed;

  const heroError = checkHeroImage(data.image, options.imageSize);
  if (heroError) {
    return { ok: false, errors: [{ file: file.sourcePath, ...frontMatter.locate(heroError.path), field: heroError.path.join('.'), ...heroError.problem }] };
  }

  const body = renderMarkdown(frontMatter.body, options);
  const [errors, warnings] = partition(
    body.problems.map((problem) => ({
      error: {
        file: file.sourcePath,
        ...(problem.line === undefined ? {} : { line: problem.line + frontMatter.bodyStartLine - 1 }),
        ...(problem.column === undefined ? {} : { column: problem.column }),
        message: problem.message,
        hint: problem.hint,
      } satisfies ContentError,
      fatal: problem.fatal,
    })),
  );
  if (errors.length > 0) return { ok: false, errors };

  const { author, ...fields } = data;
  return {
    ok: true,
    value: {
      ...fields,
      title: applyFrenchSpacing(fields.title),
      description: applyFrenchSpacing(fields.description),
      slug,
      authorReference: { slug: author, ...frontMatter.locate(['author']) },
      redirectReferences: fields.redirectFrom.map((oldSlug, index) => ({ slug: oldSlug, ...frontMatter.locate(['redirectFrom', index]) })),
      html: body.html,
      text: body.text,
      quotes: body.quotes,
      figures: body.figures,
      wordCount: body.wordCount,
      readingTimeMinutes: Math.max(1, Math.ceil(body.wordCount / WORDS_PER_MINUTE)),
      sourcePath: file.sourcePath,
    },
    warnings,
  };
}

/**
 * The hero's file must exist, and the width and height written must have its
 * shape: next/image reserves the space from them, so a wrong ratio distorts it.
 */
function checkHeroImage(
  image: HeroImage,
  imageSize: ImageSizeLookup,
): { path: string[]; problem: { message: string; hint: string } } | undefined {
  const actual = imageSize(image.src);
  if (!actual) {
    return {
      path: ['image', 'src'],
      problem: {
        message: `image « ${image.src} » introuvable dans public/`,
        hint: 'placez le fichier dans public/images/ et écrivez son adresse depuis la racine : /images/photo.jpg',
      },
    };
  }
  const writtenRatio = image.width / image.height;
  const actualRatio = actual.width / actual.height;
  if (Math.abs(writtenRatio - actualRatio) / actualRatio > 0.01) {
    return {
      path: ['image', 'width'],
      problem: {
        message: `${image.width}×${image.height} ne correspond pas à l’image (${actual.width}×${actual.height})`,
        hint: `écrivez width: ${actual.width} et height: ${actual.height}`,
      },
    };
  }
  return undefined;
}

function partition(problems: Array<{ error: ContentError; fatal: boolean }>): [ContentError[], ContentError[]] {
  const errors = problems.filter((problem) => problem.fatal).map((problem) => problem.error);
  const warnings = problems.filter((problem) => !problem.fatal).map((problem) => problem.error);
  return [errors, warnings];
}
