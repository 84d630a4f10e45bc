import path from 'node:path';
import type { z } from 'zod';
import { slugify, SLUG_PATTERN } from '../../slugify';
import type { ContentError } from '../contentError';
import { describeSchemaIssues } from './describeSchemaIssues';
import { parseFrontMatter, type FrontMatter } from './parseFrontMatter';
import { MAX_SLUG_LENGTH } from './frontMatterSchema';
import { controlCharacterIn } from './textRules';

/** A content file as read from disk, before any parsing. */
export interface ContentFile {
  /** Path shown to editors, relative to the project root when possible. */
  sourcePath: string;
  text: string;
}

// A file name is a slug: the same length limit as a slug written in the front matter.

export type Parsed<T> = { ok: true; value: T; warnings: ContentError[] } | { ok: false; errors: ContentError[] };

/**
 * The steps every content file shares: slug from the file name, front matter,
 * schema validation. Errors come back as values naming the file and the line.
 * A control character is refused anywhere in the file, body or front matter,
 * as the front matter's fields refuse it written as a YAML escape (`"\0"`):
 * a feed holding one is not XML, and readers drop the whole feed.
 */
export function parseContentFile<Schema extends z.ZodType>(
  file: ContentFile,
  schema: Schema,
): { ok: true; slug: string; data: z.infer<Schema>; frontMatter: FrontMatter } | { ok: false; errors: ContentError[] } {
  const slug = slugFromPath(file.sourcePath);
  if (!SLUG_PATTERN.test(slug)) {
    const suggestion = slugify(slug) || 'titre-de-l-article';
    return {
      ok: false,
      errors: [
        {
          file: file.sourcePath,
          message: `nom de fichier « ${path.basename(file.sourcePath)} » invalide : il donne l’adresse de la page`,
          hint: `renommez-le en « ${suggestion}.md » (minuscules sans accents, chiffres et tirets)`,
        },
      ],
    };
  }
  if (slug.length > MAX_SLUG_LENGTH) {
    return {
      ok: false,
      errors: [
        {
          file: file.sourcePath,
          message: `nom de fichier de ${slug.length} caractères : l’adresse de la page en prend ${MAX_SLUG_LENGTH} au plus`,
          hint: `raccourcissez-le, par exemple en « ${slug.slice(0, MAX_SLUG_LENGTH).replace(/-[^-]*$/, '')}.md »`,
        },
      ],
    };
  }

  const control = controlCharacterIn(file.text);
  if (control) {
    const before = file.text.slice(0, control.index);
    const lineStart = before.lastIndexOf('\n') + 1;
    return {
      ok: false,
      errors: [
        {
          file: file.sourcePath,
          line: before.split('\n').length,
          column: control.index - lineStart + 1,
          message: control.description,
          hint: 'supprimez-le (souvent un reste de copier-coller depuis Word ou un PDF) : la page ne le montre pas, et un flux RSS ou Atom qui le contient est illisible',
        },
      ],
    };
  }

  const frontMatterResult = parseFrontMatter(file.text);
  if (!frontMatterResult.ok) {
    const { position, field, message, hint } = frontMatterResult;
    return { ok: false, errors: [{ file: file.sourcePath, ...position, ...(field === undefined ? {} : { field }), message, hint }] };
  }
  const { frontMatter } = frontMatterResult;
  const validated = schema.safeParse(frontMatter.data);
  if (!validated.success) {
    const errors = describeSchemaIssues(validated.error.issues, file.sourcePath, frontMatter, schema);
    return { ok: false, errors: errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
  }
  return { ok: true, slug, data: validated.data, frontMatter };
}

export function slugFromPath(sourcePath: string): string {
  return path.basename(sourcePath).replace(/\.md$/, '');
}
