import { describe, expect, it } from 'vitest';
import { articleSecurityHeaders, cspModeFrom, embedFramePolicy, nonceContentSecurityPolicy, securityHeaders } from './securityHeaders';

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

describe('frames', () => {
  const frameSrc = (policy: string) => policy.split('; ').find((directive) => directive.startsWith('frame-src '));

  it('allows none on every page but articles', () => {
    expect(frameSrc(headerMap(true).get('Content-Security-Policy') ?? '')).toBe("frame-src 'none'");
  });

  it('allows on article pages the frames of every provider an article may show, with the rest of the policy unchanged', () => {
    const [article] = articleSecurityHeaders({ production: true });
    expect(article?.key).toBe('Content-Security-Policy');
    const directives = (article?.value ?? '').split('; ');
    expect(frameSrc(article?.value ?? '')?.split(' ').slice(1).sort()).toStrictEqual(
      [
        'https://embed.bsky.app',
        'https://geo.dailymotion.com',
        'https://open.spotify.com',
        'https://platform.twitter.com',
        'https://player.vimeo.com',
        'https://w.soundcloud.com',
        'https://www.instagram.com',
        'https://www.tiktok.com',
        'https://www.youtube-nocookie.com',
      ].sort(),
    );
    const others = (headerMap(true).get('Content-Security-Policy') ?? '').split('; ').filter((directive) => !directive.startsWith('frame-src'));
    expect(directives.filter((directive) => !directive.startsWith('frame-src'))).toStrictEqual(others);
    expect(articleSecurityHeaders({ production: true, csp: 'nonce' })).toStrictEqual([]);
  });

  it('narrows a page to exactly its embeds’ providers, each once, or to none', () => {
    expect(embedFramePolicy(['youtube', 'x', 'youtube'])).toBe('frame-src https://www.youtube-nocookie.com https://platform.twitter.com');
    expect(embedFramePolicy([])).toBe("frame-src 'none'");
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
