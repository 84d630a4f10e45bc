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

function policy(scriptSources: string): string {
  return [
    "default-src 'self'",
    `script-src ${scriptSources}`,
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
  return policy(`'nonce-${nonce}' 'strict-dynamic' 'unsafe-inline'`);
}

/** The headers every response carries (in nonce mode, all but the CSP, which the layer in front sets). */
export function securityHeaders({ production, csp = 'static' }: { production: boolean; csp?: CspMode }): { key: string; value: string }[] {
  const scripts = production ? "'self' 'unsafe-inline'" : "'self' 'unsafe-inline' 'unsafe-eval'"; // dev: React Refresh evaluates code
  return [
    ...(csp === 'static' ? [{ key: 'Content-Security-Policy', value: policy(scripts) }] : []),
    { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains; preload' },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  ];
}
