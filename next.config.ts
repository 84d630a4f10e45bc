import type { NextConfig } from 'next';
import { sourceFingerprint } from './lib/content/sourceFingerprint';
import { securityHeaders } from './lib/securityHeaders';

const nextConfig: NextConfig = {
  // The tests build the site twice (shipped content, fixture corpus) side by side.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  poweredByHeader: false,
  reactStrictMode: true,
  // Every response, pages, feeds and images alike (lib/securityHeaders.ts says why the CSP is static).
  headers: () => Promise.resolve([{ source: '/:path*', headers: securityHeaders({ production: process.env.NODE_ENV === 'production' }) }]),
  env: {
    // Inlined at build time: the persistent content cache written by one parser
    // is never read by another (lib/content/persistentCache.ts).
    KIOSQUE_PARSER_FINGERPRINT: sourceFingerprint(process.cwd()),
  },
};

export default nextConfig;
