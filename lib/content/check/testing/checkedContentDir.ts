import { afterEach, beforeEach } from 'vitest';
import { checkContent, type ContentCheck } from '../checkContent';
import type { ContentLoader } from '../../index/contentIndex';
import { buildAuthorText } from '../../testing/buildContentFile';
import { createContentDir, type TempContentDir } from '../../testing/createContentDir';

/** The day the check tests run on, and the site their absolute links name. */
const CHECK_NOW = new Date('2024-03-01T12:00:00Z');
export const CHECK_SITE_URL = new URL('https://kiosque.example/');

/**
 * For each test of the editors' check: a fresh folder holding one author,
 * removed after the test; `check()` runs the check on it at CHECK_NOW.
 */
export function checkedContentDir(): { readonly content: TempContentDir; check(options?: { loader?: ContentLoader }): Promise<ContentCheck> } {
  let current: TempContentDir | undefined;
  beforeEach(async () => {
    current = await createContentDir({ 'authors/sikagz.md': buildAuthorText() });
  });
  afterEach(async () => {
    await current?.remove();
  });
  const content = () => {
    if (!current) throw new Error('the content folder exists during a test only');
    return current;
  };
  return {
    get content() {
      return content();
    },
    check: (options = {}) => checkContent(content().root, CHECK_NOW, { siteUrl: CHECK_SITE_URL, ...options }),
  };
}
