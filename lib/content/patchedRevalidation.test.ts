import { unlink } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from './article';
import { ContentStore } from './contentStore';
import { summarizePublicState, tagsBetween, type PublicSummary } from './index/invalidation';
import { groupByAuthor, groupBySection, groupByTag } from './index/taxonomy';
import { buildArticleText, buildAuthorText } from './testing/buildContentFile';
import { createContentDir, type TempContentDir } from './testing/createContentDir';

// A store told which files changed patches its index, its public list, their
// taxonomy and its last summary; one told nothing reads the whole folder
// again. Both must revalidate the tags a comparison of every article gives,
// and show the same listings, for each kind of edit.

let content: TempContentDir;
let named: ContentStore;
let whole: ContentStore;
// The store selects what is public at the real time too (its first look): the schedule is set from it.
const startedAt = Date.now();
const hours = (count: number) => new Date(startedAt + count * 3_600_000);
let now = hours(0);
/** What readers saw at the last revalidation, summarized whole. */
let seenBefore: PublicSummary;

async function summaryOf(store: ContentStore): Promise<PublicSummary> {
  const { authors, dossiers, redirects } = await store.load();
  return summarizePublicState({ articles: await store.published(now), authors, dossiers, redirects });
}

const article = (fields: Record<string, unknown>) => buildArticleText({ publishedAt: '2024-02-01T10:00:00+01:00', ...fields });

beforeEach(async () => {
  content = await createContentDir({
    'authors/sikagz.md': buildAuthorText(),
    'authors/lea.md': buildAuthorText({ name: 'Léa Martin' }),
    'articles/meta.md': article({ title: 'Meta', category: 'Tech', tags: ['IA', 'Meta'], publishedAt: '2024-02-06T10:00:00+01:00' }),
    'articles/cinema.md': article({ title: 'Cinéma', category: 'Cinéma', tags: ['Cannes'], author: 'lea', publishedAt: '2024-02-05T10:00:00+01:00' }),
    'articles/sport.md': article({ title: 'Sport', category: 'Sport', tags: [], author: 'lea', publishedAt: '2024-02-04T10:00:00+01:00' }),
    'articles/tech.md': article({ title: 'Tech', category: 'Tech', tags: ['IA'], publishedAt: '2024-02-03T10:00:00+01:00' }),
    'articles/programme.md': article({ title: 'Programmé', category: 'Sport', tags: ['IA'], publishedAt: hours(1).toISOString().replace(/\.\d{3}Z$/, '+00:00') }),
  });
  const store = () => new ContentStore({ contentDir: content.root, phase: 'serve', recheckMs: Infinity, photoCache: { memoryBytes: 1_000_000, diskBytes: 0 }, log: () => undefined });
  named = store();
  whole = store();
  now = hours(0);
  for (const each of [named, whole]) {
    // Listings as pages group them, then the first revalidation: both start from the same state.
    groupListings(await each.published(now));
    await each.tagsChangedSinceLastRevalidation(now);
  }
  seenBefore = await summaryOf(whole);
});

afterEach(async () => {
  named.close();
  whole.close();
  await content.remove();
});

function groupListings(articles: readonly Article[]) {
  const slugs = (list: readonly Article[]) => list.map((each) => each.slug);
  return {
    articles: slugs(articles),
    sections: [...groupBySection(articles).values()].map((term) => [term.slug, term.name, slugs(term.articles)]).sort(),
    tags: [...groupByTag(articles).values()].map((term) => [term.slug, term.name, slugs(term.articles)]).sort(),
    authors: [...groupByAuthor(articles)].map(([slug, list]) => [slug, slugs(list)]).sort(),
  };
}

/** The same change revalidated by both stores: the same tags, the same listings. */
async function revalidate(...files: string[]): Promise<string[]> {
  const tags = await named.tagsChangedSinceLastRevalidation(now, files);
  expect(tags).toStrictEqual(await whole.tagsChangedSinceLastRevalidation(now));
  const seenAfter = await summaryOf(whole);
  // These listings have fewer than 12 articles, so no archive page: compared whole, each
  // listing touched also gets its archive tag; patched, no archive page is named (archivePages.test.ts covers them).
  expect(tags).toStrictEqual(tagsBetween(seenBefore, seenAfter).filter((tag) => !tag.endsWith(':archive')));
  seenBefore = seenAfter;
  expect(groupListings(await named.published(now))).toStrictEqual(groupListings(await whole.published(now)));
  return tags ?? [];
}

const write = (name: string, fields: Record<string, unknown>) => content.write(`articles/${name}.md`, article(fields));

