import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildArticle as buildPlainArticle, newestFirst } from '../content/testing/buildArticle';
import type { Article } from '../content/article';
import { foldText } from './foldText';
import { SearchIndex } from './searchIndex';
import { buildSnippet } from './snippet';
import { COUNTED_MATCHES, matchExpression, MAX_QUERY_LENGTH, MAX_QUERY_WORDS, normalizeQuery, queryWords } from './searchQuery';

/** An article and its body's text (bodies are loaded apart from articles: lib/content/article.ts). */
type WithText = Article & { text: string };
function buildArticle(fields: Parameters<typeof buildPlainArticle>[0] & { text?: string }): WithText {
  const { text = 'Texte.', ...rest } = fields ?? { slug: 'article' };
  return { ...buildPlainArticle(rest), text };
}

const articles = newestFirst([
  buildArticle({
    slug: 'meta-photos',
    day: 6,
    title: 'Pour entraîner son IA, Mark Zuckerberg utilise vos photos',
    text: 'Meta a présenté ses résultats aux investisseurs.',
  }),
  buildArticle({
    slug: 'body-only',
    day: 7,
    title: 'Les festivals de l’été',
    text: 'Un long texte. Les modèles doivent entraîner leurs réseaux sur des photos, dit-on.',
  }),
  buildArticle({ slug: 'cinema', day: 8, title: 'Le cinéma français en forme', text: 'Les salles se remplissent.' }),
]);

const LATER = new Date('2030-01-01T00:00:00Z');
const bodyText = (article: Pick<Article, 'slug'>) => articles.find((candidate) => candidate.slug === article.slug)?.text ?? '';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function temporaryFile(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'kiosque-search-'));
  folders.push(folder);
  return path.join(folder, 'index', 'search.sqlite');
}

async function indexOf(list: readonly WithText[] = articles, file = ':memory:', parser = 'parser-1'): Promise<SearchIndex> {
  const index = SearchIndex.open(file, parser);
  await index.update(list, (article) => list.find((candidate) => candidate.slug === article.slug)?.text ?? '');
  return index;
}

const slugsFor = (index: SearchIndex, query: string, now = LATER) => index.search(query, { now, offset: 0, limit: 100 }).hits.map((hit) => hit.slug);

