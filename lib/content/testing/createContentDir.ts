import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

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
