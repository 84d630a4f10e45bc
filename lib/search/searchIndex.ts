import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Article } from '../content/article';
import { foldText } from './foldText';
import { buildSnippet, type SnippetPart } from './snippet';
import { COUNTED_MATCHES, matchedWords, matchExpression } from './searchQuery';

export type { SnippetPart };

/** What the index keeps of an article; its body text is read only when the article is new or changed. */
export type SearchableArticle = Pick<Article, 'slug' | 'title' | 'description' | 'publishedAt' | 'draft' | 'revision'>;

export interface SearchHit {
  slug: string;
  /** A passage around the matches, in the standfirst if it matches there, else in the body, split for highlighting. */
  snippet: SnippetPart[];
}

export interface SearchResults {
  /** Every public article that matches, up to COUNTED_MATCHES + 1 (then there are more). */
  total: number;
  /** The requested slice of them, best first. */
  hits: SearchHit[];
}

/** What one update changed. */
export interface SearchIndexUpdate {
  indexed: number;
  removed: number;
}

/** Changes the index layout: a file with another version is rebuilt. */
const SCHEMA_VERSION = '3';

/** Changes per transaction: a first fill of 100,000 articles commits as it goes, and yields to requests between. */
const CHUNK = 500;

/** Control characters, removed from every indexed text (a NUL has no place in a page). */
const MARKERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

/** What one update still has to do, chunk after chunk: each list is walked once. */
interface ChunkPlan<T> {
  /** Oldest first. */
  wanted: readonly T[];
  wantedSlugs: ReadonlySet<string>;
  leaving: readonly string[];
  next: { leaving: number; wanted: number };
}

interface StoredDocument {
  id: number;
  revision: string;
}

/**
 * Row ids say when an article is public: its publication second × 1024, plus
 * a slot for articles of the same second. FTS5 walks its lists in row id
 * order, so « public at `now` » is a row id bound it applies while reading,
 * and « newest first » is its own order: a page of results stops after its
 * ten rows instead of sorting every match.
 */
const SLOTS_PER_SECOND = 1024;
const rowIdBase = (date: Date) => Math.floor(date.getTime() / 1000) * SLOTS_PER_SECOND;

/** Column filters of the small `headlines` table, which holds titles and standfirsts only. */
const inTitle = (match: string) => `{title} : (${match})`;
const inStandfirstOnly = (match: string) => `({description} : (${match})) NOT (${inTitle(match)})`;

/**
 * The site's full-text index, in an SQLite file (FTS5, `unicode61
 * remove_diacritics 2`): nothing of it lives in the process's heap but the
 * slug, row id and revision of each article. Updated per changed article;
 * accents and case ignored, every word required, words found by their
 * beginning, title matches first, highlighted passages from `snippet()`.
 * Drafts are not indexed; scheduled articles are, and filtered by date.
 *
 * The order: every word in the title, then every word in the standfirst,
 * then the rest; newest first within each. Each is read newest first from an
 * FTS5 list and stops after COUNTED_MATCHES rows, and the first two from a
 * table of titles and standfirsts only, whose lists are short: a query costs
 * about the same whether it matches ten articles or all of them.
 *
 * Not bm25: FTS5's bm25 reads every article holding each word to weigh it, so
 * a query with « les » cost 200 ms at 100,000 articles.
 */
export class SearchIndex {
  private readonly database: DatabaseSync;
  private readonly statements: ReturnType<typeof prepare>;
  /** slug → what is stored, as this connection last read it. */
  private stored = new Map<string, StoredDocument>();
  /** SQLite's `data_version` when `stored` was read: another process writing the file changes it. */
  private storedVersion = -1;

  private constructor(
    readonly file: string,
    database: DatabaseSync,
  ) {
    this.database = database;
    this.statements = prepare(database);
  }

