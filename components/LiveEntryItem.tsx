/** One entry as the page and the live island show it, plain data (the island receives it as JSON). */
export interface LiveEntryJson {
  id: string;
  /** ISO 8601 with offset, for `<time datetime>`. */
  datetime: string;
  /** « 16:45 », or the date and time on the days after the first. */
  time: string;
  title: string;
  key: boolean;
  /** Sanitized when the Markdown was rendered (lib/content/parsing/markdown). */
  html: string;
}

/** An entry of a live article: its time (a link to its own anchor), its title, its body. */
export function LiveEntryItem({ entry }: { entry: LiveEntryJson }) {
  return (
    <li>
      <article id={entry.id} className={entry.key ? 'live-entry live-entry-key' : 'live-entry'} aria-labelledby={`${entry.id}-titre`}>
        <h2 id={`${entry.id}-titre`}>
          <a className="live-entry-time" href={`#${entry.id}`}>
            <time dateTime={entry.datetime}>{entry.time}</time>
          </a>{' '}
          {entry.key && <span className="live-entry-mark">Essentiel</span>} {entry.title}
        </h2>
        <div className="article-body" dangerouslySetInnerHTML={{ __html: entry.html }} />
      </article>
    </li>
  );
}
