'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { LiveEntryItem, type LiveEntryJson } from './LiveEntryItem';

export type { LiveEntryJson };

/** How often a visible page asks for new entries. */
const POLL_MS = 30_000;

/** What to announce once the page is rendered again: the island starts afresh then, and its status with it. */
let announceAfterRefresh = '';

const announcementOf = (entries: readonly LiveEntryJson[]) =>
  entries.length === 1 ? `Nouvelle entrée : ${entries[0]?.title ?? ''}` : `${entries.length} nouvelles entrées, la dernière : ${entries[0]?.title ?? ''}`;

/**
 * The one client island of a live article: every 30 s while the tab is
 * visible, it asks `<entriesPath><newest id>` for the entries newer than the
 * newest shown (app/article/[slug]/direct/[after]), shows them on top and
 * announces them politely; it stops when the coverage ends. When an entry
 * already shown changed (edited, marked or deleted: the answer's `shown`
 * differs from what the page was rendered with), or a new one is a key
 * entry (« L’essentiel » above gets it), it asks for the page again instead
 * (router.refresh: the server's cached page, scroll and focus kept). Without
 * JavaScript, a reload shows them.
 */
export function LiveUpdates({ entriesPath, newest, fingerprint }: { entriesPath: string; newest: string; fingerprint: string }) {
  const [entries, setEntries] = useState<LiveEntryJson[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const status = useRef<HTMLParagraphElement>(null);
  const router = useRouter();

  useEffect(() => {
    const pending = announceAfterRefresh;
    announceAfterRefresh = '';
    if (pending === '') return;
    // A moment after the status is in the page: screen readers announce a change of its text, not the text it starts with.
    const timer = setTimeout(() => setAnnouncement(pending), 100);
    return () => clearTimeout(timer);
  }, []);

  useEffect(() => {
    let after = newest;
    let held = fingerprint;
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
          const answer = (await response.json()) as { live: boolean; entries: LiveEntryJson[]; shown: string; all: string };
          const [first] = answer.entries;
          ended = !answer.live;
          if (answer.shown !== held || answer.entries.some((entry) => entry.key)) {
            announceAfterRefresh = first ? announcementOf(answer.entries) : 'Le direct a été mis à jour';
            // The new page brings a new island (its key is the page's fingerprint); until it comes, this one keeps asking.
            router.refresh();
          } else if (first) {
            after = first.id;
            held = answer.all;
            setEntries((shown) => [...answer.entries, ...shown]);
            setAnnouncement(announcementOf(answer.entries));
          }
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
  }, [entriesPath, newest, fingerprint, router]);

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
