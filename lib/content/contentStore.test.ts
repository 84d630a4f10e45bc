import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentErrorsFound } from './contentError';
import { ContentStore, type ContentStoreOptions } from './contentStore';
import { buildArticleText } from './testing/buildContentFile';
import { createMixedContentDir, type TempContentDir } from './testing/createContentDir';
import { diskFiles, type ContentFiles } from './reading/readContentFiles';

let content: TempContentDir;
let badTitle: string;
let badAuthor: string;
const stores: ContentStore[] = [];
const cacheDirs: string[] = [];

beforeEach(async () => {
  ({ content, badTitle, badAuthor } = await createMixedContentDir());
});

afterEach(async () => {
  for (const store of stores.splice(0)) store.close();
  for (const cacheDir of cacheDirs.splice(0)) await rm(cacheDir, { recursive: true, force: true });
  await content.remove();
});

/** A store of the test folder; what it logs is kept in `logged`. */
function storeOf(options: Partial<ContentStoreOptions> = {}): { store: ContentStore; logged: string[] } {
  const logged: string[] = [];
  const store = new ContentStore({ contentDir: content.root, phase: 'serve', recheckMs: 0, photoCache: { memoryBytes: 1_000_000, diskBytes: 0 }, log: (report) => logged.push(report), ...options });
  stores.push(store);
  return { store, logged };
}

/** A cache folder of its own, removed after the test. */
async function newCacheDir(): Promise<string> {
  const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'kiosque-store-cache-'));
  cacheDirs.push(cacheDir);
  return cacheDir;
}

const titles = async (store: ContentStore) => (await store.published()).map((article) => article.title).sort();

