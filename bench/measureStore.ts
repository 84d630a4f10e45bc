// Child process: the content store of one content folder as a server has it.
//   fill:  what `next build` does for content (the editors' check, every parse and
//          body stored, the search index filled, the public state written);
//   serve: a new process starting from that cache (the server's first request:
//          the index, the front page's list, one article and its body), then one
//          publication as the watcher announces it (a new file: the tags it touches,
//          the search index brought up to date), named by the watcher, then a
//          correction announced without naming it (the whole folder looked at);
//   own:   a server that found no build's snapshot (a replica on a mounted folder):
//          ready from the stored parses, then its own snapshot written; run again,
//          ready from that snapshot.
// Prints one JSON line. A process of its own, so peak RSS and CPU are the store's.
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ContentStore, SUMMARY_READ_DELAY_MS } from '../lib/content/contentStore';
import { SITEMAP_LIMITS } from '../lib/seo/sitemap';
import { sourceFingerprint } from '../lib/content/parsing/sourceFingerprint';

const [contentDir, cacheDir, phase] = process.argv.slice(2);
if (!contentDir || !cacheDir || (phase !== 'fill' && phase !== 'serve' && phase !== 'own'))
  throw new Error('usage: measureStore <contentDir> <cacheDir> fill|serve|own');

let peakRss = process.memoryUsage.rss();
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 5);
const store = new ContentStore({
  contentDir: path.resolve(contentDir),
  cacheDir: path.resolve(cacheDir),
  parserFingerprint: sourceFingerprint(process.cwd()),
  phase: phase === 'fill' ? 'build' : 'serve',
  recheckMs: Infinity,
  photoCache: { memoryBytes: 64_000_000, diskBytes: 0 },
  ownSnapshotDelayMs: 0,
  log: () => undefined,
});

/** What a first request needs: the index, the public list, the newest article and its body. */
async function firstPage() {
  const start = performance.now();
  const published = await store.published();
  const [newest] = published;
  if (!newest) throw new Error('no article');
  const article = await store.publishedArticle(newest.slug);
  if (!article) throw new Error('no article page');
  store.body(article);
  return { published, article, readyMs: performance.now() - start, rssAtReady: process.memoryUsage.rss() };
}

/**
 * The pages and files a set of tags regenerates once each is asked for again:
 * an article is its page (its share card and crops are drawn again only when
 * asked for, and only if their photo changed); a listing's newest page comes
 * with its three feeds (the front page, sections and authors have them, tags
 * not); an archive page is one page; the sitemaps are the index and its files
 * and the news sitemap. Cards and names are on those same pages. Cached search
 * results (`search`) are counted apart: how many there are depends on readers.
 */
function pagesRegenerated(tags: readonly string[], articleCount: number): number {
  let pages = 0;
  for (const tag of tags) {
    if (tag.startsWith('article:')) pages += 1;
    else if (/^list:[^:]+(:[^:]+)?$/.test(tag)) pages += tag.startsWith('list:tag:') ? 1 : 4;
    else if (/:page:\d+$/.test(tag)) pages += 1;
    else if (tag.endsWith(':archive')) pages += Number.POSITIVE_INFINITY;
    else if (tag === 'sitemap') pages += 2 + Math.ceil(articleCount / SITEMAP_LIMITS.urls);
    else if (tag === 'sections') pages += Number.POSITIVE_INFINITY;
  }
  return pages;
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1_000;
};

