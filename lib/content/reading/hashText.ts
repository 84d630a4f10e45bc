import { createHash } from 'node:crypto';

/** The SHA-256 of a file's text, in hex: what names a stored parse and, cut to 16 digits, an article's revision. */
export function hashText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
