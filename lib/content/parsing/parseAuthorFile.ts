import type { Author } from '../article';
import { authorFrontMatterSchema } from './frontMatterSchema';
import { parseContentFile, type ContentFile, type Parsed } from './parseContentFile';

/** Reads `content/authors/<slug>.md`: a name and a short bio. */
export function parseAuthorFile(file: ContentFile): Parsed<Author> {
  const parsed = parseContentFile(file, authorFrontMatterSchema);
  if (!parsed.ok) return parsed;
  const { name, bio } = parsed.data;
  return { ok: true, value: { slug: parsed.slug, name, bio, sourcePath: file.sourcePath }, warnings: [] };
}
