import { createHmac } from 'node:crypto';
import { secretMatches } from '../secrets';

/** The cookie that says an editor opened a preview with the current `DRAFT_SECRET`. */
export const PREVIEW_COOKIE = 'kiosque-apercu';

/** How long a preview stays open: a working day. */
export const PREVIEW_LIFETIME_SECONDS = 8 * 60 * 60;

const signatureOf = (expiresAt: number, secret: string) => createHmac('sha256', secret).update(`kiosque-apercu:${expiresAt}`).digest('base64url');

/**
 * A preview token, `<expiry in Unix seconds>.<HMAC-SHA256 of it with DRAFT_SECRET>`.
 * Next's Draft Mode cookie alone is one value per build, the same for every
 * editor and valid for days: it cannot be withdrawn. This one is checked with
 * the secret on every preview request, so changing `DRAFT_SECRET` (and
 * restarting, no rebuild) closes every preview at once, and each lasts at most
 * PREVIEW_LIFETIME_SECONDS.
 */
export function issuePreviewToken(secret: string, now: Date): string {
  const expiresAt = Math.floor(now.getTime() / 1000) + PREVIEW_LIFETIME_SECONDS;
  return `${expiresAt}.${signatureOf(expiresAt, secret)}`;
}

/** Whether a token was issued with this secret and has not expired. An unset or empty secret accepts none. */
export function previewTokenValid(token: string | undefined, secret: string | undefined, now: Date): boolean {
  if (!secret || !token) return false;
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match?.[1] || !match[2]) return false;
  const expiresAt = Number(match[1]);
  if (expiresAt * 1000 <= now.getTime() || expiresAt * 1000 > now.getTime() + PREVIEW_LIFETIME_SECONDS * 1000) return false;
  return secretMatches(match[2], signatureOf(expiresAt, secret));
}
