import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentErrorsFound } from './contentError';
import { getPublishedArticle, getPublishedArticles, getSiteContent } from './siteContent';
import { buildArticleText, buildAuthorText } from './testing/buildContentFile';
import { createContentDir, type TempContentDir } from './testing/createContentDir';

const savedEnv = { CONTENT_DIR: process.env.CONTENT_DIR, NEXT_PHASE: process.env.NEXT_PHASE };

let content: TempContentDir;
let badTitle: string;
let badAuthor: string;

beforeEach(async () => {
  content = await createContentDir({
    'authors/sikagz.md': buildAuthorText(),
    'articles/bon.md': buildArticleText({ title: 'Le bon article' }),
  });
  badTitle = await content.write('articles/sans-titre.md', buildArticleText({ title: undefined }));
  badAuthor = await content.write('articles/sans-auteur.md', buildArticleText({ author: 'personne' }));
  process.env.CONTENT_DIR = content.root;
  delete process.env.NEXT_PHASE;
});

afterEach(async () => {
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  vi.restoreAllMocks();
  await content.remove();
});

describe('siteContent', () => {
  it('serves the valid articles and logs every invalid file once', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const articles = await getPublishedArticles();
    expect(articles.map((article) => article.title)).toStrictEqual(['Le bon article']);
    expect(consoleError).toHaveBeenCalledTimes(1);
    const logged = String(consoleError.mock.calls[0]?.[0]);
    expect(logged).toContain(`${badTitle}:1:1  title : champ obligatoire manquant`);
    expect(logged).toContain(`${badAuthor}:5:1  author : auteur inconnu « personne »`);

    await getPublishedArticles();
    expect(consoleError).toHaveBeenCalledTimes(1);
  });

  it('stops the production build with every error listed', async () => {
    process.env.NEXT_PHASE = 'phase-production-build';
    const loading = getSiteContent();
    await expect(loading).rejects.toBeInstanceOf(ContentErrorsFound);
    await expect(loading).rejects.toThrow(/^Contenu invalide, 2 erreurs :\n/);
    await expect(loading).rejects.toThrow(badTitle);
    await expect(loading).rejects.toThrow(badAuthor);
  });

  it('keeps drafts out of what readers see', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await content.write('articles/brouillon.md', buildArticleText({ title: 'Pas encore', draft: true, publishedAt: '2024-03-01' }));
    const { articles } = await getSiteContent();
    expect(articles.map((article) => article.slug)).toStrictEqual(['brouillon', 'bon']);
    expect((await getPublishedArticles()).map((article) => article.slug)).toStrictEqual(['bon']);
    expect(await getPublishedArticle('brouillon')).toBeUndefined();
    expect((await getPublishedArticle('bon'))?.title).toBe('Le bon article');
  });
});

describe('siteContent across replicas', () => {
  const SHARED_KEY = Symbol.for('kiosque.sharedCache');
  const shared = globalThis as unknown as Record<symbol, { revalidatedAt: number } | undefined>;
  afterEach(() => {
    delete shared[SHARED_KEY];
  });

  it('reuses its last look at the folder for a few seconds, but not past a revalidation another replica made since', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const titles = async () => (await getPublishedArticles()).map((article) => article.title).sort();
    expect(await titles()).toStrictEqual(['Le bon article']);

    await content.write('articles/nouveau.md', buildArticleText({ title: 'Publié ailleurs' }));
    // Within the few seconds a look at the folder is reused: not seen yet.
    expect(await titles()).toStrictEqual(['Le bon article']);

    // The shared cache reports a revalidation made on another replica (lib/cache/siteCache.mjs).
    shared[SHARED_KEY] = { revalidatedAt: Date.now() + 1 };
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await titles()).toStrictEqual(['Le bon article', 'Publié ailleurs']);
  });
});
