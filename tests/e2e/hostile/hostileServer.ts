/**
 * The hostile-content server: the corpus build served from copies of the build
 * and of the content, with every file of tests/hostile/ added to the articles
 * at run time (so the build's own content check never sees them).
 */
export const HOSTILE_SERVER = {
  port: 3214,
  distDir: '.next-hostile',
  contentDir: 'tests/.hostile-corpus',
  secrets: { revalidate: 'secret-de-test-contenu-hostile' },
} as const;
