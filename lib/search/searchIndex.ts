import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Article } from '../content/article';
import { matchExpression } from './searchQuery';

/** What the index keeps of an article; its body text is read only when the article is new or changed. */
export type SearchableArticle = Pick<Article, 'slug' | 'title' | 'description' | 'publishedAt' | 'draft' | 'revision'>;

export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface SearchHit {
  slug: string;
  /** A passage around the matches, in the standfirst if it matches there, else in the body, split for highlighting. */
  snippet: SnippetPart[];
}

export interface SearchResults {
  /** Every public article that matches. */
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
const SCHEMA_VERSION = '1';

/** Changes per transaction: a first fill of 100,000 articles commits as it goes, and yields to requests between. */
const CHUNK = 500;

/**
 * Column weights for bm25, in the table's column order: the title first, then
 * the standfirst, then the body.
 */
const RANK = 'bm25(10.0, 4.0, 1.0)';

/** Marks `snippet()` puts around matches and where it cut: control characters, removed from every indexed text. */
const MATCH_START = '\u0002';
const MATCH_END = '\u0003';
const CUT = '\u0004';
const MARKERS = /[\u0002-\u0004]/g;

/** Tokens in a snippet: about the 180 characters a result shows. */
const SNIPPET_TOKENS = 32;

interface StoredDocument {
  id: number;
  revision: string;
}

/**
 * The site's full-text index, in an SQLite file (FTS5, `unicode61
 * remove_diacritics 2`): nothing of it lives in the process's heap but the
 * slug and revision of each article. Updated per changed article; accents and
 * case ignored, every word required, words found by their beginning, title
 * matches first (bm25 weights), highlighted passages from `snippet()`.
 * Drafts are not indexed; scheduled articles are, and filtered by date.
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
        database.exec('DROP TABLE IF EXISTS passages; DROP TABLE IF EXISTS documents; DROP TABLE IF EXISTS meta;');
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
    const wanted = new Map<string, T>();
    for (const article of articles) if (!article.draft) wanted.set(article.slug, article);
    const result: SearchIndexUpdate = { indexed: 0, removed: 0 };
    for (;;) {
      const done = this.updateChunk(wanted, readText, result);
      if (done) return result;
      await nextTurn();
    }
  }

  /** One transaction of at most CHUNK changes; true once nothing is left to change. */
  private updateChunk<T extends SearchableArticle>(wanted: ReadonlyMap<string, T>, readText: (article: T) => string, result: SearchIndexUpdate): boolean {
    const { database, statements } = this;
    database.exec('BEGIN IMMEDIATE');
    try {
      this.readStoredIfChanged();
      let changes = 0;
      for (const [slug, document] of this.stored) {
        if (changes >= CHUNK) break;
        if (wanted.has(slug)) continue;
        statements.deletePassage.run(document.id);
        statements.deleteDocument.run(document.id);
        this.stored.delete(slug);
        result.removed += 1;
        changes += 1;
      }
      for (const article of wanted.values()) {
        if (changes >= CHUNK) break;
        const before = this.stored.get(article.slug);
        if (before?.revision === article.revision) continue;
        const text = readText(article).replace(MARKERS, ' ');
        const publicFrom = article.publishedAt.date.getTime();
        let id: number;
        if (before) {
          id = before.id;
          statements.deletePassage.run(id);
          statements.updateDocument.run(article.revision, publicFrom, id);
        } else {
          id = Number(statements.insertDocument.run(article.slug, article.revision, publicFrom).lastInsertRowid);
        }
        statements.insertPassage.run(id, article.title.replace(MARKERS, ' '), article.description.replace(MARKERS, ' '), text);
        this.stored.set(article.slug, { id, revision: article.revision });
        result.indexed += 1;
        changes += 1;
      }
      database.exec('COMMIT');
      this.storedVersion = dataVersion(database);
      return changes < CHUNK;
    } catch (error) {
      database.exec('ROLLBACK');
      this.storedVersion = -1; // read the table again next time: this map may hold rows that were rolled back
      throw error;
    }
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

  /** Public articles at `now` matching every word of `query`, best first; `offset` and `limit` cut the page. */
  search(query: string, { now, offset, limit }: { now: Date; offset: number; limit: number }): SearchResults {
    const match = matchExpression(query);
    if (!match) return { total: 0, hits: [] };
    const { statements } = this;
    const at = now.getTime();
    const { total } = statements.count.get(match, at) as { total: number };
    if (total === 0) return { total, hits: [] };
    const rows = statements.ranked.all(match, at, limit, offset) as Array<{ id: number; slug: string }>;
    const hits = rows.map(({ id, slug }) => {
      const found = statements.snippets.get(match, id) as { description: string; inDescription: string; inText: string } | undefined;
      return { slug, snippet: found ? chooseSnippet(found) : [] };
    });
    return { total, hits };
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
    CREATE TABLE documents (id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, revision TEXT NOT NULL, public_from INTEGER NOT NULL);
    CREATE VIRTUAL TABLE passages USING fts5(title, description, text, tokenize = 'unicode61 remove_diacritics 2', prefix = '3');
    INSERT INTO passages (passages, rank) VALUES ('rank', '${RANK}');
  `);
  const setMeta = database.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  setMeta.run('schema', SCHEMA_VERSION);
  setMeta.run('parser', parserVersion);
}

function prepare(database: DatabaseSync) {
  const statement = (sql: string): StatementSync => database.prepare(sql);
  return {
    allDocuments: statement('SELECT id, slug, revision FROM documents'),
    insertDocument: statement('INSERT INTO documents (slug, revision, public_from) VALUES (?, ?, ?)'),
    updateDocument: statement('UPDATE documents SET revision = ?, public_from = ? WHERE id = ?'),
    deleteDocument: statement('DELETE FROM documents WHERE id = ?'),
    insertPassage: statement('INSERT INTO passages (rowid, title, description, text) VALUES (?, ?, ?, ?)'),
    deletePassage: statement('DELETE FROM passages WHERE rowid = ?'),
    count: statement('SELECT count(*) AS total FROM passages JOIN documents ON documents.id = passages.rowid WHERE passages MATCH ? AND documents.public_from <= ?'),
    // Equal ranks: the newer article first.
    ranked: statement(
      'SELECT documents.id AS id, documents.slug AS slug FROM passages JOIN documents ON documents.id = passages.rowid ' +
        'WHERE passages MATCH ? AND documents.public_from <= ? ORDER BY passages.rank, documents.public_from DESC LIMIT ? OFFSET ?',
    ),
    snippets: statement(
      `SELECT description, snippet(passages, 1, '${MATCH_START}', '${MATCH_END}', '${CUT}', ${SNIPPET_TOKENS}) AS inDescription, ` +
        `snippet(passages, 2, '${MATCH_START}', '${MATCH_END}', '${CUT}', ${SNIPPET_TOKENS}) AS inText ` +
        'FROM passages WHERE passages MATCH ? AND rowid = ?',
    ),
  };
}

function dataVersion(database: DatabaseSync): number {
  return Number((database.prepare('PRAGMA data_version').get() as { data_version: number }).data_version);
}

function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

/** The standfirst's passage if a word matched there, else the body's, else the standfirst as it is. */
function chooseSnippet({ description, inDescription, inText }: { description: string; inDescription: string; inText: string }): SnippetPart[] {
  if (inDescription.includes(MATCH_START)) return snippetParts(inDescription);
  if (inText.includes(MATCH_START)) return snippetParts(inText);
  return [{ text: description, match: false }];
}

/** `snippet()`'s marked text as parts; its cuts become ellipses, line breaks spaces (French no-break spaces stay). */
export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const startsCut = marked.startsWith(CUT);
  const endsCut = marked.length > 1 && marked.endsWith(CUT);
  const body = marked.slice(startsCut ? 1 : 0, endsCut ? -1 : undefined).replace(/[^\S\u00A0\u202F]+/g, ' ');
  if (startsCut) parts.push({ text: '… ', match: false });
  let position = 0;
  while (position < body.length) {
    const start = body.indexOf(MATCH_START, position);
    if (start === -1) break;
    const end = body.indexOf(MATCH_END, start);
    if (end === -1) break;
    if (start > position) parts.push({ text: body.slice(position, start), match: false });
    parts.push({ text: body.slice(start + 1, end), match: true });
    position = end + 1;
  }
  if (position < body.length) parts.push({ text: body.slice(position).replaceAll(MATCH_START, '').replaceAll(MATCH_END, ''), match: false });
  if (endsCut) parts.push({ text: ' …', match: false });
  return mergeAdjacent(parts);
}

/** `snippet()` marks each matched token: two matched words in a row stay two marks, text runs are joined. */
function mergeAdjacent(parts: SnippetPart[]): SnippetPart[] {
  const merged: SnippetPart[] = [];
  for (const part of parts) {
    const last = merged.at(-1);
    if (last && !last.match && !part.match) last.text += part.text;
    else if (part.text !== '') merged.push({ ...part });
  }
  return merged;
}