if (phase === 'fill') {
  const start = performance.now();
  const index = await store.load();
  clearInterval(sampler);
  console.log(JSON.stringify({ articles: index.articles.length, ms: performance.now() - start, peakRssMb: peakRss / 1024 / 1024 }));
} else if (phase === 'own') {
  const { published, readyMs, rssAtReady } = await firstPage();
  // A restore is one synchronous stretch: the sampler may not have run since it began.
  peakRss = Math.max(peakRss, rssAtReady);
  const writing = store.ownSnapshotWritten;
  const writeStart = performance.now();
  await writing;
  const snapshotWriteMs = writing ? performance.now() - writeStart : undefined;
  clearInterval(sampler);
  console.log(
    JSON.stringify({ articles: published.length, readyMs, rssAtReadyMb: rssAtReady / 1024 / 1024, peakRssMb: peakRss / 1024 / 1024, snapshotWriteMs }),
  );
  store.close();
} else {
  const { published, article, readyMs, rssAtReady } = await firstPage();
  // Searching once brings the index to the articles read (it was filled by the build).
  const firstSearchStart = performance.now();
  await store.searchPublished('ligue', 1, 20);
  const firstSearchMs = performance.now() - firstSearchStart;

  // A server reads its build's summary a moment after it starts (SUMMARY_READ_DELAY_MS): its cost, apart.
  const idleCpu = process.cpuUsage();
  await new Promise((resolve) => setTimeout(resolve, SUMMARY_READ_DELAY_MS + 500));
  const summaryReadCpuMs = cpuMs(idleCpu);

  // One publication, as the watcher announces it.
  // Absolute, as the watcher names it.
  const publishedFile = path.resolve(contentDir, 'articles', 'publication-du-banc-d-essai.md');
  await writeFile(
    publishedFile,
    [
      '---',
      'title: "Une publication mesurée par le banc d’essai"',
      'description: "Un article de plus, publié pendant que le serveur tourne."',
      `publishedAt: ${new Date(Date.now() - 60_000).toISOString().replace(/\.\d{3}Z$/, '+00:00')}`,
      `author: ${article.authors[0]?.slug ?? ''}`,
      `category: ${JSON.stringify(article.category)}`,
      'tags: [Banc d’essai]',
      'image:',
      `  src: ${article.image.src}`,
      `  alt: ${JSON.stringify(article.image.alt)}`,
      `  credit: ${JSON.stringify(article.image.credit)}`,
      '---',
      '',
      'Le texte de la publication mesurée.',
      '',
    ].join('\n'),
  );
  // As the watcher announces it (the file named), then as POST /api/revalidate without a body (the whole folder looked at).
  const measurePublication = async (changed?: string[]) => {
    const cpuBefore = process.cpuUsage();
    const startedAt = performance.now();
    const tags = (await store.tagsChangedSinceLastRevalidation(new Date(), changed)) ?? [];
    await store.searchPublished('mesurée', 1, 20);
    return { ms: performance.now() - startedAt, cpuMs: cpuMs(cpuBefore), tags, pages: pagesRegenerated(tags, published.length) };
  };
  // The first after the start also summarizes every article once (what later ones compare with).
  const first = await measurePublication([publishedFile]);
  const correct = async (word: string) =>
    writeFile(publishedFile, (await readFile(publishedFile, 'utf8')).replace('Une publication', `Une publication ${word}`));
  await correct('corrigée');
  const announced = await measurePublication([publishedFile]);
  await correct('recorrigée');
  const wholeFolder = await measurePublication();
  const tags = announced.tags;
  const publicationMs = announced.ms;
  const publicationCpuMs = announced.cpuMs;
  clearInterval(sampler);
  console.log(
    JSON.stringify({
      articles: published.length,
      readyMs,
      rssAtReadyMb: rssAtReady / 1024 / 1024,
      peakRssMb: peakRss / 1024 / 1024,
      firstSearchMs,
      publicationMs,
      publicationCpuMs,
      tags: tags.length,
      listTags: first.tags.filter((tag) => tag.startsWith('list:')),
      firstPublicationCpuMs: first.cpuMs,
      firstPublicationTags: first.tags.length,
      firstPublicationPages: first.pages,
      summaryReadCpuMs,
      publicationPages: announced.pages,
      publicationTagList: first.tags,
      wholeFolderCpuMs: wholeFolder.cpuMs,
      wholeFolderTags: wholeFolder.tags.length,
    }),
  );
  store.close();
  await rm(publishedFile);
}