  /**
   * Opens the index at `file` (`:memory:` for one made in memory), rebuilt
   * empty when it is missing, unreadable, or was made by another parser
   * version (its texts would differ from what the parser now makes).
   */
  static open(file: string, parserVersion: string): SearchIndex {
    if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
    try {
      return SearchIndex.openAs(file, parserVersion);
    } catch (error) {
      if (file === ':memory:') throw error;
      // A damaged file (a crash in a write, a disk filled up) only costs a rebuild.
      removeDatabase(file);
      return SearchIndex.openAs(file, parserVersion);
    }
  }

  private static openAs(file: string, parserVersion: string): SearchIndex {
    const database = connect(file);
    try {
      // Build workers open the same file at once: the first one creates the tables, the others find them.
      database.exec('BEGIN IMMEDIATE');
      if (!hasVersion(database, parserVersion)) {
        database.exec('DROP TABLE IF EXISTS passages; DROP TABLE IF EXISTS headlines; DROP TABLE IF EXISTS documents; DROP TABLE IF EXISTS meta;');
        createSchema(database, parserVersion);
      }
      database.exec('COMMIT');
    } catch (error) {
      database.close();
      throw error;
    }
    return new SearchIndex(file, database);
  }

  /**
   * Brings the index to these articles: stores the new and changed ones
   * (their text read through `readText`, only for them), removes the others.
   * Articles whose revision is unchanged cost a map lookup.
   */
  async update<T extends SearchableArticle>(articles: readonly T[], readText: (article: T) => string): Promise<SearchIndexUpdate> {
    return this.store(
      articles.filter((article) => !article.draft),
      undefined,
      readText,
    );
  }

  /**
   * The same as update() after a few articles changed (ContentIndex.changedFrom):
   * only `removed` and `added` are looked at, not the 100,000 others.
   */
  async updateSome<T extends SearchableArticle>(removed: readonly T[], added: readonly T[], readText: (article: T) => string): Promise<SearchIndexUpdate> {
    const wanted = added.filter((article) => !article.draft);
    const wantedSlugs = new Set(wanted.map((article) => article.slug));
    return this.store(
      wanted,
      removed.map((article) => article.slug).filter((slug) => !wantedSlugs.has(slug)),
      readText,
    );
  }

  /** Stores `wanted` and removes `unwanted` (every other stored article when undefined), one chunk per turn. */
  private async store<T extends SearchableArticle>(
    articles: readonly T[],
    unwanted: readonly string[] | undefined,
    readText: (article: T) => string,
  ): Promise<SearchIndexUpdate> {
    // Oldest first, so row ids rise as they are inserted: FTS5 then appends to its
    // lists instead of merging into them (a first fill of 10,000 articles in 2.2 s instead of 4.9 s).
    const wanted = [...new Map(articles.map((article) => [article.slug, article])).values()].sort(
      (a, b) => a.publishedAt.date.getTime() - b.publishedAt.date.getTime(),
    );
    this.readStoredIfChanged();
    const wantedSlugs = new Set(wanted.map((article) => article.slug));
    const plan: ChunkPlan<T> = {
      wanted,
      leaving: unwanted ?? [...this.stored.keys()].filter((slug) => !wantedSlugs.has(slug)),
      wantedSlugs,
      next: { leaving: 0, wanted: 0 },
    };
    const result: SearchIndexUpdate = { indexed: 0, removed: 0 };
    for (;;) {
      const done = this.updateChunk(plan, readText, result);
      if (done) return result;
      await nextTurn();
    }
  }

