import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentLoader } from './contentIndex';
import { buildArticleText, buildAuthorText } from '../testing/buildContentFile';
import { createContentDir, type TempContentDir } from '../testing/createContentDir';

// What the loader keeps of a parse must not keep the file's text: V8 makes a
// substring a slice of the text it was cut from, and a title kept as a slice
// keeps the whole file. A first load of 100,000 articles ran out of heap that way.

const ARTICLES = 40;
/** A long body of prose (the limit is 200,000 characters): 40 such files are 7 MB of text. */
const BODY = 'Le conseil municipal a voté le budget, après un long débat sur les écoles et les routes. '.repeat(2_000);

let content: TempContentDir;

beforeEach(async () => {
  content = await createContentDir({ 'authors/sikagz.md': buildAuthorText() });
  for (let index = 0; index < ARTICLES; index += 1) {
    await content.write(`articles/article-${index}.md`, buildArticleText({ title: `Article ${index}`, tags: [`Sujet ${index}`] }, BODY));
  }
});

afterEach(async () => {
  await content.remove();
});

/** The heap in use after full collections. */
function heapUsed(): number {
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc') as () => void;
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}

describe('ContentLoader’s memory', () => {
  it('keeps no file’s text through the fields of its parse: a first load holds what the articles say, not their sources', { timeout: 30_000 }, async () => {
    // A first loader compiles the parser's code and regular expressions, which stay: the second is measured.
    let first: ContentLoader | undefined = new ContentLoader(content.root, undefined, { bodyCacheBytes: 0 });
    await first.load();
    first = undefined;
    await new Promise((resolve) => setTimeout(resolve, 50));
    const before = heapUsed();
    // No body kept in memory: only what the index keeps remains.
    const loader = new ContentLoader(content.root, undefined, { bodyCacheBytes: 0 });
    const { articles } = await loader.load();
    expect(articles).toHaveLength(ARTICLES);
    const grown = heapUsed() - before;
    // The 40 texts are 7 MB: kept through slices, they were 7 MB more; without them, well under 1 MB.
    expect(grown).toBeLessThan(2_000_000);
    expect(loader.article('article-0')?.tags).toStrictEqual(['Sujet 0']);
  });
});
