import { copyFile, readdir, readFile, unlink, utimes } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentLoader } from './contentIndex';
import { PersistentArticleCache } from './persistentCache';
import { buildArticleText, buildAuthorText } from '../testing/buildContentFile';
import { createContentDir, SHIPPED_INLINE, type TempContentDir } from '../testing/createContentDir';

let content: TempContentDir;
let cacheDir: string;

beforeEach(async () => {
  content = await createContentDir({
    'authors/sikagz.md': buildAuthorText(),
    'articles/premier.md': buildArticleText({ title: 'Premier', publishedAt: '2024-02-06T16:17:00+01:00' }),
    'articles/second.md': buildArticleText({ title: 'Second', publishedAt: '2024-02-07 09:30' }),
  });
  cacheDir = path.join(content.root, 'cache');
});

afterEach(async () => {
  await content.remove();
});

/** A fresh process, as far as the loader can tell: new memory caches, the same file on disk. */
async function loadInNewProcess(fingerprint = 'parser-a') {
  const loader = new ContentLoader(content.root, new PersistentArticleCache(cacheDir, fingerprint));
  const index = await loader.load();
  return { loader, index, articlesParsed: loader.parseCount - 1 /* the author */ };
}

describe('PersistentArticleCache', () => {
  it('lets a new process reuse every parse, with the same articles and real dates', async () => {
    const first = await loadInNewProcess();
    expect(first.articlesParsed).toBe(2);
    const second = await loadInNewProcess();
    expect(second.articlesParsed).toBe(0);
    expect(second.index.articles.map((article) => [article.slug, article.title, second.loader.body(article).html])).toEqual(
      first.index.articles.map((article) => [article.slug, article.title, first.loader.body(article).html]),
    );
    const premier = second.index.articles.find((article) => article.slug === 'premier');
    expect(premier?.publishedAt.date).toBeInstanceOf(Date);
    expect(premier?.publishedAt.date.toISOString()).toBe('2024-02-06T15:17:00.000Z');
    expect(premier?.publishedAt.iso).toBe('2024-02-06T16:17:00+01:00');
  });

  it('gives a new process a live article’s entries with its body', async () => {
    await content.write('articles/direct.md', buildArticleText({ title: 'Direct', live: true }, '\nAvant.\n\n## 16:45 Première entrée\n\nLe texte de l’entrée.\n'));
    const first = await loadInNewProcess();
    const fresh = first.index.articles.find((article) => article.slug === 'direct');
    if (!fresh) throw new Error('expected the live article');
    const second = await loadInNewProcess();
    expect(second.articlesParsed).toBe(0);
    const stored = second.index.articles.find((article) => article.slug === 'direct');
    if (!stored) throw new Error('expected the live article');
    expect(second.loader.body(stored).live).toStrictEqual(first.loader.body(fresh).live);
    expect(second.loader.body(stored).live?.entries[0]?.html).toContain('Le texte de l’entrée.');
  });

  it('gives a new process the providers of an article’s embeds with its body', async () => {
    await content.write('articles/video.md', buildArticleText({ title: 'Vidéo' }, '\nAvant.\n\nhttps://youtu.be/dQw4w9WgXcQ\n'));
    const first = await loadInNewProcess();
    const fresh = first.index.articles.find((article) => article.slug === 'video');
    const second = await loadInNewProcess();
    const stored = second.index.articles.find((article) => article.slug === 'video');
    if (!fresh || !stored) throw new Error('expected the article');
    expect(first.loader.body(fresh).embeds).toStrictEqual(['youtube']);
    expect(second.articlesParsed).toBe(0);
    expect(second.loader.body(stored).embeds).toStrictEqual(['youtube']);
  });

  it('parses again exactly the file whose text changed', async () => {
    await loadInNewProcess();
    await content.write('articles/second.md', buildArticleText({ title: 'Second, corrigé' }));
    const { index, articlesParsed } = await loadInNewProcess();
    expect(articlesParsed).toBe(1);
    expect(index.articles.map((article) => article.title)).toContain('Second, corrigé');
  });

  it('parses again an article whose image file changed since', async () => {
    await loadInNewProcess();
    const image = path.join(content.root, 'images/meta-ia-photos-hero.png');
    const later = new Date(Date.now() + 60_000);
    await utimes(image, later, later);
    expect((await loadInNewProcess()).articlesParsed).toBe(2);
  });

  it('gives the replaced photo’s new hash to an article read back from the cache', async () => {
    const before = (await loadInNewProcess()).index.articles[0]?.image.hash;
    await copyFile(SHIPPED_INLINE, path.join(content.root, 'images/meta-ia-photos-hero.png'));
    const { index } = await loadInNewProcess();
    expect(index.errors).toStrictEqual([]);
    expect(index.articles[0]?.image.hash).not.toBe(before);
    expect(index.articles[0]?.image.width).toBe(1200);
  });

  it('ignores a cache written by another parser', async () => {
    await loadInNewProcess('parser-a');
    expect((await loadInNewProcess('parser-b')).articlesParsed).toBe(2);
  });

  it('keeps one entry per current file: earlier versions and deleted files are pruned', async () => {
    await loadInNewProcess();
    await content.write('articles/second.md', buildArticleText({ title: 'Second, corrigé' }));
    await unlink(path.join(content.root, 'articles/premier.md'));
    await loadInNewProcess();
    const entries = (await readdir(cacheDir)).sort();
    // One entry, and its body beside it.
    expect(entries).toHaveLength(2);
    const entry = entries.find((name) => !name.endsWith('.body.json')) ?? '';
    expect(entries).toContain(entry.replace(/\.json$/, '.body.json'));
    const stored = JSON.parse(await readFile(path.join(cacheDir, entry), 'utf8')) as { result: { value: { title: string } } };
    expect(stored.result.value.title).toBe('Second, corrigé');
  });

  it('keeps bodies on disk, read when a page asks, the same as a parse gives them; articles are plain data', async () => {
    const parser = new ContentLoader(content.root);
    const parsedNow = await parser.load();
    const byParse = new Map(parsedNow.articles.map((article) => [article.slug, parser.body(article)]));
    for (const { loader, index } of [await loadInNewProcess(), await loadInNewProcess()]) {
      for (const article of index.articles) {
        // No body in the index, and nothing behind a getter: a copy is the article.
        expect(article).not.toHaveProperty('html');
        expect(article).not.toHaveProperty('text');
        expect(Object.values(Object.getOwnPropertyDescriptors(article)).every((descriptor) => 'value' in descriptor)).toBe(true);
        expect(loader.body(article)).toEqual(byParse.get(article.slug));
        expect(loader.body(article).html).toContain('<p>');
      }
    }
  });

  it('renders a body again from its file when its cache file has gone', async () => {
    await loadInNewProcess();
    const { loader, index } = await loadInNewProcess();
    for (const name of await readdir(cacheDir)) if (name.endsWith('.body.json')) await unlink(path.join(cacheDir, name));
    const premier = index.articles.find((article) => article.slug === 'premier');
    if (!premier) throw new Error('no premier');
    expect(loader.body(premier).html).toContain('<p>');
    expect(loader.body(premier).text.length).toBeGreaterThan(0);
  });

  it('a body read from disk is kept in the bounded memory cache: the next read needs no file', async () => {
    await loadInNewProcess();
    const { loader, index } = await loadInNewProcess();
    const premier = index.articles.find((article) => article.slug === 'premier');
    if (!premier) throw new Error('no premier');
    const first = loader.body(premier);
    for (const name of await readdir(cacheDir)) if (name.endsWith('.body.json')) await unlink(path.join(cacheDir, name));
    await unlink(path.join(content.root, 'articles/premier.md'));
    expect(loader.body(premier)).toBe(first);
  });
});
