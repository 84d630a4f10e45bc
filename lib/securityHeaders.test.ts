import { describe, expect, it } from 'vitest';
import { cspModeFrom, nonceContentSecurityPolicy, securityHeaders } from './securityHeaders';

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

describe('nonce mode', () => {
  it('leaves the CSP to the layer in front and keeps every other header', () => {
    const keys = securityHeaders({ production: true, csp: 'nonce' }).map(({ key }) => key);
    expect(keys).not.toContain('Content-Security-Policy');
    expect(keys).toContain('Strict-Transport-Security');
  });

  it('allows scripts by nonce with strict-dynamic, which makes browsers ignore unsafe-inline', () => {
    const policy = nonceContentSecurityPolicy('abc123');
    expect(policy).toContain("script-src 'nonce-abc123' 'strict-dynamic'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain("script-src 'self'");
  });

  it('reads the mode from KIOSQUE_CSP, static unless it says nonce', () => {
    expect(cspModeFrom('nonce')).toBe('nonce');
    expect(cspModeFrom(undefined)).toBe('static');
    expect(cspModeFrom('NONCE')).toBe('static');
  });
});
