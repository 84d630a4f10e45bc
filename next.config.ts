import type { NextConfig } from 'next';
import { sourceFingerprint } from './lib/content/sourceFingerprint';

const nextConfig: NextConfig = {
  // The tests build the site twice (shipped content, fixture corpus) side by side.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  poweredByHeader: false,
  reactStrictMode: true,
  env: {
    // Inlined at build time: the persistent content cache written by one parser
    // is never read by another (lib/content/persistentCache.ts).
    KIOSQUE_PARSER_FINGERPRINT: sourceFingerprint(process.cwd()),
  },
};

export default nextConfig;
