/**
 * The headers every response carries. The Content-Security-Policy is static,
 * so prerendered pages stay cacheable: Next's inline bootstrap scripts need
 * 'unsafe-inline' for scripts (a nonce would force every page to render per
 * request). Everything else is locked to the site itself.
 */
export function securityHeaders({ production }: { production: boolean }): { key: string; value: string }[] {
  const scripts = production ? "'self' 'unsafe-inline'" : "'self' 'unsafe-inline' 'unsafe-eval'"; // dev: React Refresh evaluates code
  const policy = [
    "default-src 'self'",
    `script-src ${scripts}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return [
    { key: 'Content-Security-Policy', value: policy },
    { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains; preload' },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  ];
}
