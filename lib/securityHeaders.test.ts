import { describe, expect, it } from 'vitest';
import { securityHeaders } from './securityHeaders';

const headerMap = (production: boolean) => new Map(securityHeaders({ production }).map(({ key, value }) => [key, value]));

describe('securityHeaders', () => {
  it('forbids plugins, foreign base URLs, framing and eval in production', () => {
    const policy = headerMap(true).get('Content-Security-Policy') ?? '';
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).toMatch(/default-src 'self'/);
  });

  it('allows eval only in development, where React Refresh needs it', () => {
    expect(headerMap(false).get('Content-Security-Policy')).toContain("'unsafe-eval'");
  });

  it('sends HSTS, nosniff, a referrer policy and a permissions policy', () => {
    const headers = headerMap(true);
    expect(headers.get('Strict-Transport-Security')).toMatch(/max-age=\d{8,}/);
    expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(headers.get('Permissions-Policy')).toContain('camera=()');
  });
});
