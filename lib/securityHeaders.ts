import { EMBED_FRAME_ORIGINS, type EmbedProviderId } from './embeds/frameOrigins';

/**
 * How scripts are allowed. `static`: one policy for every response, so
 * prerendered pages stay cacheable, which means 'unsafe-inline' for Next's
 * inline bootstrap scripts. `nonce`: a layer in front of Next (a proxy, a
 * cache) sets a fresh nonce per response, and every page renders per request
 * to carry it; measured by the bench (README, Security) and not the default.
 */
export type CspMode = 'static' | 'nonce';

/** The mode a build was made for: `KIOSQUE_CSP=nonce`, else static. */
export function cspModeFrom(value: string | undefined): CspMode {
  return value === 'nonce' ? 'nonce' : 'static';
}

/** Frames from exactly these providers' origins, or none. */
function frameSources(providers: readonly EmbedProviderId[]): string {
  return providers.length > 0 ? [...new Set(providers.map((provider) => EMBED_FRAME_ORIGINS[provider]))].join(' ') : "'none'";
}

const ALL_PROVIDERS = Object.keys(EMBED_FRAME_ORIGINS) as EmbedProviderId[];

function policy(scriptSources: string, frames: readonly EmbedProviderId[]): string {
  return [
    "default-src 'self'",
    `script-src ${scriptSources}`,
    `frame-src ${frameSources(frames)}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The policy of the nonce mode: no 'unsafe-inline' in effect, scripts run only with the nonce or loaded by one that has it. */
export function nonceContentSecurityPolicy(nonce: string): string {
  // 'unsafe-inline' is ignored by browsers that know nonces; it only keeps very old ones working.
  // One policy for every response from the layer in front: the frames any article may have, which each page narrows (embedFramePolicy).
  return policy(`'nonce-${nonce}' 'strict-dynamic' 'unsafe-inline'`, ALL_PROVIDERS);
}

/**
 * What an article page adds to the header's policy, in a `<meta>`: frames
 * from exactly the providers its body shows, or none. Browsers enforce every
 * policy a page has, so the page allows the frames both allow: the header
 * (articleSecurityHeaders) names every provider an article may show, since
 * it is fixed at build time and an article's embeds change with its file,
 * and each page narrows it to its own.
 */
export function embedFramePolicy(providers: readonly EmbedProviderId[]): string {
  return `frame-src ${frameSources(providers)}`;
}

function scriptSources(production: boolean): string {
  return production ? "'self' 'unsafe-inline'" : "'self' 'unsafe-inline' 'unsafe-eval'"; // dev: React Refresh evaluates code
}

/** The headers every response carries (in nonce mode, all but the CSP, which the layer in front sets). */
export function securityHeaders({ production, csp = 'static' }: { production: boolean; csp?: CspMode }): { key: string; value: string }[] {
  return [
    ...(csp === 'static' ? [{ key: 'Content-Security-Policy', value: policy(scriptSources(production), []) }] : []),
    { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains; preload' },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  ];
}

/**
 * The CSP of article pages (`/article/<slug>`), which replaces the one
 * above there: the same, with the frames of every provider an article may
 * show; the page's own `<meta>` narrows it to its embeds (embedFramePolicy).
 */
export function articleSecurityHeaders({ production, csp = 'static' }: { production: boolean; csp?: CspMode }): { key: string; value: string }[] {
  return csp === 'static' ? [{ key: 'Content-Security-Policy', value: policy(scriptSources(production), ALL_PROVIDERS) }] : [];
}