describe('SearchIndex', () => {
  it('ignores accents and case', async () => {
    const index = await indexOf();
    expect(slugsFor(index, 'entrainer')).toContain('meta-photos');
    expect(slugsFor(index, 'ENTRAÎNER')).toContain('meta-photos');
    expect(slugsFor(index, 'cinema')).toEqual(['cinema']);
    expect(slugsFor(index, 'ete')).toEqual(['body-only']);
  });

  it('ranks a title match above a body match, whatever the dates', async () => {
    const index = await indexOf();
    expect(slugsFor(index, 'entraîner')).toEqual(['meta-photos', 'body-only']);
  });

  it('requires every word of the query', async () => {
    const index = await indexOf();
    expect(slugsFor(index, 'photos investisseurs')).toEqual(['meta-photos']);
    expect(slugsFor(index, 'photos salles')).toEqual([]);
  });

  it('finds words by their beginning from three letters, whole words below', async () => {
    const index = await indexOf();
    expect(slugsFor(index, 'zuckerb')).toEqual(['meta-photos']);
    expect(slugsFor(index, 'ci')).toEqual([]);
    expect(slugsFor(index, 'cin')).toEqual(['cinema']);
    // The word being typed is the last: earlier ones are whole words.
    expect(slugsFor(index, 'mark zuckerb')).toEqual(['meta-photos']);
    expect(slugsFor(index, 'zuckerb mark')).toEqual([]);
  });

  it('answers an empty, blank or hostile query without throwing, and reads no operator in it', async () => {
    const index = await indexOf();
    expect(slugsFor(index, '')).toEqual([]);
    expect(slugsFor(index, '   ')).toEqual([]);
    expect(slugsFor(index, '<script>alert(1)</script>')).toEqual([]);
    expect(() => slugsFor(index, 'a'.repeat(10_000))).not.toThrow();
    expect(() => slugsFor(index, '*(){}[]?+\\^$|."\'')).not.toThrow();
    // FTS5 operators are plain words: NOT does not exclude, a column filter does not filter.
    expect(slugsFor(index, 'photos NOT salles')).toEqual([]);
    expect(slugsFor(index, 'title: cinema')).toEqual([]);
    expect(slugsFor(index, '"cinema')).toEqual(['cinema']);
  });

  it('orders each tier newest first: title, then standfirst, then body', async () => {
    const older = buildArticle({ slug: 'ancien', day: 2, title: 'Opéra ancien', description: 'Rien.', text: 'Rien.' });
    const newer = buildArticle({ slug: 'recent', day: 9, title: 'Opéra récent', description: 'Rien.', text: 'Rien.' });
    const standfirst = buildArticle({ slug: 'chapo', day: 12, title: 'Autre', description: 'Un opéra.', text: 'Rien.' });
    const body = buildArticle({ slug: 'corps', day: 15, title: 'Autre', description: 'Rien.', text: 'Un opéra.' });
    const index = await indexOf([older, newer, standfirst, body]);
    expect(slugsFor(index, 'opera')).toEqual(['recent', 'ancien', 'chapo', 'corps']);
    expect(index.search('opera', { now: LATER, offset: 1, limit: 2 }).hits.map((hit) => hit.slug)).toEqual(['ancien', 'chapo']);
  });

  it('counts every match and cuts the page asked for', async () => {
    const index = await indexOf();
    const all = index.search('chapo', { now: LATER, offset: 0, limit: 10 });
    expect(all.total).toBe(3);
    const second = index.search('chapo', { now: LATER, offset: 1, limit: 1 });
    expect(second.total).toBe(3);
    expect(second.hits.map((hit) => hit.slug)).toEqual([all.hits[1]?.slug]);
  });

  it('keeps drafts out and scheduled articles hidden until their time', async () => {
    const scheduled = buildArticle({
      slug: 'plus-tard',
      title: 'Un cinéma qui ouvrira',
      publishedAt: { iso: '2026-06-01T10:00:00+02:00', date: new Date('2026-06-01T08:00:00Z') },
    });
    const draft = buildArticle({ slug: 'brouillon', title: 'Cinéma en brouillon', draft: true });
    const index = await indexOf([...articles, scheduled, draft]);
    expect(slugsFor(index, 'cinema', new Date('2026-05-31T00:00:00Z'))).toEqual(['cinema']);
    expect(slugsFor(index, 'cinema', new Date('2026-06-01T08:00:00Z')).sort()).toEqual(['cinema', 'plus-tard']);
    expect(index.size).toBe(4);
  });

  it('highlights the matched words of the standfirst, else of the body, keeping their accents', async () => {
    const index = await indexOf();
    const [hit] = index.search('entrainer reseaux', { now: LATER, offset: 0, limit: 10 }).hits.filter((candidate) => candidate.slug === 'body-only');
    expect(hit?.snippet.filter((part) => part.match).map((part) => part.text)).toEqual(['entraîner', 'réseaux']);
    expect(hit?.snippet.map((part) => part.text).join('')).toContain('Les modèles doivent entraîner leurs réseaux sur des photos');
    const [standfirst] = index.search('chapo', { now: LATER, offset: 0, limit: 1 }).hits;
    expect(standfirst?.snippet.find((part) => part.match)?.text).toBe('Chapô');
  });

  it('falls back to the standfirst when only the title matches', async () => {
    const index = await indexOf();
    const [hit] = index.search('festivals', { now: LATER, offset: 0, limit: 1 }).hits;
    expect(hit?.snippet).toEqual([{ text: 'Chapô de body-only.', match: false }]);
  });

  it('stores only new and changed articles, and forgets removed ones', async () => {
    const index = SearchIndex.open(':memory:', 'parser-1');
    const read: string[] = [];
    const reader = (article: Pick<Article, 'slug'>) => {
      read.push(article.slug);
      return bodyText(article);
    };
    expect(await index.update(articles, reader)).toEqual({ indexed: 3, removed: 0 });
    read.length = 0;
    const edited = articles.map((article) => (article.slug === 'cinema' ? { ...article, title: 'Le théâtre français', revision: 'second' } : article));
    expect(await index.update(edited, reader)).toEqual({ indexed: 1, removed: 0 });
    expect(read).toEqual(['cinema']);
    expect(slugsFor(index, 'forme')).toEqual([]);
    expect(slugsFor(index, 'theatre')).toEqual(['cinema']);
    expect(
      await index.update(
        edited.filter((article) => article.slug !== 'meta-photos'),
        reader,
      ),
    ).toEqual({ indexed: 0, removed: 1 });
    expect(slugsFor(index, 'zuckerberg')).toEqual([]);
  });

  it('after a few changes, looks at those articles only', async () => {
    const index = SearchIndex.open(':memory:', 'parser-1');
    await index.update(articles, bodyText);
    const [first, second] = articles;
    if (!first || !second) throw new Error('fixture');
    const renamed = { ...first, title: 'Le théâtre français', revision: 'second' };
    const added = buildArticle({ slug: 'nouveau', title: 'Une dépêche inédite', text: 'Texte.' });
    // The first edited, the second deleted, one added; a draft is never stored.
    expect(
      await index.updateSome([first, second], [renamed, added, buildArticle({ slug: 'brouillon', title: 'Inédite aussi', draft: true })], bodyText),
    ).toEqual({ indexed: 2, removed: 1 });
    expect(slugsFor(index, 'theatre')).toEqual([first.slug]);
    expect(slugsFor(index, 'inedite')).toEqual(['nouveau']);
    expect(index.size).toBe(3);
  });

  it('fills a large list in several transactions, even when every article has the same date', async () => {
    const many = Array.from({ length: 1_234 }, (_, number) =>
      buildArticle({ slug: `article-${number}`, title: `Dépêche numéro ${number}`, text: `Texte ${number % 7 === 0 ? 'rare' : 'commun'}.` }),
    );
    const index = SearchIndex.open(':memory:', 'parser-1');
    expect(await index.update(many, (article) => many.find((candidate) => candidate.slug === article.slug)?.text ?? '')).toEqual({
      indexed: 1_234,
      removed: 0,
    });
    expect(index.search('rare', { now: LATER, offset: 0, limit: 5 }).total).toBe(Math.ceil(1_234 / 7));
    expect(index.search('commun', { now: LATER, offset: 0, limit: 5 }).total).toBe(COUNTED_MATCHES + 1);
    expect(index.search('commun', { now: LATER, offset: 990, limit: 10 }).hits).toHaveLength(10);
  });

  it('keeps its file between processes, and rebuilds it for another parser or a damaged file', async () => {
    const file = temporaryFile();
    (await indexOf(articles, file, 'parser-1')).close();
    const reopened = SearchIndex.open(file, 'parser-1');
    expect(reopened.size).toBe(3);
    expect(await reopened.update(articles, bodyText)).toEqual({ indexed: 0, removed: 0 });
    reopened.close();
    const otherParser = SearchIndex.open(file, 'parser-2');
    expect(otherParser.size).toBe(0);
    otherParser.close();
    writeFileSync(file, 'ceci n’est pas une base SQLite');
    for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true });
    const rebuilt = await indexOf(articles, file, 'parser-1');
    expect(slugsFor(rebuilt, 'cinema')).toEqual(['cinema']);
    rebuilt.close();
  });

  it('sees what another connection to the same file stored', async () => {
    const file = temporaryFile();
    const first = await indexOf(articles, file);
    const second = SearchIndex.open(file, 'parser-1');
    expect(second.size).toBe(3);
    const extra = buildArticle({ slug: 'nouveau', title: 'Un opéra', text: 'Musique.' });
    await first.update([...articles, extra], (article) => (article.slug === 'nouveau' ? extra.text : bodyText(article)));
    expect(await second.update([...articles, extra], () => 'jamais lu')).toEqual({ indexed: 0, removed: 0 });
    expect(slugsFor(second, 'opera')).toEqual(['nouveau']);
    first.close();
    second.close();
  });
});

