import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildArticleText, buildAuthorText } from './buildContentFile';

/** A throw-away content folder (`articles/`, `authors/`, and `images/` with the shipped hero photo that test articles use) in the system's temp dir. */
export interface TempContentDir {
  root: string;
  /** Writes a file at a path relative to the root, creating its folders. */
  write(relativePath: string, content: string | Uint8Array): Promise<string>;
  remove(): Promise<void>;
}

/** The project's own photos: the hero of the default test article, and the inline one of the shipped article. */
export const SHIPPED_HERO = path.resolve('content/images/meta-ia-photos-hero.png');
export const SHIPPED_INLINE = path.resolve('content/images/meta-ia-photos-inline.png');

export async function createContentDir(files: Record<string, string | Uint8Array> = {}): Promise<TempContentDir> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'kiosque-content-'));
  const write = async (relativePath: string, content: string | Uint8Array): Promise<string> => {
    const absolutePath = path.join(root, relativePath);
    await mkdir(path.dirname(absolutePath), { recursive: true });
    await writeFile(absolutePath, content);
    return absolutePath;
  };
  await mkdir(path.join(root, 'articles'));
  await mkdir(path.join(root, 'authors'));
  await mkdir(path.join(root, 'images'));
  await copyFile(SHIPPED_HERO, path.join(root, 'images', path.basename(SHIPPED_HERO)));
  for (const [relativePath, content] of Object.entries(files)) await write(relativePath, content);
  return { root, write, remove: () => rm(root, { recursive: true, force: true }) };
}

/** A folder with one good article and two that cannot load (no title; an unknown author), and those two files' paths. */
export interface MixedContentDir {
  content: TempContentDir;
  badTitle: string;
  badAuthor: string;
}

export async function createMixedContentDir(): Promise<MixedContentDir> {
  const content = await createContentDir({
    'authors/sikagz.md': buildAuthorText(),
    'articles/bon.md': buildArticleText({ title: 'Le bon article' }),
  });
  const badTitle = await content.write('articles/sans-titre.md', buildArticleText({ title: undefined }));
  const badAuthor = await content.write('articles/sans-auteur.md', buildArticleText({ author: 'personne' }));
  return { content, badTitle, badAuthor };
}
