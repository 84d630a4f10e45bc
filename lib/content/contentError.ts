/**
 * A problem in one content file, written for the editor who has to fix it.
 * Errors are values: lib/ returns them, callers decide whether to fail the
 * build (next build) or skip the file and log it (a running server).
 */
export interface ContentError {
  /** Path of the file, relative to the project root when possible. */
  file: string;
  /** 1-based line in the file, when it can be known. */
  line?: number;
  /** 1-based column in the file, when it can be known. */
  column?: number;
  /** Front-matter field in dotted form (`image.alt`), when the error is about one. */
  field?: string;
  /** What is wrong, in plain French. */
  message: string;
  /** How to fix it, in plain French. */
  hint: string;
}

/** Formats an error as `path:line:column  field : message  (hint)`, the form editors' tools can jump to. */
export function formatContentError(error: ContentError): string {
  return `${position(error)}  ${subject(error)}  (${error.hint})`;
}

/** Like an error, with « avertissement » after the position: still jumpable, and told apart at a glance. */
export function formatContentWarning(warning: ContentError): string {
  return `${position(warning)}  avertissement : ${subject(warning)}  (${warning.hint})`;
}

function position(error: ContentError): string {
  return [error.file, error.line, error.column].filter((part) => part !== undefined).join(':');
}

function subject(error: ContentError): string {
  return error.field ? `${error.field} : ${error.message}` : error.message;
}

/** Thrown at build time so that `next build` stops and lists every problem, not just the first. */
export class ContentErrorsFound extends Error {
  constructor(readonly errors: readonly ContentError[]) {
    const count = errors.length === 1 ? '1 erreur' : `${errors.length} erreurs`;
    super(`Contenu invalide, ${count} :\n${errors.map(formatContentError).join('\n')}`);
    this.name = 'ContentErrorsFound';
  }
}
