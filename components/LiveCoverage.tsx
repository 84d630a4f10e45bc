import type { Article, ArticleBody } from '@/lib/content/article';
import { entriesFingerprint, isLiveNow, NO_ENTRY_YET } from '@/lib/content/index/liveCoverage';
import { entryTimeLabel } from '@/lib/content/parsing/markdown/remarkLiveEntries';
import { liveEntriesPath } from '@/lib/routes';
import { ArticleBody as ArticleText } from './ArticleBody';
import { LiveEntryItem, type LiveEntryJson } from './LiveEntryItem';
import { LiveUpdatesLoader } from './LiveUpdatesLoader';

/**
 * A live article's body: « L’essentiel » (its key entries), the introduction,
 * then the entries newest first; while the coverage is on, the live island
 * above them brings the new ones.
 */
export function LiveCoverage({ article, body, now }: { article: Article & { live: NonNullable<Article['live']> }; body: ArticleBody; now: Date }) {
  const htmlOf = new Map(body.live?.entries.map((entry) => [entry.id, entry.html]));
  const entries: LiveEntryJson[] = article.live.entries.map((entry) => ({
    id: entry.id,
    datetime: entry.date.iso,
    time: entryTimeLabel(entry.date.date, article.publishedAt.date),
    title: entry.title,
    key: entry.key,
    html: htmlOf.get(entry.id) ?? '',
  }));
  const keyEntries = entries.filter((entry) => entry.key);
  const fingerprint = entriesFingerprint(article.live.entries, (id) => htmlOf.get(id) ?? '');
  return (
    <>
      {keyEntries.length > 0 && (
        <nav className="live-key" aria-labelledby="essentiel">
          <h2 id="essentiel">L’essentiel</h2>
          <ul>
            {keyEntries.map((entry) => (
              <li key={entry.id}>
                <a href={`#${entry.id}`}>
                  <time dateTime={entry.datetime}>{entry.time}</time> {entry.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <ArticleText html={body.live?.intro ?? body.html} />
      <section className="live-coverage" aria-label="Le direct, de la plus récente à la plus ancienne entrée">
        {isLiveNow(article, now) && (
          // A new key for new entries: the island starts again from what the page now shows.
          <LiveUpdatesLoader
            key={fingerprint}
            entriesPath={liveEntriesPath(article.slug, '')}
            newest={entries[0]?.id ?? NO_ENTRY_YET}
            fingerprint={fingerprint}
          />
        )}
        {entries.length > 0 && (
          <ol className="live-entries">
            {entries.map((entry) => (
              <LiveEntryItem key={entry.id} entry={entry} />
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