describe('buildSnippet', () => {
  const words = (...list: string[]) => list.map((word, index) => ({ folded: foldText(word), prefix: index === list.length - 1 }));

  it('highlights whole words around the first match, keeping the original accents', () => {
    const snippet = buildSnippet(
      { description: 'Un chapô sans rapport.', text: 'Les modèles doivent entraîner leurs réseaux sur des photos.' },
      words('entrainer'),
    );
    expect(snippet.filter((part) => part.match).map((part) => part.text)).toEqual(['entraîner']);
    expect(snippet.map((part) => part.text).join('')).toBe('Les modèles doivent entraîner leurs réseaux sur des photos.');
  });

  it('highlights a whole word only where it is one, a prefix at the start of a word', () => {
    const snippet = buildSnippet({ description: 'Chapô.', text: 'Les élections, le lecteur, les électeurs.' }, words('le', 'elect'));
    expect(snippet.filter((part) => part.match).map((part) => part.text)).toEqual(['élections', 'le', 'électeurs']);
  });

  it('marks cut ends with an ellipsis and keeps French no-break spaces', () => {
    const text = `${'début '.repeat(40)}cible\u202F? ${'fin '.repeat(40)}`.trim();
    const snippet = buildSnippet({ description: 'Chapô.', text }, words('cible'));
    expect(snippet[0]?.text).toBe('… ');
    expect(snippet.at(-1)?.text).toBe(' …');
    expect(snippet.find((part) => part.match)?.text).toBe('cible');
    expect(snippet.map((part) => part.text).join('')).toContain('cible\u202F?');
  });

  it('falls back to the standfirst when nothing matches', () => {
    expect(buildSnippet({ description: 'Le chapô.', text: 'Texte.' }, words('absent'))).toEqual([{ text: 'Le chapô.', match: false }]);
  });
});

