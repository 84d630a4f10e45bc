/**
 * The live-publishing server: the corpus build served again from copies of the
 * build and of the content, which these tests add, edit and delete files in.
 */
export const LIVE_SERVER = {
  port: 3212,
  distDir: '.next-live',
  contentDir: 'tests/.live-corpus',
  secrets: { revalidate: 'secret-de-test-revalidation', draft: 'secret-de-test-apercu' },
} as const;
