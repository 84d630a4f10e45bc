import path from 'node:path';
import type { NextConfig } from 'next';
import { sourceFingerprint } from './lib/content/parsing/sourceFingerprint';
import { cspModeFrom, securityHeaderRules } from './lib/securityHeaders';

const SEARCH_QUERY_SEGMENT = '(?<query>(?!\\.+$)[^/\\\\%?#\\x00-\\x1f\\x7f]{1,200})';

const nextConfig: NextConfig = {
  // The tests build the site twice (shipped content, fixture corpus) side by side.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  poweredByHeader: false,
  // A self-contained server (`.next/standalone/server.js`) with only the files it
  // needs: what scripts/start.mjs runs, once or as N replicas, and what the Dockerfile copies.
  output: 'standalone',
  outputFileTracingIncludes: {
    // Read at run time by the share-card images (app/_crawlers/shareCard.tsx).
    '/**': ['./node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-{400,700}-normal.woff'],
  },
  // Content, tests and benchmark results match the tracer's guesses at `*.json` reads; the server reads content from CONTENT_DIR.
  outputFileTracingExcludes: {
    '/**': ['./content/**', './tests/**', './bench/results/**', './bench/.corpus-*/**', './test-results/**', './app/**', './scripts/**'],
  },
  // Shared by the replicas through Redis when REDIS_URL is set; bounded on disk either way (lib/cache/).
  cacheHandler: path.join(import.meta.dirname, 'lib/cache/siteCache.ts'),
  reactStrictMode: true,
  // Photos are served by app/photos/ (lib/images): hashed, immutable URLs, the
  // same re-encoding for pages, crops and share cards, bounded caches. Next's own
  // optimizer is switched off, so /_next/image answers 404 and fetches nothing.
  images: { unoptimized: true },
  // Security headers on every response; the CSP of pages comes with each page from the cache (lib/securityHeaders.ts).
  headers: () =>
    Promise.resolve([
      ...securityHeaderRules({ production: process.env.NODE_ENV === 'production', mode: cspModeFrom(process.env.KIOSQUE_CSP) }),
      // Secrets, cookies and previews: never kept by a browser, a proxy or a CDN.
      { source: '/api/:path*', headers: [{ key: 'Cache-Control', value: 'private, no-store' }] },
    ]),
  // Pages say `s-maxage=86400, stale-while-revalidate=…` to caches in front: a
  // day, the safety net, since changes revalidate by tag (Cache-Tag for a CDN to
  // purge by). Next's default window is a year; a week bounds how old a page a CDN
  // may serve while the site is unreachable.
  expireTime: 604_800,
  // A search is a page of the cache like any listing (app/recherche/q/): the
  // query string becomes the path Next caches by. Before the file system, or
  // app/recherche/page.tsx would answer first; a page number first. Queries
  // that cannot be a path segment (with a slash, backslash, %, ?, # or control character, or only dots) go to
  // app/recherche/page.tsx, rendered per request.
  rewrites: () =>
    Promise.resolve({
      beforeFiles: [
        {
          source: '/recherche',
          has: [
            { type: 'query', key: 'q', value: SEARCH_QUERY_SEGMENT },
            { type: 'query', key: 'page', value: '(?<page>[1-9][0-9]{0,3})' },
          ],
          destination: '/recherche/q/:query/:page',
        },
        { source: '/recherche', has: [{ type: 'query', key: 'q', value: SEARCH_QUERY_SEGMENT }], destination: '/recherche/q/:query' },
      ],
      afterFiles: [],
      fallback: [],
    }),
  env: {
    // Inlined at build time: the persistent content cache written by one parser
    // is never read by another (lib/content/index/persistentCache.ts).
    KIOSQUE_PARSER_FINGERPRINT: sourceFingerprint(process.cwd()),
  },
};

export default nextConfig;
