import { statSync, watch, type FSWatcher } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

export interface ContentWatcherOptions {
  /**
   * Called after a burst of changes has settled, and at the time given to
   * `wakeAt`; never twice at once (changes seen meanwhile make one more call).
   * `changed`: the paths the system named (files or folders), or undefined
   * when it cannot tell (polling, a scheduled time, a watch that failed).
   */
  onChange: (changed: readonly string[] | undefined) => Promise<void>;
  /**
   * `events`: the kernel tells (inotify, one watch per folder: a few dozen for a
   * large archive sorted by year); `poll`: every file is stat'ed each `pollMs`,
   * for file systems that send no events (some network mounts). Events fall
   * back to polling when the system refuses more watches.
   */
  mode?: 'events' | 'poll';
  /** Quiet time after a change before the call: an editor's save is often a write then a rename. */
  settleMs?: number;
  pollMs?: number;
  log?: (message: string) => void;
}

/** setTimeout's limit (about 24.8 days): a schedule further away is looked at again then. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Watches a content folder (articles, authors, photos, any depth) and calls
 * `onChange` when anything in it changes or when a scheduled time comes, so
 * the site revalidates what changed without an editor calling the API.
 * Hidden files and folders (editors' swap files) are ignored.
 */
export class ContentWatcher {
  private readonly folders = new Map<string, FSWatcher>();
  private mode: 'events' | 'poll';
  private readonly settleMs: number;
  private readonly pollMs: number;
  private settleTimer: NodeJS.Timeout | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private wakeTimer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private pendingAgain = false;
  /** What changed since the last call: paths, or 'unknown'. */
  private seen: Set<string> | 'unknown' = new Set();
  private lastListing = '';
  private stopped = false;

  constructor(
    readonly folder: string,
    private readonly options: ContentWatcherOptions,
  ) {
    this.mode = options.mode ?? 'events';
    this.settleMs = options.settleMs ?? 300;
    this.pollMs = options.pollMs ?? 5_000;
  }

  /** How changes are seen now (`events` may have fallen back to `poll`). */
  get watching(): 'events' | 'poll' {
    return this.mode;
  }

  async start(): Promise<void> {
    if (this.mode === 'events') await this.watchFolders();
    if (this.mode === 'poll') {
      this.lastListing = await this.listing();
      this.schedulePoll();
    }
  }

  stop(): void {
    this.stopped = true;
    for (const watcher of this.folders.values()) watcher.close();
    this.folders.clear();
    clearTimeout(this.settleTimer);
    clearTimeout(this.pollTimer);
    clearTimeout(this.wakeTimer);
  }

  /** Calls `onChange` at `at` as well (the next scheduled publication); replaces the earlier time. */
  wakeAt(at: Date | undefined): void {
    clearTimeout(this.wakeTimer);
    if (!at || this.stopped) return;
    const delay = Math.max(0, at.getTime() - Date.now());
    this.wakeTimer = setTimeout(() => (delay > MAX_TIMER_MS ? this.wakeAt(at) : this.changed(undefined, 0)), Math.min(delay, MAX_TIMER_MS));
    this.wakeTimer.unref();
  }

  /** A change was seen (at `file`, when known): one call once things are quiet for `settle` ms. */
  private changed(file: string | undefined, settle = this.settleMs): void {
    if (this.stopped) return;
    if (file === undefined) this.seen = 'unknown';
    else if (this.seen !== 'unknown') this.seen.add(file);
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => void this.run(), settle);
    this.settleTimer.unref();
  }

  private async run(): Promise<void> {
    if (this.running) {
      this.pendingAgain = true;
      return;
    }
    const seen = this.seen;
    this.seen = new Set();
    this.running = this.options
      .onChange(seen === 'unknown' ? undefined : [...seen])
      .catch((error: unknown) => this.options.log?.(`contenu non revalidé : ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        this.running = undefined;
        if (this.pendingAgain) {
          this.pendingAgain = false;
          this.settleTimer = setTimeout(() => void this.run(), 0);
          this.settleTimer.unref();
        }
      });
    await this.running;
  }

  /** One watch per folder, made again whenever folders come and go. */
  private async watchFolders(): Promise<void> {
    if (this.stopped || this.mode !== 'events') return;
    const present = new Set([this.folder, ...(await this.subfolders())]);
    for (const [folder, watcher] of this.folders) {
      if (present.has(folder)) continue;
      watcher.close();
      this.folders.delete(folder);
    }
    for (const folder of present) {
      if (this.folders.has(folder)) continue;
      let watcher: FSWatcher;
      try {
        watcher = watch(folder, { persistent: false });
      } catch (error) {
        if (isMissing(error)) continue; // gone since the listing: the next change lists again
        this.fallBackToPolling(error);
        return;
      }
      watcher.on('change', (event, name) => {
        if (typeof name === 'string' && name.startsWith('.')) return;
        // A file or folder appeared, went or was renamed: folders may have changed too.
        if (event === 'rename') void this.watchFolders();
        this.changed(typeof name === 'string' ? path.join(folder, name) : undefined);
      });
      watcher.on('error', () => {
        watcher.close();
        this.folders.delete(folder);
        void this.watchFolders();
        this.changed(undefined);
      });
      this.folders.set(folder, watcher);
    }
  }

  private fallBackToPolling(error: unknown): void {
    this.options.log?.(`le système refuse de surveiller ${this.folder} (${error instanceof Error ? error.message : String(error)}) : relecture toutes les ${this.pollMs / 1_000} s`);
    for (const watcher of this.folders.values()) watcher.close();
    this.folders.clear();
    this.mode = 'poll';
    void this.listing().then((listing) => {
      this.lastListing = listing;
      this.schedulePoll();
    });
  }

  private schedulePoll(): void {
    if (this.stopped) return;
    this.pollTimer = setTimeout(() => void this.poll(), this.pollMs);
    this.pollTimer.unref();
  }

  private async poll(): Promise<void> {
    try {
      const listing = await this.listing();
      if (listing !== this.lastListing) {
        this.lastListing = listing;
        this.changed(undefined, 0);
      }
    } catch (error) {
      this.options.log?.(`relecture du dossier impossible : ${error instanceof Error ? error.message : String(error)}`);
    }
    this.schedulePoll();
  }

  private async entries() {
    try {
      return await readdir(this.folder, { recursive: true, withFileTypes: true });
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
  }

  private visible(entry: { name: string; parentPath: string }): boolean {
    const relative = path.relative(this.folder, path.join(entry.parentPath, entry.name));
    return !relative.split(path.sep).some((part) => part.startsWith('.'));
  }

  private async subfolders(): Promise<string[]> {
    return (await this.entries()).filter((entry) => entry.isDirectory() && this.visible(entry)).map((entry) => path.join(entry.parentPath, entry.name));
  }

  /** Every file's path, modification time and size: what polling compares. */
  private async listing(): Promise<string> {
    const lines: string[] = [];
    for (const entry of await this.entries()) {
      if (!entry.isFile() || !this.visible(entry)) continue;
      const file = path.join(entry.parentPath, entry.name);
      const stats = statSync(file, { throwIfNoEntry: false });
      if (stats) lines.push(`${file}\0${stats.mtimeMs}\0${stats.size}`);
    }
    return lines.sort().join('\n');
  }
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR');
}
