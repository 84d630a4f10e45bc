import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * Compares a secret sent by a client with the configured one in constant time:
 * both are hashed first, so neither their content nor their length leaks
 * through timing. An unset or empty configured secret matches nothing.
 */
export function secretMatches(given: string | null | undefined, expected: string | undefined): boolean {
  if (!expected || given === null || given === undefined) return false;
  return timingSafeEqual(digest(given), digest(expected));
}

/** The token of an `Authorization: Bearer <token>` header. */
export function bearerToken(header: string | null): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
