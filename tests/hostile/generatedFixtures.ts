import { buildArticleText } from '../../lib/content/testing/buildContentFile';

export const MEGABYTE = 1024 * 1024;

/**
 * Hostile fixtures too big to commit, written by the test beside the committed
 * ones; expectations.json lists them with `"generated": true`. Functions, so a
 * test that does not need the megabyte does not build it.
 */
export const GENERATED_FIXTURES: Readonly<Record<string, () => string>> = {
  /** A body over 1 MB of ordinary prose, well past the length limit. */
  'body-over-a-megabyte.md': () => {
    const paragraph = '\nCes derniers mois, les différentes IA ont retourné la Toile.\n';
    return buildArticleText({}, paragraph.repeat(Math.ceil(MEGABYTE / paragraph.length) + 1));
  },
  /** 10,000 tags, one per line: a front matter of 150 KB. */
  'ten-thousand-tags.md': () => buildArticleText({ tags: Array.from({ length: 10_000 }, (_, index) => `sujet-${index}`) }),
};
