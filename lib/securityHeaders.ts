// Imported by the cache handler (lib/cache/siteCache.ts), which Node loads as
// is: plain erasable TypeScript, its imports spelled with their extension.
import { ALL_EMBED_PROVIDERS, EMBED_FRAME_ORIGINS, type EmbedProviderId } from './embeds/frameOrigins.ts';

/**
 * How a page's scripts are allowed.
 * - `hash` (what ships): no 'unsafe-inline'. A page's policy lists the SHA-256
 *   of each of its inline scripts; the cache handler computes it when the page
 *   enters the cache (at build and at each regeneration) and stores it with the
 *   page, so every hit, on any replica and through any cache in front, sends
 *   it. The few pages rendered per request (the empty search form, Draft Mode)
 *   get a nonce from proxy.ts instead.
 * - `static`: one policy for every response, with 'unsafe-inline' for Next's
 *   inline scripts: the baseline the bench measures `hash` against.
 * - `nonce`: a layer in front sets a fresh nonce per response and every page
 *   renders per request to carry it (measured by the bench, README Security).
 */
export type CspMode = 'hash' | 'static' | 'nonce';

/** The mode a build was made for: `KIOSQUE_CSP=static` or `nonce`, else hash. */
export function cspModeFrom(value: string | undefined): CspMode {
  return value === 'static' || value === 'nonce' ? value : 'hash';
}

/** Where browsers send what a page's policy blocked (app/api/csp-report/route.ts). */
export const CSP_REPORT_PATH = '/api/csp-report';
const REPORT_GROUP = 'csp';

/** Frames from exactly these providers' origins, or none. */
function frameSources(providers: readonly EmbedProviderId[]): string {
  return providers.length > 0 ? [...new Set(providers.map((provider) => EMBED_FRAME_ORIGINS[provider]))].join(' ') : "'none'";
}

/** Which frames a page may show: an article those of every provider (its own `<meta>` narrows them, embedFramePolicy), any other page none. */
export type PageFrames = 'embeds' | 'none';

function documentPolicy(scriptSources: string, frames: PageFrames, production: boolean): string {
  return [
    "default-src 'self'",
    `script-src ${scriptSources}`,
    `frame-src ${frameSources(frames === 'embeds' ? ALL_EMBED_PROVIDERS : [])}`,
    // Style attributes (the photos' focal points, React's own) need it; a style cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(production ? [`report-uri ${CSP_REPORT_PATH}`, `report-to ${REPORT_GROUP}`] : []),
  ].join('; ');
}

/** A page in hash mode: its own inline scripts by hash, the site's script files by origin, nothing else. */
export function hashedPagePolicy(scriptHashes: readonly string[], frames: PageFrames): string {
  return documentPolicy(["'self'", ...scriptHashes].join(' '), frames, true);
}

/** The frames a cached page may show, from its cache key (its path). */
export function pageFramesOf(path: string): PageFrames {
  return /^\/article\/[^/]+$/.test(path) ? 'embeds' : 'none';
}

/** A page rendered per request: Next puts this nonce on each of its scripts (it reads it from the request's CSP). */
export function nonceContentSecurityPolicy(nonce: string, frames: PageFrames = 'embeds'): string {
  // 'unsafe-inline' is ignored by browsers that know nonces; it only keeps very old ones working.
  return documentPolicy(`'nonce-${nonce}' 'strict-dynamic' 'unsafe-inline'`, frames, true);
}

/**
 * What an article page adds to the header's policy, in a `<meta>`: frames
 * from exactly the providers its body shows, or none. Browsers enforce every
 * policy a page has, so the page allows the frames both allow: the header
 * names every provider an article may show, since it must not depend on the
 * body, and each page narrows it to its own.
 */
export function embedFramePolicy(providers: readonly EmbedProviderId[]): string {
  return `frame-src ${frameSources(providers)}`;
}

/**
 * Feeds, sitemaps, images and the API are never documents a script could run
 * in; opened in a tab, nothing of theirs may run or load.
 */
export const RESOURCE_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The paths of every response that is not a page (app/'s route handlers, the
 * metadata routes, Next's own files, public/), in next.config's syntax: these
 * take RESOURCE_POLICY from the configuration, every page its own from the
 * cache. tests/e2e/crawlers/securityHeaders.spec.ts checks that each route
 * in app/ is on the side it belongs to.
 */
export const RESOURCE_PATHS = [
  '/_next/:path*',
  '/api/:path*',
  '/:feed(rss\\.xml|atom\\.xml|feed\\.json|sitemap\\.xml|news-sitemap\\.xml|robots\\.txt)',
  '/sitemaps/:file',
  '/:kind(rubrique|auteur|dossier)/:slug/:feed(rss\\.xml|atom\\.xml|feed\\.json)',
  '/article/:slug/:kind(image|direct)/:rest',
  '/:kind(images|photos|og)/:path*',
  '/:file(icon\\.png|logo\\.png|logo\\.svg|favicon\\.ico)',
] as const;

function commonHeaders(production: boolean): { key: string; value: string }[] {
  return [
    ...(production ? [{ key: 'Reporting-Endpoints', value: `${REPORT_GROUP}="${CSP_REPORT_PATH}"` }] : []),
    { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains; preload' },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  ];
}

const csp = (value: string) => ({ key: 'Content-Security-Policy', value });

/** The header rules of next.config.ts: later rules win where two set the same header. */
export function securityHeaderRules({
  production,
  mode,
}: {
  production: boolean;
  mode: CspMode;
}): { source: string; headers: { key: string; value: string }[] }[] {
  const everyResponse = { source: '/:path*', headers: commonHeaders(production) };
  // Development renders every request and React Refresh evaluates code.
  if (!production)
    return [{ source: '/:path*', headers: [...everyResponse.headers, csp(documentPolicy("'self' 'unsafe-inline' 'unsafe-eval'", 'embeds', false))] }];
  if (mode === 'static') {
    return [
      { source: '/:path*', headers: [...everyResponse.headers, csp(documentPolicy("'self' 'unsafe-inline'", 'none', true))] },
      { source: '/article/:slug', headers: [csp(documentPolicy("'self' 'unsafe-inline'", 'embeds', true))] },
    ];
  }
  // Nonce: the layer in front sets every policy. Hash: pages carry theirs from the cache.
  if (mode === 'nonce') return [everyResponse];
  return [everyResponse, ...RESOURCE_PATHS.map((source) => ({ source, headers: [csp(RESOURCE_POLICY)] }))];
}
