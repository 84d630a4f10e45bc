import type { ArticleBody } from '../article';

/** What a body costs in memory: JavaScript strings take two bytes a character (at most). */
const bytesOf = (body: ArticleBody) => 2 * (body.html.length + body.text.length + body.quotes.reduce((sum, quote) => sum + quote.text.length + quote.speaker.length + (quote.source?.length ?? 0), 0));

/**
 * Article bodies kept in memory up to `maxBytes`, the least recently used
 * going first: a page, then a feed, then another page ask for the same newest
 * ones, and 100,000 bodies (about 1.3 GB) never all stay.
 */
export class BodyCache {
  private readonly entries = new Map<string, ArticleBody>();
  private bytes = 0;

  constructor(readonly maxBytes: number) {}

  get(key: string): ArticleBody | undefined {
    const body = this.entries.get(key);
    if (body) {
      // A Map keeps insertion order: re-inserted, it is the newest.
      this.entries.delete(key);
      this.entries.set(key, body);
    }
    return body;
  }

  set(key: string, body: ArticleBody): void {
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      this.bytes -= bytesOf(previous);
    }
    if (bytesOf(body) > this.maxBytes) return;
    this.entries.set(key, body);
    this.bytes += bytesOf(body);
    for (const [oldest, oldBody] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= bytesOf(oldBody);
    }
  }

  /** Bytes held now (for tests and the bench). */
  get size(): number {
    return this.bytes;
  }
}
