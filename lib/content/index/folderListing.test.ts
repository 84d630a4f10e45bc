import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolderListing } from './folderListing';
import type { FoundFile } from '../reading/readContentFiles';

const root = path.resolve('/contenu');
const found = (relative: string, mtimeMs = 1, size = 10): FoundFile => ({ absolutePath: path.join(root, relative), mtimeMs, size });

function listingOf(...files: FoundFile[]): FolderListing {
  const listing = new FolderListing(root);
  listing.replace({ articles: files.filter((file) => file.absolutePath.includes('/articles/')), authors: [], dossiers: [] });
  return listing;
}

describe('FolderListing', () => {
  it('updates a named file from its stamp alone: changed, new and gone', () => {
    const listing = listingOf(found('articles/a.md'), found('articles/b.md'));
    const stamps = new Map([[path.join(root, 'articles/a.md'), found('articles/a.md', 2, 11)], [path.join(root, 'articles/c.md'), found('articles/c.md')]]);
    const changed = listing.after(['/contenu/articles/a.md', '/contenu/articles/b.md', '/contenu/articles/c.md'], { stamp: (file) => stamps.get(file) });
    expect(changed?.articles.map((file) => path.basename(file.absolutePath))).toStrictEqual(['a.md', 'c.md']);
    expect(changed?.gone).toStrictEqual([path.join(root, 'articles/b.md')]);
    expect(listing.listed.articles.map((file) => [path.basename(file.absolutePath), file.mtimeMs])).toStrictEqual([
      ['a.md', 2],
      ['c.md', 1],
    ]);
  });

  it('names nothing changed when a file is stamped as it was', () => {
    const listing = listingOf(found('articles/a.md'));
    expect(listing.after([path.join(root, 'articles/a.md')], { stamp: () => found('articles/a.md') })).toStrictEqual({ articles: [], authors: [], dossiers: [], gone: [] });
  });

  it('asks for a full look when a change is not a Markdown file of a content folder', () => {
    const listing = listingOf(found('articles/a.md'));
    for (const name of ['/contenu/images/photo.jpg', '/contenu/articles', '/contenu/articles/.brouillon/a.md', '/ailleurs/articles/a.md', '/contenu/a.md']) {
      expect(listing.after([name], { stamp: () => found('articles/a.md') })).toBeUndefined();
    }
  });
});
