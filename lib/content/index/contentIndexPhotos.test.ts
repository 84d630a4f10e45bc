import { readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentLoader } from './contentIndex';
import { buildArticleText, buildAuthorText } from '../testing/buildContentFile';
import { createContentDir, SHIPPED_INLINE, type TempContentDir } from '../testing/createContentDir';

let content: TempContentDir;

beforeEach(async () => {
  content = await createContentDir({ 'authors/sikagz.md': buildAuthorText() });
});

afterEach(async () => {
  await content.remove();
});

describe('ContentLoader and the photos of the content folder', () => {
  it('follows a photo replaced or deleted under an unchanged article, on the next load of the same loader', async () => {
    // The photo is the hero and in the body: its hash is in the page's HTML too.
    await content.write('articles/premier.md', buildArticleText({}, '\n![Une photo](/images/meta-ia-photos-hero.png "© Kiosque")\n'));
    const loader = new ContentLoader(content.root);
    const first = await loader.load();
    const hash = first.articles[0]?.image.hash ?? '';
    expect(first.articles[0]?.image).toMatchObject({ width: 1600, height: 900 });
    expect(first.articles[0] && loader.body(first.articles[0]).html).toContain(`/photos/${hash}/`);

    await content.write('images/meta-ia-photos-hero.png', await readFile(SHIPPED_INLINE));
    const replaced = await loader.load();
    expect(replaced.articles[0]?.image.hash).not.toBe(hash);
    expect(replaced.articles[0]?.image).toMatchObject({ width: 1200, height: 800 });
    expect(replaced.articles[0] && loader.body(replaced.articles[0]).html).not.toContain(hash);

    await unlink(path.join(content.root, 'images/meta-ia-photos-hero.png'));
    const deleted = await loader.load();
    expect(deleted.articles).toStrictEqual([]);
    expect(deleted.errors).toStrictEqual([expect.objectContaining({ field: 'image.src', message: expect.stringContaining('introuvable') as unknown })]);

    await content.write('images/meta-ia-photos-hero.png', await readFile(SHIPPED_INLINE));
    expect((await loader.load()).articles).toHaveLength(1);
  });
});
