import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../lib/content/check/checkContent';
import type { ContentIndex } from '../../lib/content/index/contentIndex';
import { ContentLoader } from '../../lib/content/index/contentIndex';
import { generateFixtureCorpus } from './generate';
import { parisInstant, parisWallClock } from './parisClock';
import type { CorpusSummary } from './summary';

const NOW = new Date('2026-02-06T16:17:00Z');
const siteUrl = new URL('https://kiosque.example/');

let scratch: string;
let corpus: string;
let summary: CorpusSummary;
let index: ContentIndex;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'kiosque-fixture-corpus-'));
  corpus = path.join(scratch, 'corpus');
  summary = await generateFixtureCorpus(corpus, NOW);
  index = await new ContentLoader(corpus).load();
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** Every article file's text, by name. */
async function articleFiles(folder: string): Promise<Map<string, string>> {
  const names = await readdir(path.join(folder, 'articles'));
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(path.join(folder, 'articles', name), 'utf8')] as const)));
}

const plainSpaces = (text: string): string => text.replace(/\s+/g, ' ');

describe('the fixture corpus, read back by the site’s own loader', () => {
  it('passes the editors’ check (npm run content:check) without an error', async () => {
    const check = await checkContent(corpus, NOW, { siteUrl });
    expect(check.errors).toEqual([]);
    expect(index.errors).toEqual([]);
  });

  it('holds the articles the summary lists, the drafts apart', () => {
    const published = index.articles.filter((article) => !article.draft).map((article) => article.slug);
    expect(published.toSorted()).toEqual(summary.articles.map((article) => article.slug).toSorted());
    expect(index.articles.filter((article) => article.draft).map((article) => article.slug)).toEqual(summary.drafts);
    expect(summary.drafts).toHaveLength(1);
    expect(summary.counts.articles).toBe(published.length);
  });

  it('gives every article the facts the summary states, dates computed apart from lib/dates/', () => {
    const bySlug = new Map(index.articles.map((article) => [article.slug, article]));
    for (const facts of summary.articles) {
      const article = bySlug.get(facts.slug);
      expect(article, facts.slug).toBeDefined();
      if (!article) continue;
      expect({
        slug: article.slug,
        title: plainSpaces(article.title),
        category: article.category,
        tags: article.tags,
        authors: article.authors.map((author) => author.slug),
        type: article.type,
        dossier: article.dossier,
        publishedAt: article.publishedAt.date.toISOString(),
        corrections: article.corrections.map((correction) => correction.date.date.toISOString()),
        live: article.live?.entries.map((entry) => ({ id: entry.id, key: entry.key, date: entry.date.date.toISOString() })),
      }).toEqual({
        slug: facts.slug,
        title: plainSpaces(facts.title),
        category: facts.category,
        tags: facts.tags,
        authors: facts.authors,
        type: facts.type,
        dossier: facts.dossier,
        publishedAt: facts.publishedAt,
        corrections: facts.corrections.map((correction) => correction.date),
        live: facts.live?.map(({ id, key, date }) => ({ id, key, date })),
      });
    }
  });

  it('plants every feature the browser tests look for', () => {
    const articles = summary.articles;
    expect(articles.filter((article) => article.live)).toHaveLength(1);
    expect(articles.filter((article) => article.corrections.length === 2).length).toBeGreaterThan(0);
    expect(articles.filter((article) => article.authors.length === 3).length).toBeGreaterThan(0);
    expect(new Set(articles.flatMap((article) => (article.type ? [article.type] : []))).size).toBe(4);
    expect(articles.flatMap((article) => article.embeds.map((embed) => embed.provider))).toEqual(['youtube', 'x', 'youtube']);
    expect(Object.values(summary.dossiers).map((dossier) => dossier.parts.length)).toEqual([4]);
    // Both ways of writing a date, with and without the offset.
    expect(articles.some((article) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(article.publishedAtText))).toBe(true);
    expect(articles.some((article) => /T\d{2}:\d{2}:00\+0[12]:00$/.test(article.publishedAtText))).toBe(true);
    // Newest first, and the recent ones dated from the clock given.
    const epochs = articles.map((article) => Date.parse(article.publishedAt));
    expect(epochs).toEqual(epochs.toSorted((a, b) => b - a));
    expect(articles.filter((article) => article.recent).map((article) => (NOW.getTime() - Date.parse(article.publishedAt)) / 3_600_000)).toEqual([
      expect.closeTo(3, 0),
      expect.closeTo(30, 0),
      expect.closeTo(70, 0),
    ]);
  });
});

describe('generateFixtureCorpus', () => {
  it('writes the same files on every run; the clock moves the recent articles only', async () => {
    const again = path.join(scratch, 'again');
    const later = path.join(scratch, 'later');
    await generateFixtureCorpus(again, NOW);
    await generateFixtureCorpus(later, new Date(NOW.getTime() + 86_400_000));
    const [first, second, third] = await Promise.all([articleFiles(corpus), articleFiles(again), articleFiles(later)]);
    expect(second).toEqual(first);
    expect(await readFile(path.join(again, 'summary.json'), 'utf8')).toBe(await readFile(path.join(corpus, 'summary.json'), 'utf8'));
    const moved = [...first].filter(([name, text]) => third.get(name) !== text).map(([name]) => name.replace(/\.md$/, ''));
    const recent = [...summary.articles.filter((article) => article.recent).map((article) => article.slug), ...summary.drafts];
    expect(moved.toSorted()).toEqual(recent.toSorted());
  });

  it('refuses to delete a folder that holds anything but a corpus', async () => {
    const folder = path.join(scratch, 'foreign');
    await generateFixtureCorpus(folder, NOW);
    await writeFile(path.join(folder, 'notes.txt'), 'à garder');
    await expect(generateFixtureCorpus(folder, NOW)).rejects.toThrow(/notes\.txt/);
    expect(await readFile(path.join(folder, 'notes.txt'), 'utf8')).toBe('à garder');
  });
});

describe('parisClock, the oracle’s clock', () => {
  it('knows the 2023 changes: summer time from 26 March to 29 October', () => {
    const iso = (wall: Parameters<typeof parisInstant>[0]) => new Date(parisInstant(wall)).toISOString();
    expect(iso({ year: 2023, month: 3, day: 26, hour: 1, minute: 30 })).toBe('2023-03-26T00:30:00.000Z');
    expect(iso({ year: 2023, month: 3, day: 26, hour: 3, minute: 30 })).toBe('2023-03-26T01:30:00.000Z');
    expect(iso({ year: 2023, month: 10, day: 28, hour: 12, minute: 0 })).toBe('2023-10-28T10:00:00.000Z');
    expect(iso({ year: 2023, month: 10, day: 29, hour: 12, minute: 0 })).toBe('2023-10-29T11:00:00.000Z');
  });

  it('refuses the hour the spring change skips', () => {
    expect(() => parisInstant({ year: 2023, month: 3, day: 26, hour: 2, minute: 30 })).toThrow(/never happened/);
  });

  it('reads an instant back as the wall-clock time it came from, with its offset', () => {
    expect(parisWallClock(Date.parse('2024-02-06T15:17:00Z'))).toEqual({ wall: '2024-02-06T16:17:00', offset: '+01:00' });
    expect(parisWallClock(Date.parse('2023-07-14T08:00:00Z'))).toEqual({ wall: '2023-07-14T10:00:00', offset: '+02:00' });
  });
});
