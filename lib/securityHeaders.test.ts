import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToRegexp } from 'next/dist/compiled/path-to-regexp';
import { describe, expect, it } from 'vitest';
import {
  cspModeFrom,
  embedFramePolicy,
  hashedPagePolicy,
  nonceContentSecurityPolicy,
  pageFramesOf,
  RESOURCE_PATHS,
  RESOURCE_POLICY,
  securityHeaderRules,
} from './securityHeaders';

type Rules = ReturnType<typeof securityHeaderRules>;
const headersOf = (rules: Rules, source: string) =>
  new Map((rules.find((rule) => rule.source === source)?.headers ?? []).map(({ key, value }) => [key, value]));
const directive = (policy: string, name: string) => policy.split('; ').find((part) => part.startsWith(`${name} `));

describe('hash mode (what ships)', () => {
  const rules = securityHeaderRules({ production: true, mode: 'hash' });

  it('sends HSTS, nosniff, a referrer policy, a permissions policy and the report endpoint on every response, and no page CSP from the configuration', () => {
    const every = headersOf(rules, '/:path*');
    expect(every.get('Strict-Transport-Security')).toMatch(/max-age=\d{8,}/);
    expect(every.get('X-Content-Type-Options')).toBe('nosniff');
    expect(every.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(every.get('Permissions-Policy')).toContain('camera=()');
    expect(every.get('Reporting-Endpoints')).toBe('csp="/api/csp-report"');
    expect(every.has('Content-Security-Policy')).toBe(false);
    expect(rules.some((rule) => rule.source === '/article/:slug')).toBe(false);
  });

  it('gives feeds, files and the API a policy under which nothing runs', () => {
    expect(headersOf(rules, '/api/:path*').get('Content-Security-Policy')).toBe(RESOURCE_POLICY);
    expect(headersOf(rules, '/sitemaps/:file').get('Content-Security-Policy')).toBe(RESOURCE_POLICY);
    expect(directive(RESOURCE_POLICY, 'default-src')).toBe("default-src 'none'");
    expect(directive(RESOURCE_POLICY, 'frame-ancestors')).toBe("frame-ancestors 'none'");
  });

  it('allows a page its own inline scripts by hash and the site’s files, never inline code or eval', () => {
    const policy = hashedPagePolicy(["'sha256-abc='", "'sha256-def='"], 'none');
    expect(directive(policy, 'script-src')).toBe("script-src 'self' 'sha256-abc=' 'sha256-def='");
    expect(directive(policy, 'script-src')).not.toContain('unsafe');
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
    expect(policy).toContain('report-uri /api/csp-report');
    expect(policy).toContain('report-to csp');
    // Style attributes keep working.
    expect(directive(policy, 'style-src')).toBe("style-src 'self' 'unsafe-inline'");
  });

  it('allows frames of every embed provider on articles only, which each page narrows to its own', () => {
    expect(pageFramesOf('/article/un-article')).toBe('embeds');
    expect(pageFramesOf('/article/un-article/direct/3')).toBe('none');
    expect(pageFramesOf('/')).toBe('none');
    expect(directive(hashedPagePolicy([], 'none'), 'frame-src')).toBe("frame-src 'none'");
    expect(directive(hashedPagePolicy([], 'embeds'), 'frame-src')?.split(' ').slice(1).sort()).toStrictEqual(
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
    expect(embedFramePolicy(['youtube', 'x', 'youtube'])).toBe('frame-src https://www.youtube-nocookie.com https://platform.twitter.com');
    expect(embedFramePolicy([])).toBe("frame-src 'none'");
  });

  it('gives pages rendered per request a nonce with strict-dynamic, which makes browsers ignore unsafe-inline', () => {
    const policy = nonceContentSecurityPolicy('abc123', 'none');
    expect(directive(policy, 'script-src')).toBe("script-src 'nonce-abc123' 'strict-dynamic' 'unsafe-inline'");
    expect(directive(policy, 'frame-src')).toBe("frame-src 'none'");
  });
});

describe('the other modes', () => {
  it('static: one policy with unsafe-inline on every response, the embeds’ frames on articles', () => {
    const rules = securityHeaderRules({ production: true, mode: 'static' });
    expect(directive(headersOf(rules, '/:path*').get('Content-Security-Policy') ?? '', 'script-src')).toBe("script-src 'self' 'unsafe-inline'");
    expect(directive(headersOf(rules, '/article/:slug').get('Content-Security-Policy') ?? '', 'frame-src')).toContain('https://www.youtube-nocookie.com');
  });

  it('nonce: no CSP from the configuration, every other header kept', () => {
    const rules = securityHeaderRules({ production: true, mode: 'nonce' });
    expect(rules).toHaveLength(1);
    expect(headersOf(rules, '/:path*').has('Content-Security-Policy')).toBe(false);
    expect(headersOf(rules, '/:path*').has('Strict-Transport-Security')).toBe(true);
  });

  it('development: eval allowed, which React Refresh needs, and never in production', () => {
    const development = headersOf(securityHeaderRules({ production: false, mode: 'hash' }), '/:path*').get('Content-Security-Policy') ?? '';
    expect(development).toContain("'unsafe-eval'");
    for (const mode of ['hash', 'static', 'nonce'] as const) {
      expect(JSON.stringify(securityHeaderRules({ production: true, mode }))).not.toContain('unsafe-eval');
    }
  });

  it('reads the mode from KIOSQUE_CSP, hash unless it says static or nonce', () => {
    expect(cspModeFrom('nonce')).toBe('nonce');
    expect(cspModeFrom('static')).toBe('static');
    expect(cspModeFrom(undefined)).toBe('hash');
    expect(cspModeFrom('anything')).toBe('hash');
  });
});

describe('RESOURCE_PATHS against app/ and public/', () => {
  /** An address each route answers: one value per dynamic segment, none for an optional catch-all. */
  function sampleUrl(routeDir: string): string {
    const segments = routeDir
      .split('/')
      .filter((segment) => segment !== '' && !segment.startsWith('(') && !segment.startsWith('_'))
      .filter((segment) => !segment.startsWith('[[...'))
      .map((segment) => (segment.startsWith('[...') ? 'a/b' : segment.startsWith('[') ? 'exemple' : segment));
    return `/${segments.join('/')}`;
  }
  const appFiles = readdirSync('app', { recursive: true, encoding: 'utf8' }).map((file) => file.split(path.sep).join('/'));
  const matchesResourcePath = (url: string) => RESOURCE_PATHS.some((source) => pathToRegexp(source).test(url));

  it('takes every route handler, metadata route and public file, and no page', () => {
    const routes = appFiles.filter((file) => /(^|\/)route\.tsx?$/.test(file)).map((file) => sampleUrl(path.posix.dirname(file)));
    const metadataRoutes = appFiles
      .filter((file) => /^(robots|sitemap|manifest)\.ts$|^(icon|apple-icon|favicon)\.\w+$/.test(file))
      .map((file) => `/${file.replace(/^robots\.ts$/, 'robots.txt').replace(/\.ts$/, '.xml')}`);
    const publicFiles = readdirSync('public').map((file) => `/${file}`);
    const pages = appFiles.filter((file) => /(^|\/)page\.tsx$/.test(file)).map((file) => sampleUrl(path.posix.dirname(file)));
    expect(routes.length).toBeGreaterThan(10);
    expect(pages).toContain('/article/exemple');
    for (const url of [...routes, ...metadataRoutes, ...publicFiles]) expect(matchesResourcePath(url), url).toBe(true);
    for (const url of pages) expect(matchesResourcePath(url), url).toBe(false);
  });
});
