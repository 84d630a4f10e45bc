import { rename, rm, utimes } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentLoader } from './contentIndex';
import { ContentStore } from '../contentStore';
import { buildArticleText, buildAuthorText } from '../testing/buildContentFile';
import { createContentDir, type TempContentDir } from '../testing/createContentDir';
import { faultyFiles } from '../testing/faultyFiles';

/** Reads of these paths fail with these codes (testing/faultyFiles.ts). */
const failingReads = new Map<string, string>();
const files = faultyFiles(failingReads);

let content: TempContentDir;
let first: string;

beforeEach(async () => {
  content = await createContentDir({ 'authors/sikagz.md': buildAuthorText() });
  first = await content.write('articles/premier.md', buildArticleText({ title: 'Premier article' }));
  await content.write('articles/second.md', buildArticleText({ title: 'Second article' }));
});

afterEach(async () => {
  failingReads.clear();
  await content.remove();
});

const titles = (articles: readonly { title: string }[]) => articles.map((article) => article.title).sort();

/** Makes the loader see the file as changed, so it reads it again. */
async function touch(filePath: string): Promise<void> {
  const later = new Date(Date.now() + 5_000);
  await utimes(filePath, later, later);
}

describe('ContentLoader faults', () => {
  it('keeps the last good version of a file it can no longer read, says so, and picks the file up again once readable', async () => {
    const loader = new ContentLoader(content.root, undefined, { files });
    expect(titles((await loader.load()).articles)).toStrictEqual(['Premier article', 'Second article']);

    await content.write('articles/premier.md', buildArticleText({ title: 'Premier article corrigé' }));
    await touch(first);
    failingReads.set(first, 'EACCES');
    const during = await loader.load();
    expect(titles(during.articles)).toStrictEqual(['Premier article', 'Second article']);
    expect(during.errors).toStrictEqual([]);
    expect(loader.faults).toHaveLength(1);
    expect(loader.faults[0]).toMatch(/premier\.md : lecture impossible \(EACCES\), dernière version lue conservée/);

    failingReads.clear();
    const after = await loader.load();
    expect(titles(after.articles)).toStrictEqual(['Premier article corrigé', 'Second article']);
    expect(loader.faults).toStrictEqual([]);
  });

  it('reports a file it never could read as a content error naming it, and serves the others', async () => {
    failingReads.set(first, 'EIO');
    const loader = new ContentLoader(content.root, undefined, { files });
    const index = await loader.load();
    expect(titles(index.articles)).toStrictEqual(['Second article']);
    expect(index.errors).toHaveLength(1);
    expect(index.errors[0]?.file).toContain('premier.md');
    expect(index.errors[0]?.message).toBe('fichier illisible (EIO)');
  });

  it('drops a file deleted between the listing and the read, without failing', async () => {
    failingReads.set(first, 'ENOENT');
    const index = await new ContentLoader(content.root, undefined, { files }).load();
    expect(titles(index.articles)).toStrictEqual(['Second article']);
    expect(index.errors).toStrictEqual([]);
  });

  it('refuses to take a vanished articles folder for an empty one once it had articles', async () => {
    const loader = new ContentLoader(content.root, undefined, { files });
    await loader.load();
    await rename(path.join(content.root, 'articles'), path.join(content.root, 'articles-ailleurs'));
    await expect(loader.load()).rejects.toThrow(/dossier des articles introuvable/);
  });

  it('does not take an articles folder replaced by a file for an empty folder either', async () => {
    const loader = new ContentLoader(content.root, undefined, { files });
    await loader.load();
    await rm(path.join(content.root, 'articles'), { recursive: true });
    await content.write('articles', 'un fichier à la place du dossier');
    await expect(loader.load()).rejects.toThrow(/dossier des articles introuvable/);
  });

  it('reads an emptied (but present) articles folder as no articles: that is an editor’s choice', async () => {
    const loader = new ContentLoader(content.root, undefined, { files });
    await loader.load();
    await rm(path.join(content.root, 'articles'), { recursive: true });
    await content.write('articles/.gitkeep', '');
    expect((await loader.load()).articles).toStrictEqual([]);
  });
});

describe('ContentStore faults', () => {
  it('serves the last good index while the folder is missing, logs it once, and recovers when it is back', async () => {
    const logged: string[] = [];
    const store = new ContentStore({ contentDir: content.root, phase: 'serve', recheckMs: 0, photoCache: { memoryBytes: 1_000_000, diskBytes: 0 }, files, log: (report) => logged.push(report) });
    expect(titles((await store.load()).articles)).toStrictEqual(['Premier article', 'Second article']);

    await rename(path.join(content.root, 'articles'), path.join(content.root, 'articles-ailleurs'));
    expect(titles((await store.load()).articles)).toStrictEqual(['Premier article', 'Second article']);
    await store.load();
    const faultLogs = logged.filter((line) => line.includes('contenu non relu'));
    expect(faultLogs).toHaveLength(1);
    expect(faultLogs[0]).toContain('la dernière version lue reste en ligne : dossier des articles introuvable');

    await rename(path.join(content.root, 'articles-ailleurs'), path.join(content.root, 'articles'));
    await content.write('articles/troisieme.md', buildArticleText({ title: 'Troisième article' }));
    expect(titles((await store.load()).articles)).toStrictEqual(['Premier article', 'Second article', 'Troisième article']);
  });
});
