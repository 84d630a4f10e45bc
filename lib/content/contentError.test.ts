import { describe, expect, it } from 'vitest';
import { ContentErrorsFound, formatContentError, formatContentWarning, type ContentError } from './contentError';

const error: ContentError = {
  file: 'content/articles/a.md',
  line: 4,
  column: 14,
  field: 'publishedAt',
  message: 'date impossible « 2024-02-30 »',
  hint: 'vérifiez le jour et le mois',
};

describe('formatContentError', () => {
  it('writes path:line:column, then field, message and hint', () => {
    expect(formatContentError(error)).toBe('content/articles/a.md:4:14  publishedAt : date impossible « 2024-02-30 »  (vérifiez le jour et le mois)');
  });

  it('leaves out what is not known', () => {
    expect(formatContentError({ file: 'content/articles/A.md', message: 'nom invalide', hint: 'renommez-le' })).toBe(
      'content/articles/A.md  nom invalide  (renommez-le)',
    );
    expect(formatContentError({ ...error, column: undefined, field: undefined })).toBe(
      'content/articles/a.md:4  date impossible « 2024-02-30 »  (vérifiez le jour et le mois)',
    );
  });
});

describe('formatContentWarning', () => {
  it('marks the line « avertissement » right after the position', () => {
    expect(formatContentWarning(error)).toBe(
      'content/articles/a.md:4:14  avertissement : publishedAt : date impossible « 2024-02-30 »  (vérifiez le jour et le mois)',
    );
    expect(formatContentWarning({ file: 'content/articles/a.md', line: 9, message: 'HTML retiré de la page : « <b> »', hint: 'supprimez-le' })).toBe(
      'content/articles/a.md:9  avertissement : HTML retiré de la page : « <b> »  (supprimez-le)',
    );
  });
});

describe('ContentErrorsFound', () => {
  it('lists every error, one per line, under a count', () => {
    const other: ContentError = { file: 'content/articles/b.md', message: 'le fichier n’est pas en UTF-8', hint: 'enregistrez-le en UTF-8' };
    const thrown = new ContentErrorsFound([error, other]);
    expect(thrown.name).toBe('ContentErrorsFound');
    expect(thrown.errors).toStrictEqual([error, other]);
    expect(thrown.message).toBe(`Contenu invalide, 2 erreurs :\n${formatContentError(error)}\n${formatContentError(other)}`);
    expect(new ContentErrorsFound([other]).message).toMatch(/^Contenu invalide, 1 erreur :\n/);
  });
});