  /** One transaction of at most CHUNK changes, from where the last one stopped; true once nothing is left to change. */
  private updateChunk<T extends SearchableArticle>(plan: ChunkPlan<T>, readText: (article: T) => string, result: SearchIndexUpdate): boolean {
    const { database, statements } = this;
    const { next } = plan;
    database.exec('BEGIN IMMEDIATE');
    try {
      this.readStoredIfChanged();
      let changes = 0;
      for (; next.leaving < plan.leaving.length && changes < CHUNK; next.leaving += 1) {
        const slug = plan.leaving[next.leaving] as string;
        const document = this.stored.get(slug);
        if (!document || plan.wantedSlugs.has(slug)) continue;
        statements.deletePassage.run(document.id);
        statements.deleteHeadline.run(document.id);
        statements.deleteDocument.run(document.id);
        this.stored.delete(slug);
        result.removed += 1;
        changes += 1;
      }
      for (; next.wanted < plan.wanted.length && changes < CHUNK; next.wanted += 1) {
        const article = plan.wanted[next.wanted] as T;
        const before = this.stored.get(article.slug);
        if (before?.revision === article.revision) continue;
        const text = readText(article).replace(MARKERS, ' ');
        if (before) {
          statements.deletePassage.run(before.id);
          statements.deleteHeadline.run(before.id);
          statements.deleteDocument.run(before.id);
        }
        const id = this.freeRowId(article.publishedAt.date);
        statements.insertDocument.run(id, article.slug, article.revision);
        const title = article.title.replace(MARKERS, ' ');
        const description = article.description.replace(MARKERS, ' ');
        statements.insertPassage.run(id, title, description, text);
        statements.insertHeadline.run(id, title, description);
        this.stored.set(article.slug, { id, revision: article.revision });
        result.indexed += 1;
        changes += 1;
      }
      database.exec('COMMIT');
      this.storedVersion = dataVersion(database);
      return next.leaving >= plan.leaving.length && next.wanted >= plan.wanted.length;
    } catch (error) {
      database.exec('ROLLBACK');
      this.storedVersion = -1; // read the table again next time: this map may hold rows that were rolled back
      throw error;
    }
  }

  /** The first free row id of this publication second. */
  private freeRowId(date: Date): number {
    const base = rowIdBase(date);
    const taken = new Set((this.statements.idsBetween.all(base, base + SLOTS_PER_SECOND - 1) as Array<{ id: number }>).map((row) => row.id));
    for (let slot = 0; slot < SLOTS_PER_SECOND; slot += 1) if (!taken.has(base + slot)) return base + slot;
    // More articles than slots in one second (an import with one date for all): the next free id below, a moment earlier.
    let id = base - 1;
    while (this.statements.idTaken.get(id)) id -= 1;
    return id;
  }

  /** Reads what is stored when another connection (a build worker) wrote the file since the last read. */
  private readStoredIfChanged(): void {
    const version = dataVersion(this.database);
    if (version === this.storedVersion) return;
    this.stored = new Map();
    for (const row of this.statements.allDocuments.all() as Array<{ id: number; slug: string; revision: string }>) {
      this.stored.set(row.slug, { id: row.id, revision: row.revision });
    }
    this.storedVersion = version;
  }

  /** How many articles are indexed. */
  get size(): number {
    this.readStoredIfChanged();
    return this.stored.size;
  }

  /** Public articles at `now` matching every word of `query`, title matches first, newest first; `offset` and `limit` cut the page. */
  search(query: string, { now, offset, limit }: { now: Date; offset: number; limit: number }): SearchResults {
    const match = matchExpression(query);
    if (!match) return { total: 0, hits: [] };
    const ids = this.orderedMatches(match, rowIdBase(now) + SLOTS_PER_SECOND - 1);
    const words = matchedWords(query).map(({ word, prefix }) => ({ folded: foldText(word), prefix }));
    const hits: SearchHit[] = [];
    for (const id of ids.slice(offset, offset + limit)) {
      // The stored texts by row id: FTS5's snippet() walks every matching list again, 8 ms a row for common words.
      const row = this.statements.shown.get(id) as { slug: string; description: string; text: string } | undefined;
      if (row) hits.push({ slug: row.slug, snippet: buildSnippet(row, words) });
    }
    return { total: ids.length, hits };
  }

