// Child process: what a build from nothing spends per article on the steps it
// cannot skip, each timed apart on the articles of a corpus, and prints one JSON line.
//   tsx bench/measureBuildFloor.ts <contentDir> <indexFile>
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { remark } from 'remark';
import { articleFrontMatterSchema } from '../lib/content/parsing/frontMatterSchema';
import { parseArticleFile } from '../lib/content/parsing/parseArticleFile';
import { parseContentFile } from '../lib/content/parsing/parseContentFile';
import { PhotoLibrary } from '../lib/images/photoLibrary';
import { SearchIndex } from '../lib/search/searchIndex';

const [contentDir, indexFile] = process.argv.slice(2);
if (!contentDir || !indexFile) throw new Error('usage: measureBuildFloor <contentDir> <indexFile>');

const folder = path.join(contentDir, 'articles');
const files = readdirSync(folder)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => ({ sourcePath: path.join(folder, name), text: readFileSync(path.join(folder, name), 'utf8') }));
const photos = new PhotoLibrary(path.join(contentDir, 'images')).lookup;
const markdown = remark();

/** Milliseconds per article of `step` over every file: the median of three passes after one to warm up. */
function perArticle(step: (file: (typeof files)[number]) => unknown): number {
  const passes: number[] = [];
  for (let pass = 0; pass < 4; pass += 1) {
    const start = performance.now();
    for (const file of files) step(file);
    if (pass > 0) passes.push((performance.now() - start) / files.length);
  }
  return passes.sort((a, b) => a - b)[1] as number;
}

const frontMatterMs = perArticle((file) => parseContentFile(file, articleFrontMatterSchema));
const bodies = new Map(files.map((file) => [file.sourcePath, file.text.replace(/^---\n[\s\S]*?\n---\n/, '')]));
const markdownMs = perArticle((file) => markdown.parse(bodies.get(file.sourcePath) ?? ''));
const parsed = files.flatMap((file) => {
  const result = parseArticleFile(file, { photos });
  return result.ok ? [result.value] : [];
});
const parseMs = perArticle((file) => parseArticleFile(file, { photos }));

// The search index filled from nothing with each article's text, as a build fills it (oldest first, one file).
const searchPasses: number[] = [];
for (let pass = 0; pass < 3; pass += 1) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(indexFile + suffix, { force: true });
  const index = SearchIndex.open(indexFile, 'bench');
  const start = performance.now();
  await index.update(parsed, (article) => article.body.text);
  index.checkpoint();
  searchPasses.push((performance.now() - start) / parsed.length);
  index.close();
}
for (const suffix of ['', '-wal', '-shm']) rmSync(indexFile + suffix, { force: true });
const searchMs = searchPasses.sort((a, b) => a - b)[1] as number;

console.log(JSON.stringify({ articles: files.length, frontMatterMs, markdownMs, parseMs, searchMs }));
