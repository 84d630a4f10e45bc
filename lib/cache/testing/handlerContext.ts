import { nodeFs } from 'next/dist/server/lib/node-fs-methods';
import path from 'node:path';
import type { CacheHandlerContext } from 'next/dist/server/lib/incremental-cache';

/** What Next's IncrementalCache passes to the handler it constructs, for a build in `distDir`: Node's file system, nothing in memory. */
export function handlerContext(distDir: string): CacheHandlerContext & { fs: typeof nodeFs; serverDistDir: string } {
  return {
    fs: nodeFs,
    serverDistDir: path.join(distDir, 'server'),
    flushToDisk: true,
    revalidatedTags: [],
    maxMemoryCacheSize: 0,
    _requestHeaders: {},
    dev: false,
  };
}
