import { valueAt, type FilePosition, type FrontMatter } from './parseFrontMatter';
import type { BodyLink } from './markdown/findLinks';
import type { DateWithOffset } from '../../dates/parseDateTime';

/** What `npm run new` writes wherever the editor has text to write (lib/content/check/ reports it left in). */
export const PLACEHOLDER = 'À COMPLÉTER';

/** A field as the editor wrote it: where, and its text. */
export interface WrittenField extends FilePosition {
  written?: string;
}

/**
 * What the editors' check (lib/content/check/) needs of a file beyond the
 * article itself, noted while parsing it, so that a build's check works from
 * the parses it already has (stored with them) instead of reading and parsing
 * every file again. Lines count from the file's first line.
 */
export interface EditorFacts {
  fields: { publishedAt: WrittenField; updatedAt?: WrittenField; heroSrc: WrittenField };
  /** Where each correction's date is written, in the file's order, and the instant it names. */
  corrections: Array<WrittenField & { iso: string }>;
  /** Where each live entry's heading is, and the instant it names, in the file's order. */
  liveEntries: Array<{ line: number; iso: string }>;
  /** Every link target of the body, inline or as a reference definition. */
  links: Array<{ url: string; line: number; column: number }>;
  /** Every PLACEHOLDER left, in a field (named) or in the body. */
  placeholders: Array<{ field?: string; line: number; column?: number }>;
}

/** `links`: those of the body, as renderMarkdown found them (lines counted from the body's first). */
export function editorFactsOf(
  frontMatter: FrontMatter,
  links: readonly BodyLink[],
  corrections: ReadonlyArray<{ date: DateWithOffset }>,
  liveEntries: ReadonlyArray<{ date: DateWithOffset; line: number }>,
): EditorFacts {
  const written = (path: ReadonlyArray<string | number>): WrittenField => {
    const value = valueAt(frontMatter.data, path);
    return { ...frontMatter.locate(path), ...(typeof value === 'string' ? { written: value } : {}) };
  };
  const inFields = pathsOfPlaceholders(frontMatter.data, []).map((fieldPath) => ({ field: fieldPath.join('.'), ...frontMatter.locate(fieldPath) }));
  const inBody = frontMatter.body.split('\n').flatMap((text, index) => {
    const column = text.indexOf(PLACEHOLDER);
    return column === -1 ? [] : [{ line: frontMatter.bodyStartLine + index, column: column + 1 }];
  });
  return {
    fields: {
      publishedAt: written(['publishedAt']),
      ...(frontMatter.data.updatedAt === undefined ? {} : { updatedAt: written(['updatedAt']) }),
      heroSrc: frontMatter.locate(['image', 'src']),
    },
    corrections: corrections.map(({ date }, index) => ({ ...written(['corrections', index, 'date']), iso: date.iso })),
    liveEntries: liveEntries.map(({ date, line }) => ({ line: line + frontMatter.bodyStartLine - 1, iso: date.iso })),
    links: links.map((link) => ({ url: link.url, line: link.line + frontMatter.bodyStartLine - 1, column: link.column })),
    placeholders: [...inFields, ...inBody],
  };
}

function pathsOfPlaceholders(value: unknown, at: Array<string | number>): Array<Array<string | number>> {
  if (typeof value === 'string') return value.includes(PLACEHOLDER) ? [at] : [];
  if (Array.isArray(value)) return value.flatMap((item: unknown, index) => pathsOfPlaceholders(item, [...at, index]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => pathsOfPlaceholders(item, [...at, key]));
  }
  return [];
}