  /** The row ids of the first COUNTED_MATCHES + 1 results, in order. */
  private orderedMatches(match: string, latest: number): number[] {
    const { statements } = this;
    const wanted = COUNTED_MATCHES + 1;
    const newest = (statement: StatementSync, expression: string, count: number) =>
      (statement.all(expression, latest, count) as Array<{ id: number }>).map((row) => row.id);
    const ordered = newest(statements.newestHeadlines, inTitle(match), wanted);
    if (ordered.length < wanted) ordered.push(...newest(statements.newestHeadlines, inStandfirstOnly(match), wanted - ordered.length));
    if (ordered.length < wanted) {
      const seen = new Set(ordered);
      // The rest: every match newest first, but those already taken, which may be among them.
      for (const id of newest(statements.newestPassages, match, wanted + seen.size)) {
        if (ordered.length >= wanted) break;
        if (!seen.has(id)) ordered.push(id);
      }
    }
    return ordered;
  }

  /** Moves the write-ahead log into the file, so that copying the file alone copies everything (a build's last step). */
  checkpoint(): void {
    this.database.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  }

  close(): void {
    if (this.database.isOpen) this.database.close();
  }
}

function connect(file: string): DatabaseSync {
  const database = new DatabaseSync(file);
  // WAL: searches read while an update writes; NORMAL: a crash may lose the last update, never the file (it is rebuilt anyway).
  database.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000;');
  return database;
}

function hasVersion(database: DatabaseSync, parserVersion: string): boolean {
  const table = database.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
  if (!table) return false;
  const rows = database.prepare('SELECT key, value FROM meta').all() as Array<{ key: string; value: string }>;
  const meta = new Map(rows.map((row) => [row.key, row.value]));
  return meta.get('schema') === SCHEMA_VERSION && meta.get('parser') === parserVersion;
}

function createSchema(database: DatabaseSync, parserVersion: string): void {
  database.exec(`
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE documents (id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, revision TEXT NOT NULL);
    CREATE VIRTUAL TABLE passages USING fts5(title, description, text, tokenize = 'unicode61 remove_diacritics 2', prefix = '3');
    CREATE VIRTUAL TABLE headlines USING fts5(title, description, tokenize = 'unicode61 remove_diacritics 2', prefix = '3');
  `);
  const setMeta = database.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  setMeta.run('schema', SCHEMA_VERSION);
  setMeta.run('parser', parserVersion);
}

function prepare(database: DatabaseSync) {
  const statement = (sql: string): StatementSync => database.prepare(sql);
  return {
    allDocuments: statement('SELECT id, slug, revision FROM documents'),
    insertDocument: statement('INSERT INTO documents (id, slug, revision) VALUES (?, ?, ?)'),
    deleteDocument: statement('DELETE FROM documents WHERE id = ?'),
    idsBetween: statement('SELECT id FROM documents WHERE id BETWEEN ? AND ?'),
    idTaken: statement('SELECT 1 AS taken FROM documents WHERE id = ?'),
    insertPassage: statement('INSERT INTO passages (rowid, title, description, text) VALUES (?, ?, ?, ?)'),
    deletePassage: statement('DELETE FROM passages WHERE rowid = ?'),
    insertHeadline: statement('INSERT INTO headlines (rowid, title, description) VALUES (?, ?, ?)'),
    deleteHeadline: statement('DELETE FROM headlines WHERE rowid = ?'),
    // ORDER BY rowid DESC is FTS5's own order: the LIMIT ends its walk early.
    newestHeadlines: statement('SELECT rowid AS id FROM headlines WHERE headlines MATCH ? AND rowid <= ? ORDER BY rowid DESC LIMIT ?'),
    newestPassages: statement('SELECT rowid AS id FROM passages WHERE passages MATCH ? AND rowid <= ? ORDER BY rowid DESC LIMIT ?'),
    shown: statement(
      'SELECT documents.slug AS slug, passages.description AS description, passages.text AS text FROM documents JOIN passages ON passages.rowid = documents.id WHERE documents.id = ?',
    ),
  };
}

function dataVersion(database: DatabaseSync): number {
  return Number((database.prepare('PRAGMA data_version').get() as { data_version: number }).data_version);
}

function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}
