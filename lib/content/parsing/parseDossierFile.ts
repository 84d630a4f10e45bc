import { applyFrenchSpacing } from '../../typography/frenchSpacing';
import type { PhotoLookup } from '../../images/photoLibrary';
import type { Dossier } from '../article';
import type { EditorFacts } from './editorFacts';
import { dossierFrontMatterSchema } from './frontMatterSchema';
import { renderMarkdown } from './markdown/renderMarkdown';
import { bodyProblems, readHeroImage } from './parseArticleFile';
import { parseContentFile, type ContentFile, type Parsed } from './parseContentFile';

/**
 * A dossier as its file gives it, with the links of its introduction for the
 * editors' check (lines counted in the file, as an article's editor facts):
 * the index keeps the dossier alone.
 */
export type ParsedDossier = Dossier & { introLinks: EditorFacts['links'] };

/**
 * Reads `content/dossiers/<slug>.md`: a title, a description, an optional
 * photo (checked as an article's), and a body that introduces the dossier
 * (Markdown, optional, under an article body's rules but for embeds, which
 * its page cannot show). Its articles name it with `dossier: <slug>`.
 */
export function parseDossierFile(file: ContentFile, options: { photos: PhotoLookup }): Parsed<ParsedDossier> {
  const parsed = parseContentFile(file, dossierFrontMatterSchema);
  if (!parsed.ok) return parsed;
  const { slug, data, frontMatter } = parsed;
  const image = data.image && readHeroImage(data.image, options.photos);
  if (image && !image.ok) {
    return { ok: false, errors: [{ file: file.sourcePath, ...frontMatter.locate(image.path), field: image.path.join('.'), ...image.problem }] };
  }
  const intro = renderMarkdown(frontMatter.body, { photos: options.photos, embeds: false });
  const [errors, warnings] = bodyProblems(intro.problems, file.sourcePath, frontMatter.bodyStartLine);
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      slug,
      title: applyFrenchSpacing(data.title),
      description: applyFrenchSpacing(data.description),
      ...(image ? { image: image.image } : {}),
      intro: intro.html.trim(),
      sourcePath: file.sourcePath,
      introLinks: intro.links.map((link) => ({ ...link, line: link.line + frontMatter.bodyStartLine - 1 })),
    },
    warnings,
  };
}
