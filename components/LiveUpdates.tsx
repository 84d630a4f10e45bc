'use client';

import { useEffect, useRef, useState } from 'react';
import { LiveEntryItem, type LiveEntryJson } from './LiveEntryItem';

export type { LiveEntryJson };

/** How often a visible page asks for new entries. */
const POLL_MS = 30_000;

/**
 * The one client island of a live article: every 30 s while the tab is
 * visible, it asks `<entriesPath><newest id>` for the entries newer than the
 * newest shown (app/article/[slug]/direct/[after]), shows them on top and
 * announces them politely; it stops when the coverage ends. Without
 * JavaScript, a reload shows them.
 */
export function LiveUpdates({ entriesPath, newest }: { entriesPath: string; newest: string }) {
  const [entries, setEntries] = useState<LiveEntryJson[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const status = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    let after = newest;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let polledAt = Date.now();
    let ended = false;
    let polling = false;

    const poll = async () => {
      if (polling) return;
      polling = true;
      polledAt = Date.now();
      try {
        // The answer says `s-maxage, stale-while-revalidate` for caches in front; without
        // `no-cache` the browser would show its stale copy and fetch the new one behind it, a turn late.
        const response = await fetch(entriesPath + after, { cache: 'no-cache' });
        if (response.ok) {
          const answer = (await response.json()) as { live: boolean; entries: LiveEntryJson[] };
          const [first] = answer.entries;
          if (first) {
            after = first.id;
            setEntries((shown) => [...answer.entries, ...shown]);
            setAnnouncement(
              answer.entries.length === 1 ? `Nouvelle entrée : ${first.title}` : `${answer.entries.length} nouvelles entrées, la dernière : ${first.title}`,
            );
          }
          ended = !answer.live;
        }
      } catch {
        // Offline or the server restarting: the next turn asks again.
      } finally {
        polling = false;
      }
    };
    const schedule = (delay = POLL_MS) => {
      clearTimeout(timer);
      if (ended || document.hidden) return;
      timer = setTimeout(() => void poll().then(() => schedule()), delay);
    };
    // Back on the tab after a while: ask at once rather than wait another turn.
    const onVisibility = () => schedule(Math.max(0, POLL_MS - (Date.now() - polledAt)));

    document.addEventListener('visibilitychange', onVisibility);
    schedule();
    // Says the page is watching for entries (what the browser tests wait for before moving the clock).
    status.current?.setAttribute('data-watching', '');
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [entriesPath, newest]);

  return (
    <>
      <p ref={status} className="visually-hidden" role="status">
        {announcement}
      </p>
      {entries.length > 0 && (
        <ol className="live-entries" aria-label="Nouvelles entrées">
          {entries.map((entry) => (
            <LiveEntryItem key={entry.id} entry={entry} />
          ))}
        </ol>
      )}
    </>
  );
}