describe('revalidation from the changed files only', () => {
  it('a new title: the article and its card, no listing', async () => {
    const file = await write('cinema', { title: 'Cinéma, corrigé', category: 'Cinéma', tags: ['Cannes'], author: 'lea', publishedAt: '2024-02-05T10:00:00+01:00' });
    expect(await revalidate(file)).toStrictEqual(['article:cinema', 'card:cinema', 'search', 'sitemap']);
  });

  it('tags added and removed, a section changed, an author changed', async () => {
    const file = await write('tech', { title: 'Tech', category: 'Sport', tags: ['Cannes'], author: 'lea', publishedAt: '2024-02-03T10:00:00+01:00' });
    const tags = await revalidate(file);
    for (const tag of ['list:tag:cannes', 'list:tag:ia', 'list:section:sport', 'list:section:tech', 'list:author:lea', 'list:author:sikagz']) expect(tags).toContain(tag);
  });

  it('a correction: the article, its card (its last change moved) and the sitemaps, no listing', async () => {
    const file = await write('cinema', { title: 'Cinéma', category: 'Cinéma', tags: ['Cannes'], author: 'lea', publishedAt: '2024-02-05T10:00:00+01:00', corrections: [{ date: '2024-02-06 09:00', text: 'Le réalisateur était mal nommé.' }] });
    expect(await revalidate(file)).toStrictEqual(['article:cinema', 'card:cinema', 'search', 'sitemap']);
  });

  it('a co-author added, then removed: the article joins and leaves that author’s listing only', async () => {
    const coSigned = await write('cinema', { title: 'Cinéma', category: 'Cinéma', tags: ['Cannes'], author: undefined, authors: ['lea', 'sikagz'], publishedAt: '2024-02-05T10:00:00+01:00' });
    const added = await revalidate(coSigned);
    expect(added.filter((tag) => tag.startsWith('list:'))).toStrictEqual(['list:author:sikagz']);
    expect(added).toEqual(expect.arrayContaining(['article:cinema', 'card:cinema']));
    expect(groupListings(await named.published(now)).authors).toContainEqual(['sikagz', ['meta', 'cinema', 'tech']]);
    const alone = await write('cinema', { title: 'Cinéma', category: 'Cinéma', tags: ['Cannes'], author: 'lea', publishedAt: '2024-02-05T10:00:00+01:00' });
    expect((await revalidate(alone)).filter((tag) => tag.startsWith('list:'))).toStrictEqual(['list:author:sikagz']);
  });

  it('a new article, then its deletion', async () => {
    const file = await write('nouveau', { title: 'Nouveau', category: 'Culture', tags: ['Meta'], publishedAt: '2024-02-07T10:00:00+01:00' });
    const added = await revalidate(file);
    expect(added).toContain('sections');
    expect(added).toContain('list:home');
    await unlink(file);
    expect(await revalidate(file)).toContain('list:section:culture');
  });

  it('a schedule coming due with no edit, and a draft', async () => {
    now = hours(2);
    expect(await revalidate()).toContain('article:programme');
    const file = await write('meta', { title: 'Meta', category: 'Tech', tags: ['IA', 'Meta'], publishedAt: '2024-02-06T10:00:00+01:00', draft: true });
    expect(await revalidate(file)).toContain('list:tag:meta');
  });

  it('a redirect added, an author renamed: assembled whole, still the same tags', async () => {
    await unlink(`${content.root}/articles/sport.md`);
    const renamed = await write('sport-renomme', { title: 'Sport', category: 'Sport', tags: [], author: 'lea', publishedAt: '2024-02-04T10:00:00+01:00', redirectFrom: ['sport'] });
    expect(await revalidate(`${content.root}/articles/sport.md`, renamed)).toContain('article:sport');
    const author = await content.write('authors/lea.md', buildAuthorText({ name: 'Léa Martin-Durand' }));
    expect(await revalidate(author)).toContain('person:lea');
  });

  it('moves only the listings an edit touches', async () => {
    const before = groupBySection(await named.published(now));
    const file = await content.write('articles/cinema.md', `${article({ title: 'Cinéma', category: 'Cinéma', tags: ['Cannes'], author: 'lea', publishedAt: '2024-02-05T10:00:00+01:00' })}\nUn paragraphe de plus.\n`);
    await revalidate(file);
    const after = groupBySection(await named.published(now));
    expect(after).not.toBe(before);
    // The Tech section did not change: its term is carried over, not grouped again.
    expect(after.get('tech')).toBe(before.get('tech'));
    expect(after.get('cinema')).not.toBe(before.get('cinema'));
  });
});
