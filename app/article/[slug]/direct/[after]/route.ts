import { tagEntry } from '@/app/_cache/tagEntry';
import { cacheTags } from '@/lib/content/index/cacheTags';
import { entriesAfter, entriesFingerprint, isLiveNow } from '@/lib/content/index/liveCoverage';
import { entryTimeLabel } from '@/lib/content/parsing/markdown/remarkLiveEntries';
import { getArticleBody, getPublishedArticle } from '@/lib/content/siteContent';
import type { LiveEntryJson } from '@/components/LiveEntryItem';

export const dynamic = 'force-static';
// A safety net only: an edit of the article revalidates its tag, and so every answer here, within seconds.
export const revalidate = 86400;

/** Made on demand: one answer per newest entry a reader's page has, shared by every reader who has it. */
export function generateStaticParams(): Array<{ slug: string; after: string }> {
  return [];
}

/**
 * `/article/<slug>/direct/<id>`: the entries of a live article newer than the
 * one with this id (`debut`: all of them), newest first, as JSON for the live
 * island (components/LiveUpdates.tsx), with whether the coverage is still on,
 * the fingerprint of the entries the asking page already has (those up to
 * this id) as they are now, and that of all of them.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; after: string }> }): Promise<Response> {
  const { slug, after } = await params;
  await tagEntry([cacheTags.article(slug)]);
  const article = await getPublishedArticle(slug);
  const live = article?.live;
  const newer = live && entriesAfter(live.entries, after);
  if (!article || !live || !newer) return Response.json({ error: 'direct introuvable' }, { status: 404 });
  const bodies = new Map(getArticleBody(article).live?.entries.map((entry) => [entry.id, entry.html]));
  const htmlOf = (id: string) => bodies.get(id) ?? '';
  const entries: LiveEntryJson[] = newer.map((entry) => ({
    id: entry.id,
    datetime: entry.date.iso,
    time: entryTimeLabel(entry.date.date, article.publishedAt.date),
    title: entry.title,
    key: entry.key,
    html: htmlOf(entry.id),
  }));
  const newerIds = new Set(newer.map((entry) => entry.id));
  return Response.json({
    live: isLiveNow(article, new Date()),
    entries,
    shown: entriesFingerprint(
      live.entries.filter((entry) => !newerIds.has(entry.id)),
      htmlOf,
    ),
    all: entriesFingerprint(live.entries, htmlOf),
  });
}
