import { unlink } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContentIndex } from './assembleIndex';
import { ContentLoader } from './contentIndex';
import { buildArticleText, buildAuthorText } from '../testing/buildContentFile';
import { createContentDir, type TempContentDir } from '../testing/createContentDir';

// A loader told which files changed patches its last index; it must give
// what a new loader reading the whole folder gives, for every kind of edit.

let content: TempContentDir;
let watched: ContentLoader;

beforeEach(async () => {
  content = await createContentDir({
    'authors/sikagz.md': buildAuthorText(),
    'authors/autre.md': buildAuthorText({ name: 'Autre Plume' }),
    'articles/ancien.md': buildArticleText({ title: 'Ancien', publishedAt: '2024-01-01T10:00:00+01:00' }),
    'articles/moyen.md': buildArticleText({ title: 'Moyen', publishedAt: '2024-01-02T10:00:00+01:00', tags: ['Sport'] }),
    'articles/recent.md': buildArticleText({ title: 'Récent', publishedAt: '2024-01-03T10:00:00+01:00', author: 'autre' }),
  });
  watched = new ContentLoader(content.root);
  await watched.load();
});

afterEach(async () => {
  await content.remove();
});

/** What readers and editors see of an index, in a stable order. */
function seen(index: ContentIndex) {
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    articles: index.articles.map((article) => [article.slug, article.title, article.publishedAt.iso, article.authors.map((author) => author.slug).join(","), article.tags.join(',')]),
    errors: index.errors.map((error) => JSON.stringify(error)).sort(byText),
    warnings: index.warnings.map((error) => JSON.stringify(error)).sort(byText),
    redirects: [...index.redirects].sort(([a], [b]) => byText(a, b)),
  };
}

/** Announces the change to the watched loader, and checks it against a whole new read. */
async function announce(...files: string[]): Promise<ContentIndex> {
  const index = await watched.load({ fresh: true, changed: files });
  const fresh = await new ContentLoader(content.root).load();
  expect(seen(index)).toStrictEqual(seen(fresh));
  for (const article of fresh.articles) expect(watched.article(article.slug)?.title).toBe(article.title);
  return index;
}

describe('an index patched per changed file', () => {
  it('adds a new article in its place by date, without reading the others', async () => {
    const file = await content.write('articles/entre-deux.md', buildArticleText({ title: 'Entre deux', publishedAt: '2024-01-02T12:00:00+01:00' }));
    const parsesBefore = watched.parseCount;
    const index = await announce(file);
    expect(index.articles.map((article) => article.slug)).toStrictEqual(['recent', 'entre-deux', 'moyen', 'ancien']);
    expect(watched.parseCount - parsesBefore).toBe(1);
    expect(index.changedFrom?.added.map((article) => article.slug)).toStrictEqual(['entre-deux']);
  });

  it('takes a changed file named by a relative path as the watcher’s absolute one', async () => {
    const file = await content.write('articles/relatif.md', buildArticleText({ title: 'Relatif' }));
    const index = await announce(path.relative(process.cwd(), file));
    expect(index.changedFrom?.added.map((article) => article.slug)).toStrictEqual(['relatif']);
  });

  it('moves an article whose date changed, and takes a new title and tags', async () => {
    const file = await content.write('articles/ancien.md', buildArticleText({ title: 'Ancien, corrigé', publishedAt: '2024-01-05T10:00:00+01:00', tags: ['Sport', 'Rugby'] }));
    const index = await announce(file);
    expect(index.articles[0]?.title).toBe('Ancien, corrigé');
    expect(index.changedFrom?.removed.map((article) => article.title)).toStrictEqual(['Ancien']);
  });

  it('removes a deleted article and its lookup by slug', async () => {
    const file = `${content.root}/articles/moyen.md`;
    await unlink(file);
    const index = await announce(file);
    expect(index.articles.map((article) => article.slug)).toStrictEqual(['recent', 'ancien']);
    expect(watched.article('moyen')).toBeUndefined();
  });

  it('turns an article into an error and back, keeping the other errors', async () => {
    await content.write('articles/casse-ailleurs.md', '---\ntitle: [\n---\n');
    await announce(`${content.root}/articles/casse-ailleurs.md`);
    const file = await content.write('articles/moyen.md', buildArticleText({ title: undefined }));
    const broken = await announce(file);
    expect(broken.errors.map((error) => error.file).sort()).toHaveLength(2);
    await content.write('articles/moyen.md', buildArticleText({ title: 'Moyen, réparé', publishedAt: '2024-01-02T10:00:00+01:00' }));
    const fixed = await announce(file);
    expect(fixed.errors).toHaveLength(1);
  });

  it('reports an unknown author on the changed file only', async () => {
    const file = await content.write('articles/orphelin.md', buildArticleText({ author: 'personne' }));
    const index = await announce(file);
    expect(index.errors.map((error) => error.field)).toStrictEqual(['author']);
  });

  it('assembles the whole index when the change involves other files', async () => {
    // The same slug in another folder: which file wins depends on the others.
    const twin = await content.write('articles/2024/moyen.md', buildArticleText({ title: 'Jumeau' }));
    const duplicate = await announce(twin);
    expect(duplicate.changedFrom).toBeUndefined();
    expect(duplicate.errors).toHaveLength(1);
    // Removing the first file leaves the slug to the other one.
    const first = `${content.root}/articles/moyen.md`;
    await unlink(first);
    const resolved = await announce(first);
    expect(resolved.articles.map((article) => article.title)).toContain('Jumeau');
    // A former slug can clash with any other file.
    const renamed = await content.write('articles/nouveau-nom.md', buildArticleText({ title: 'Renommé', redirectFrom: ['ancien-nom'] }));
    expect((await announce(renamed)).changedFrom).toBeUndefined();
    const clash = await content.write('articles/ancien-nom.md', buildArticleText({ title: 'Collision' }));
    const clashed = await announce(clash);
    expect(clashed.errors.map((error) => error.field)).toStrictEqual(['redirectFrom']);
  });

  it('assembles the whole index again when an author changes', async () => {
    const file = await content.write('authors/autre.md', buildAuthorText({ name: 'Autre Plume, renommée' }));
    const index = await announce(file);
    expect(index.articles.find((article) => article.slug === 'recent')?.authors[0]?.name).toBe('Autre Plume, renommée');
  });

  it('gives the same index as a whole read after a long run of edits', async () => {
    // A fixed sequence standing for a day in a newsroom: new pieces, corrections, deletions, mistakes.
    const days = ['2024-01-04', '2024-01-01', '2024-01-06', '2024-01-02', '2024-01-05'];
    for (let step = 0; step < 25; step += 1) {
      const name = `articles/piece-${step % 7}.md`;
      const file = `${content.root}/${name}`;
      if (step % 5 === 4) await unlink(file).catch(() => undefined);
      else if (step % 6 === 5) await content.write(name, buildArticleText({ publishedAt: 'demain' }));
      else await content.write(name, buildArticleText({ title: `Pièce ${step}`, publishedAt: `${days[step % days.length]}T0${step % 10}:00:00+01:00`, author: step % 2 ? 'sikagz' : 'autre', tags: [`Sujet ${step % 3}`] }));
      await announce(file);
    }
  });
});
