// Child process: fills a search index with `count` articles cloned from a corpus
// (new slugs, titles numbered, one hour apart, as scaleCorpus.ts writes them), then
// times queries that no page cache answers, and prints one JSON line.
//   tsx bench/measureSearch.ts <contentDir> <count> <indexFile>
import { rmSync } from 'node:fs';
import { ContentLoader } from '../lib/content/index/contentIndex';
import type { Article } from '../lib/content/article';
import { SearchIndex } from '../lib/search/searchIndex';
import { queryWords } from '../lib/search/searchQuery';

const [contentDir, countText, indexFile] = process.argv.slice(2);
if (!contentDir || !countText || !indexFile) throw new Error('usage: measureSearch <contentDir> <count> <indexFile>');
const count = Number(countText);

let peakRss = process.memoryUsage.rss();
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 5);

const loader = new ContentLoader(contentDir);
const sources = (await loader.load()).articles.filter((article) => !article.draft);
const newest = Date.parse('2026-01-01T12:00:00Z');
const clones: Article[] = Array.from({ length: count }, (_, index) => {
  const source = sources[index % sources.length] as Article;
  const date = new Date(newest - index * 3_600_000);
  return {
    ...source,
    slug: `${source.slug}-${index}`,
    title: `${source.title} (${index})`,
    revision: String(index),
    publishedAt: { date, iso: date.toISOString() },
  };
});
const textOf = new Map(sources.map((source) => [source.slug, loader.body(source).text]));
const bodyOf = (article: Article) => textOf.get(article.slug.replace(/-\d+$/, '')) ?? '';

for (const suffix of ['', '-wal', '-shm']) rmSync(indexFile + suffix, { force: true });
const index = SearchIndex.open(indexFile, 'bench');
const fillStart = performance.now();
await index.update(clones, bodyOf);
index.checkpoint();
const fillMs = performance.now() - fillStart;

// One edited article, as a publication brings: its text read and written again.
const edited = clones.map((article, position) => (position === 0 ? { ...article, title: `${article.title} modifié`, revision: 'edited' } : article));
const updateStart = performance.now();
const update = await index.update(edited, bodyOf);
const updateMs = performance.now() - updateStart;

// Queries readers type: one word of a title, or three words of one article (title and body).
const words = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word.length >= 4 && queryWords(word).length === 1);
const oneWord: string[] = [];
const threeWords: string[] = [];
for (const source of sources) {
  const titleWords = words(source.title);
  const bodyWords = words(textOf.get(source.slug) ?? '');
  if (titleWords[0]) oneWord.push(titleWords[0]);
  if (titleWords.at(-1)) oneWord.push(titleWords.at(-1) as string);
  if (titleWords[0] && bodyWords.length > 20) threeWords.push(`${titleWords[0]} ${bodyWords[7]} ${bodyWords[19]}`);
}
const now = new Date('2027-01-01T00:00:00Z');
function time(queries: readonly string[]): { p50: number; p99: number; queries: number; meanHits: number } {
  const durations: number[] = [];
  let hits = 0;
  for (const query of queries) {
    const start = performance.now();
    hits += index.search(query, { now, offset: 0, limit: 10 }).total;
    durations.push(performance.now() - start);
  }
  durations.sort((a, b) => a - b);
  const at = (quantile: number) => durations[Math.min(durations.length - 1, Math.floor(quantile * durations.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), queries: queries.length, meanHits: hits / queries.length };
}
const one = time(oneWord);
const three = time(threeWords);
clearInterval(sampler);
index.close();
console.log(JSON.stringify({ articles: count, fillMs, updateMs, updated: update.indexed, one, three, peakRssMb: peakRss / 1024 / 1024 }));
