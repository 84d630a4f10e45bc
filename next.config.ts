import path from 'node:path';
import type { NextConfig } from 'next';
import { sourceFingerprint } from './lib/content/sourceFingerprint';
import { cspModeFrom, securityHeaders } from './lib/securityHeaders';

const nextConfig: NextConfig = {
  // The tests build the site twice (shipped content, fixture corpus) side by side.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  poweredByHeader: false,
  // Not-found pages of unknown paths stay off the disk (lib/cache/notFoundAwareFileCache.mjs says why).
  cacheHandler: path.join(import.meta.dirname, 'lib/cache/notFoundAwareFileCache.mjs'),
  reactStrictMode: true,
  images: {
    // The optimizer only reads files of the site's own image folder (a bare
    // `/images/` would make it fetch a redirect and answer 500), no query
    // string, nothing remote, and gives up on any source above 8 MB, so no
    // request can make it fetch or decode something huge. Its disk cache is bounded too.
    localPatterns: [{ pathname: '/images/**/*.*', search: '' }],
    remotePatterns: [],
    maximumResponseBody: 8_000_000,
    maximumDiskCacheSize: 256_000_000,
  },
  // Every response, pages, feeds and images alike (lib/securityHeaders.ts says why the CSP is static).
  headers: () =>
    Promise.resolve([
      { source: '/:path*', headers: securityHeaders({ production: process.env.NODE_ENV === 'production', csp: cspModeFrom(process.env.KIOSQUE_CSP) }) },
    ]),
  env: {
    // Inlined at build time: the persistent content cache written by one parser
    // is never read by another (lib/content/persistentCache.ts).
    KIOSQUE_PARSER_FINGERPRINT: sourceFingerprint(process.cwd()),
  },
};

export default nextConfig;