describe('foldText', () => {
  it('strips accents and case without moving positions', () => {
    expect(foldText('Entraîner l’Été À Noël')).toBe('entrainer l’ete a noel');
    for (const text of ['œuvre', 'İstanbul', 'emoji 🎬 ok', 'ﬁn']) expect(foldText(text)).toHaveLength(text.length);
  });
});

describe('queries', () => {
  it('normalizeQuery collapses spaces, drops control characters and cuts very long queries', () => {
    expect(normalizeQuery('  Mark \n  Zuckerberg ')).toBe('Mark Zuckerberg');
    expect(normalizeQuery('x'.repeat(10_000))).toHaveLength(MAX_QUERY_LENGTH);
    expect(normalizeQuery('a\u0000b\u0007c\u007f')).toBe('a b c');
    expect(normalizeQuery('\u0000')).toBe('');
  });

  it('cuts words as the tokenizer does, at most a dozen', () => {
    expect(queryWords('l’été 100 % a/b')).toEqual(['l', 'été', '100', 'a', 'b']);
    expect(queryWords('mot '.repeat(50))).toHaveLength(MAX_QUERY_WORDS);
  });

  it('quotes every word, the last one a prefix from three letters', () => {
    expect(matchExpression('le cinéma NOT')).toBe('"le" "cinéma" "NOT"*');
    expect(matchExpression('cinéma le')).toBe('"cinéma" "le"');
    expect(matchExpression('*?+[(){}')).toBeUndefined();
  });
});
