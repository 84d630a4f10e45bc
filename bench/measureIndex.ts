// Child process: loads a content folder cold, then re-checks it after one file
// changes, and prints one JSON line. A process of its own, so peak RSS is the index's.
import { appendFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { ContentLoader } from '../lib/content/index/contentIndex';
import { PersistentArticleCache } from '../lib/content/index/persistentCache';
import { sourceFingerprint } from '../lib/content/parsing/sourceFingerprint';

// With a cache file, parses kept on disk by an earlier process are reused (the
// server and build workers do the same); without, every file is parsed.
const [contentDir, cacheDir] = process.argv.slice(2);
if (!contentDir) throw new Error('usage: measureIndex <contentDir> [cacheDir]');
const persistentCache = cacheDir ? new PersistentArticleCache(cacheDir, sourceFingerprint(process.cwd())) : undefined;

let peakRss = process.memoryUsage.rss();
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 5);

const loader = new ContentLoader(contentDir, persistentCache);
const coldStart = performance.now();
const index = await loader.load();
const coldMs = performance.now() - coldStart;
const parsedBeforeWarm = loader.parseCount;
peakRss = Math.max(peakRss, process.memoryUsage.rss());

// One edited file: the warm re-check must parse that file only.
const [first] = (await readdir(path.join(contentDir, 'articles'))).sort();
if (!first) throw new Error('no article');
await appendFile(path.join(contentDir, 'articles', first), '\nUne phrase ajoutée par le banc d’essai.\n');
const parsedBefore = loader.parseCount;
const warmStart = performance.now();
await loader.load();
const warmMs = performance.now() - warmStart;
clearInterval(sampler);

console.log(
  JSON.stringify({
    articles: index.articles.length,
    errors: index.errors.length,
    coldMs,
    coldParsed: parsedBeforeWarm,
    warmMs,
    reparsed: loader.parseCount - parsedBefore,
    peakRssMb: peakRss / 1024 / 1024,
  }),
);
