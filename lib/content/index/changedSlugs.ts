import type { Parsed } from '../parsing/parseContentFile';

/** The three kinds of content file, each in its folder: articles/, authors/, dossiers/. */
export type FileKind = 'article' | 'author' | 'dossier';

/**
 * The slugs whose article may differ since they were last taken: their files
 * were read again, replaced a photo or went away. 'all' while there is no
 * starting point (nothing taken yet, no snapshot restored), and after an
 * author or a dossier changed: their articles change without their files.
 * What a revalidation compares again (lib/content/index/invalidation.ts).
 */
export class ChangedSlugs {
  private slugs: Set<string> | 'all' = 'all';

  /** Counts from here, when nothing is counted yet: a snapshot restored is the starting point. */
  startIfUnknown(): void {
    if (this.slugs === 'all') this.slugs = new Set();
  }

  /** The article, author or dossier of these parses changed (a parse's slug, when it has one). */
  note(kind: FileKind, ...results: Array<Parsed<unknown> | undefined>): void {
    if (this.slugs === 'all') return;
    if (kind !== 'article') {
      this.slugs = 'all';
      return;
    }
    for (const result of results) {
      const slug = result?.ok ? (result.value as { slug?: unknown }).slug : undefined;
      if (typeof slug === 'string') this.slugs.add(slug);
    }
  }

  /** The slugs changed since the last call, and a new count from now. */
  take(): ReadonlySet<string> | 'all' {
    const { slugs } = this;
    this.slugs = new Set();
    return slugs;
  }
}
