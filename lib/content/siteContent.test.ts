import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentErrorsFound } from './contentError';
import { getPublishedArticle, getPublishedArticles, getSiteContent } from './siteContent';
import { buildArticleText, buildAuthorText } from './testing/buildContentFile';
import { createContentDir, createMixedContentDir, type TempContentDir } from './testing/createContentDir';

const savedEnv = { CONTENT_DIR: process.env.CONTENT_DIR, NEXT_PHASE: process.env.NEXT_PHASE };

let content: TempContentDir;
let badTitle: string;
let badAuthor: string;

beforeEach(async () => {
  ({ content, badTitle, badAuthor } = await createMixedContentDir());
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

// The store's own behaviour is tested in contentStore.test.ts; here, how the server's environment makes it.
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

  it('gives a store of its own to another content folder (tests and benchmarks switch folders)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect((await getPublishedArticles()).map((article) => article.title)).toStrictEqual(['Le bon article']);
    const other = await createContentDir({ 'authors/sikagz.md': buildAuthorText(), 'articles/autre.md': buildArticleText({ title: 'Un autre dossier' }) });
    try {
      process.env.CONTENT_DIR = other.root;
      expect((await getPublishedArticles()).map((article) => article.title)).toStrictEqual(['Un autre dossier']);
      expect((await getPublishedArticle('autre'))?.title).toBe('Un autre dossier');
    } finally {
      await other.remove();
    }
  });
});
