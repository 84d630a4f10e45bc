import { applyFrenchSpacing } from '../../typography/frenchSpacing';
import type { PhotoLookup } from '../../images/photoLibrary';
import type { Dossier } from '../article';
import { dossierFrontMatterSchema } from './frontMatterSchema';
import { renderMarkdown } from './markdown/renderMarkdown';
import { bodyProblems, readHeroImage } from './parseArticleFile';
import { parseContentFile, type ContentFile, type Parsed } from './parseContentFile';

/**
 * Reads `content/dossiers/<slug>.md`: a title, a description, an optional
 * photo (checked as an article's), and a body that introduces the dossier
 * (Markdown, optional). Its articles name it with `dossier: <slug>`.
 */
export function parseDossierFile(file: ContentFile, options: { photos: PhotoLookup }): Parsed<Dossier> {
  const parsed = parseContentFile(file, dossierFrontMatterSchema);
  if (!parsed.ok) return parsed;
  const { slug, data, frontMatter } = parsed;
  const image = data.image && readHeroImage(data.image, options.photos);
  if (image && !image.ok) {
    return { ok: false, errors: [{ file: file.sourcePath, ...frontMatter.locate(image.path), field: image.path.join('.'), ...image.problem }] };
  }
  const intro = renderMarkdown(frontMatter.body, { photos: options.photos });
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
    },
    warnings,
  };
}
