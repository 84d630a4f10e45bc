// What one run of the bench measures, from its command line: `--quick` (the smoke
// run inside `npm test`) and `--only=<section>`.

export const quick = process.argv.includes('--quick');

/** The sections `--only=` may name; `build` also serves, loads and weighs what it built. */
export const SECTIONS = ['index', 'search', 'store', 'build', 'csp'] as const;
export type SectionName = (typeof SECTIONS)[number];

/** `--only=store`: one section alone (the 100,000-article archive takes a quarter of an hour by itself). */
export const only = process.argv.find((argument) => argument.startsWith('--only='))?.slice('--only='.length);
if (only !== undefined && !(SECTIONS as readonly string[]).includes(only)) throw new Error(`--only: one of ${SECTIONS.join(', ')}`);
export const runsSection = (section: SectionName) => only === undefined || only === section;

export const INDEX_SIZES = quick ? [200] : [1_000, 10_000];
export const BUILD_SIZES = quick ? [100] : [1_000, 10_000, 100_000];
export const SEARCH_SIZES = quick ? [1_000] : [1_000, 10_000, 100_000];
export const STORE_SIZES = quick ? [1_000] : [1_000, 10_000, 100_000];
/** The corpus every serving section builds and loads. */
export const SERVED_SIZE = Math.min(...BUILD_SIZES);
export const LOAD_SECONDS = quick ? 2 : 10;
/** Each load measure is repeated and its median kept: single runs here move by 20-30 %. */
export const LOAD_RUNS = quick ? 1 : 3;
export const CONNECTIONS = 50;
export const COLD_ARTICLES = quick ? 11 : 101;

export const corpusDir = (count: number) => `bench/.corpus-${count}`;

/**
 * The environment of a build of `count` articles into `distDir`, and of the
 * server that serves it: `siteUrl` is written into the pages (canonical,
 * photos, feeds), so it is where that server listens.
 */
export function buildEnv(count: number, distDir: string, siteUrl: string): Record<string, string> {
  return { CONTENT_DIR: corpusDir(count), NEXT_DIST_DIR: distDir, SITE_URL: siteUrl, NEXT_TELEMETRY_DISABLED: '1' };
}