describe('ContentStore', () => {
  it('serves the valid articles and logs every invalid file once', async () => {
    const { store, logged } = storeOf();
    expect(await titles(store)).toStrictEqual(['Le bon article']);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain(`${badTitle}:1:1  title : champ obligatoire manquant`);
    expect(logged[0]).toContain(`${badAuthor}:5:1  author : auteur inconnu « personne »`);
    await store.published();
    expect(logged).toHaveLength(1);
  });

  it('stops a build with every error listed', async () => {
    const { store } = storeOf({ phase: 'build' });
    const loading = store.load();
    await expect(loading).rejects.toBeInstanceOf(ContentErrorsFound);
    await expect(loading).rejects.toThrow(/^Contenu invalide, 2 erreurs :\n/);
    await expect(loading).rejects.toThrow(badTitle);
    await expect(loading).rejects.toThrow(badAuthor);
  });

  it('keeps drafts and scheduled articles out of what readers see, and previews them', async () => {
    await content.write('articles/brouillon.md', buildArticleText({ title: 'Pas encore', draft: true, publishedAt: '2024-03-01' }));
    await content.write('articles/plus-tard.md', buildArticleText({ title: 'Plus tard', publishedAt: '2099-01-01 08:00' }));
    const { store } = storeOf();
    expect((await store.published()).map((article) => article.slug)).toStrictEqual(['bon']);
    expect(await store.publishedArticle('brouillon')).toBeUndefined();
    expect((await store.articleForPreview('brouillon'))?.title).toBe('Pas encore');
    expect((await store.nextScheduledChange())?.toISOString()).toBe('2099-01-01T07:00:00.000Z');
  });

  it('reuses its last look at the folder while it is recent, but not past a revalidation another replica made since', async () => {
    let elsewhere = 0;
    const { store } = storeOf({ recheckMs: 60_000, revalidatedElsewhereAt: () => elsewhere });
    expect(await titles(store)).toStrictEqual(['Le bon article']);
    await content.write('articles/nouveau.md', buildArticleText({ title: 'Publié ailleurs' }));
    expect(await titles(store)).toStrictEqual(['Le bon article']);
    elsewhere = Date.now() + 1;
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await titles(store)).toStrictEqual(['Le bon article', 'Publié ailleurs']);
  });

  it('names the tags a change touches, compared with the last revalidation, then nothing', async () => {
    const { store } = storeOf({ recheckMs: 60_000 });
    await store.load();
    await content.write('articles/nouveau.md', buildArticleText({ title: 'Nouveau' }));
    expect(await store.tagsChangedSinceLastRevalidation()).toEqual(expect.arrayContaining(['article:nouveau', 'card:nouveau', 'list:home', 'sitemap', 'search']));
    expect(await store.tagsChangedSinceLastRevalidation()).toStrictEqual([]);
  });

  it('wakes at the end of a live coverage and revalidates that article’s page and card then, with no edit', async () => {
    await content.write('articles/direct.md', buildArticleText({ title: 'Le direct', live: true, liveUntil: '2030-06-01 20:00' }));
    const { store } = storeOf({ recheckMs: 60_000 });
    const before = new Date('2030-06-01T17:00:00Z');
    await store.tagsChangedSinceLastRevalidation(before);
    expect((await store.nextScheduledChange(before))?.toISOString()).toBe('2030-06-01T18:00:00.000Z');
    expect(await store.tagsChangedSinceLastRevalidation(new Date('2030-06-01T17:30:00Z'))).toStrictEqual([]);
    expect(await store.tagsChangedSinceLastRevalidation(new Date('2030-06-01T18:00:00Z'))).toStrictEqual(['article:direct', 'card:direct']);
    expect(await store.nextScheduledChange(new Date('2030-06-01T18:00:00Z'))).toBeUndefined();
  });

  it('starts from what its build saw: a file changed between the build and the start is revalidated at the first call', async () => {
    const cacheDir = await newCacheDir();
    await rm(badTitle);
    await rm(badAuthor);
    const options = { cacheDir, parserFingerprint: 'parser-a' };
    await storeOf({ ...options, phase: 'build' }).store.load();
    await content.write('articles/bon.md', buildArticleText({ title: 'Corrigé après le build' }));
    const { store } = storeOf(options);
    await store.load();
    expect(await store.tagsChangedSinceLastRevalidation()).toEqual(expect.arrayContaining(['article:bon', 'card:bon']));
    // Compared with once: the next revalidation starts from there, not from the build again.
    expect(await store.tagsChangedSinceLastRevalidation()).toStrictEqual([]);
    await content.write('articles/bon.md', buildArticleText({ title: 'Le bon article' }));
    expect(await store.tagsChangedSinceLastRevalidation()).toEqual(expect.arrayContaining(['article:bon', 'card:bon']));
    // Without a build's state there is nothing to compare with: everything must go.
    const fresh = storeOf({ ...options, parserFingerprint: undefined }).store;
    expect(await fresh.tagsChangedSinceLastRevalidation()).toBeUndefined();
  });

  it('starts from the build’s snapshot: a server reads no unchanged file, and reads a changed one', async () => {
    const cacheDir = await newCacheDir();
    await rm(badTitle);
    await rm(badAuthor);
    await content.write('articles/autre.md', buildArticleText({ title: 'Un autre article' }));
    const options = { cacheDir, parserFingerprint: 'parser-a' };
    await storeOf({ ...options, phase: 'build' }).store.load();
    const read: string[] = [];
    const files: ContentFiles = { ...diskFiles, read: (file) => (read.push(path.basename(file)), diskFiles.read(file)) };
    const { store } = storeOf({ ...options, files });
    expect(await titles(store)).toStrictEqual(['Le bon article', 'Un autre article']);
    expect(read).toStrictEqual([]);
    // The body comes from the build's stored parse, not from the source.
    const bon = await store.publishedArticle('bon');
    expect(bon && store.body(bon).html).toContain('<p>');
    expect(read).toStrictEqual([]);

    await new Promise((resolve) => setTimeout(resolve, 10));
    await content.write('articles/autre.md', buildArticleText({ title: 'Un autre article, corrigé' }));
    const { store: later } = storeOf({ ...options, files });
    expect(await titles(later)).toStrictEqual(['Le bon article', 'Un autre article, corrigé']);
    expect(read).toStrictEqual(['autre.md']);
    // Another parser's snapshot is not trusted: every file is read again.
    read.length = 0;
    await storeOf({ ...options, parserFingerprint: 'parser-b', files }).store.load();
    expect(read.sort()).toStrictEqual(['autre.md', 'bon.md', 'sikagz.md']);
  });

  it('writes its own snapshot when no build left one, so that its next start reads only what changed', async () => {
    const cacheDir = await newCacheDir();
    await rm(badTitle);
    await rm(badAuthor);
    await content.write('articles/autre.md', buildArticleText({ title: 'Un autre article' }));
    const read: string[] = [];
    const files: ContentFiles = { ...diskFiles, read: (file) => (read.push(path.basename(file)), diskFiles.read(file)) };
    const options = { cacheDir, parserFingerprint: 'parser-a', files, ownSnapshotDelayMs: 0 };
    const { store: first } = storeOf(options);
    await first.load();
    expect(read.sort()).toStrictEqual(['autre.md', 'bon.md', 'sikagz.md']);
    await first.ownSnapshotWritten;

    read.length = 0;
    await new Promise((resolve) => setTimeout(resolve, 10));
    await content.write('articles/autre.md', buildArticleText({ title: 'Un autre article, corrigé' }));
    const { store: restarted } = storeOf(options);
    // Its snapshot says what it read, not what pages show: with no build's summary, everything must go at its first revalidation.
    expect(await restarted.tagsChangedSinceLastRevalidation()).toBeUndefined();
    expect(await titles(restarted)).toStrictEqual(['Le bon article', 'Un autre article, corrigé']);
    expect(read).toStrictEqual(['autre.md']);
    // Started from a snapshot, it has none to write.
    expect(restarted.ownSnapshotWritten).toBeUndefined();
  });

  it('builds again from the last build’s snapshot: only changed files are read, and the check still sees every file', async () => {
    const cacheDir = await newCacheDir();
    await rm(badTitle);
    await rm(badAuthor);
    await content.write('articles/autre.md', buildArticleText({ title: 'Un autre article' }, 'Voir [le bon](/article/bon).'));
    const options = { cacheDir, parserFingerprint: 'parser-a', phase: 'build' as const };
    await storeOf(options).store.load();
    const read: string[] = [];
    const files: ContentFiles = { ...diskFiles, read: (file) => (read.push(path.basename(file)), diskFiles.read(file)) };
    await new Promise((resolve) => setTimeout(resolve, 10));
    await content.write('articles/nouveau.md', buildArticleText({ title: 'Nouveau' }, 'Le zéphyr se lève.'));
    const second = storeOf({ ...options, files }).store;
    await second.load();
    expect(read).toStrictEqual(['nouveau.md']);
    // The search index of the first build is brought up to date, not refilled.
    expect((await second.searchPublished('zephyr', 1, 10)).items.map((item) => item.article.slug)).toStrictEqual(['nouveau']);

    // An unchanged file whose link now points nowhere stops the build, though it was not read.
    await rm(path.join(content.root, 'articles', 'bon.md'));
    read.length = 0;
    const third = storeOf({ ...options, files }).store.load();
    await expect(third).rejects.toThrow(/autre\.md:\d+:\d+ +lien vers un article qui n’existe pas/);
    expect(read).toStrictEqual([]);
  });

  it('looks at the named files only when the watcher names them, and at the whole folder otherwise', async () => {
    let listings = 0;
    const files: ContentFiles = { ...diskFiles, list: (folder) => ((listings += 1), diskFiles.list(folder)) };
    const { store } = storeOf({ files, recheckMs: 60_000 });
    await store.load();
    const listed = listings;
    const added = await content.write('articles/nouveau.md', buildArticleText({ title: 'Nouveau' }));
    expect(await store.tagsChangedSinceLastRevalidation(new Date(), [added])).toEqual(expect.arrayContaining(['article:nouveau']));
    expect(listings).toBe(listed);
    await rm(added);
    expect(await store.tagsChangedSinceLastRevalidation(new Date(), [added])).toEqual(expect.arrayContaining(['article:nouveau']));
    expect((await store.published()).map((article) => article.slug)).toStrictEqual(['bon']);
    expect(listings).toBe(listed);
    // A folder (or a photo) named: the whole folder is listed again (articles/, authors/, dossiers/).
    await content.write('articles/2026/annee.md', buildArticleText({ title: 'Rangé par année' }));
    expect(await store.tagsChangedSinceLastRevalidation(new Date(), [path.join(content.root, 'articles', '2026')])).toEqual(expect.arrayContaining(['article:annee']));
    expect(listings).toBe(listed + 3);
  });

  it('gives each article’s body apart, and finds it by search', async () => {
    await content.write('articles/zephyr.md', buildArticleText({ title: 'Un vent léger' }, 'Le zéphyr souffle sur la ville.'));
    const { store } = storeOf();
    const article = await store.publishedArticle('zephyr');
    if (!article) throw new Error('no zephyr');
    expect(article).not.toHaveProperty('html');
    expect(store.body(article).html).toContain('zéphyr');
    const results = await store.searchPublished('zephyr', 1, 10);
    expect(results.items.map((item) => item.article.slug)).toStrictEqual(['zephyr']);
  });
});
