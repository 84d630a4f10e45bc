import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // The tests build the site twice (shipped content, fixture corpus) side by side.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
