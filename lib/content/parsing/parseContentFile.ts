import path from 'node:path';
import type { z } from 'zod';
import { slugify, SLUG_PATTERN } from '../../slugify';
import type { ContentError } from '../contentError';
import { describeSchemaIssues } from './describeSchemaIssues';
import { parseFrontMatter, type FrontMatter } from './parseFrontMatter';

/** A content file as read from disk, before any parsing. */
export interface ContentFile {
  /** Path shown to editors, relative to the project root when possible. */
  sourcePath: string;
  text: string;
}

/**
 * A slug is in the page's address and in its cache tags (`article:<slug>`),
 * which Next and CDNs take up to 256 characters: 200 leaves room for the
 * longest prefix, and no headline needs more.
 */
export const MAX_SLUG_LENGTH = 200;

export type Parsed<T> = { ok: true; value: T; warnings: ContentError[] } | { ok: false; errors: ContentError[] };

/**
 * The steps every content file shares: slug from the file name, front matter,
 * schema validation. Errors come back as values naming the file and the line.
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
