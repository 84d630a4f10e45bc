/**
 * The content-watching server: the corpus build served again from copies of
 * the build and of the content, as `npm start` runs it (its content watcher
 * on). Its tests change files and never call the revalidate API.
 */
export const WATCH_SERVER = {
  port: 3215,
  distDir: '.next-watch',
  contentDir: 'tests/.watch-corpus',
  secrets: { revalidate: 'secret-de-test-surveillance' },
} as const;
