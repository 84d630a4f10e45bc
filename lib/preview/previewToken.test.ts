import { describe, expect, it } from 'vitest';
import { issuePreviewToken, PREVIEW_LIFETIME_SECONDS, previewTokenValid } from './previewToken';

const now = new Date('2026-12-05T10:00:00Z');
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe('preview tokens', () => {
  it('are valid with the secret they were issued with, until they expire', () => {
    const token = issuePreviewToken('secret-a', now);
    expect(previewTokenValid(token, 'secret-a', now)).toBe(true);
    expect(previewTokenValid(token, 'secret-a', later(PREVIEW_LIFETIME_SECONDS - 1))).toBe(true);
    expect(previewTokenValid(token, 'secret-a', later(PREVIEW_LIFETIME_SECONDS))).toBe(false);
  });

  it('are all withdrawn when the secret changes', () => {
    const token = issuePreviewToken('secret-a', now);
    expect(previewTokenValid(token, 'secret-b', now)).toBe(false);
  });

  it('refuse a forged expiry, a damaged signature, and any token when no secret is set', () => {
    const token = issuePreviewToken('secret-a', now);
    const [expiry, signature = ''] = token.split('.');
    expect(previewTokenValid(`${Number(expiry) + 3600}.${signature}`, 'secret-a', now)).toBe(false);
    expect(previewTokenValid(`${expiry}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`, 'secret-a', now)).toBe(false);
    expect(previewTokenValid(token, undefined, now)).toBe(false);
    expect(previewTokenValid(token, '', now)).toBe(false);
    expect(previewTokenValid(undefined, 'secret-a', now)).toBe(false);
    expect(previewTokenValid('not a token', 'secret-a', now)).toBe(false);
  });

  it('refuse a token whose expiry lies further ahead than a preview lasts (signed with a leaked secret before a rotation back)', () => {
    const token = issuePreviewToken('secret-a', later(PREVIEW_LIFETIME_SECONDS * 2));
    expect(previewTokenValid(token, 'secret-a', now)).toBe(false);
  });
});
