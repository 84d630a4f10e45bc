import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RenderedImage } from './renderPhoto';

export interface VariantCacheOptions {
  /** Bytes of images kept in memory, the most recently used first. */
  memoryBytes: number;
  /** Where variants are kept between processes; none when undefined. */
  folder?: string;
  /** Bytes of images kept on disk; the least recently used go first. */
  diskBytes: number;
  /** Images made at once: each decode holds a photo's pixels (24 megapixels are 72 MB). */
  concurrency: number;
}

const EXTENSIONS: Readonly<Record<string, string>> = { 'image/avif': 'avif', 'image/webp': 'webp', 'image/jpeg': 'jpg', 'image/png': 'png' };
const TYPES: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(EXTENSIONS).map(([type, extension]) => [extension, type]));

/**
 * The images the site made from its photos (sizes, formats, crops, share
 * cards), by a key that names the source's hash and the variant: a hit costs a
 * Map lookup, a miss within the disk budget a file read, and only a true miss
 * runs sharp. Requests for the same new variant share one rendering.
 */
export class VariantCache {
  private readonly memory = new Map<string, RenderedImage>();
  private memoryUsed = 0;
  /** File name → size, oldest use first; read from the folder on first use. */
  private disk: Map<string, number> | undefined;
  private diskUsed = 0;
  private readonly inFlight = new Map<string, Promise<RenderedImage>>();
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  /** Renderings done by this cache: what a bench or test counts to tell a hit from a miss. */
  renderCount = 0;

  constructor(private readonly options: VariantCacheOptions) {}

  async get(key: string, render: () => Promise<RenderedImage>): Promise<RenderedImage> {
    const inMemory = this.memory.get(key);
    if (inMemory) {
      this.memory.delete(key);
      this.memory.set(key, inMemory);
      return inMemory;
    }
    const fromDisk = this.readDisk(key);
    if (fromDisk) {
      this.remember(key, fromDisk);
      return fromDisk;
    }
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.limited(render)
        .then((image) => {
          this.renderCount += 1;
          this.remember(key, image);
          this.writeDisk(key, image);
          return image;
        })
        .finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private async limited<T>(task: () => Promise<T>): Promise<T> {
    while (this.running >= this.options.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running += 1;
    try {
      return await task();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }

  private remember(key: string, image: RenderedImage): void {
    if (image.bytes.length > this.options.memoryBytes / 4) return; // one huge image must not empty the cache
    this.memory.set(key, image);
    this.memoryUsed += image.bytes.length;
    for (const [oldKey, old] of this.memory) {
      if (this.memoryUsed <= this.options.memoryBytes) break;
      this.memory.delete(oldKey);
      this.memoryUsed -= old.bytes.length;
    }
  }

  private fileName(key: string, contentType?: string): string {
    const name = createHash('sha256').update(key).digest('hex').slice(0, 32);
    return contentType === undefined ? name : `${name}.${EXTENSIONS[contentType] ?? 'bin'}`;
  }

  private diskIndex(): Map<string, number> {
    if (this.disk) return this.disk;
    const disk = new Map<string, number>();
    const { folder } = this.options;
    if (folder) {
      mkdirSync(folder, { recursive: true });
      const files = readdirSync(folder)
        .filter((name) => /^[0-9a-f]{32}\.[a-z]+$/.test(name))
        .map((name) => ({ name, stats: statSync(path.join(folder, name), { throwIfNoEntry: false }) }))
        .filter((file) => file.stats !== undefined)
        .sort((a, b) => (a.stats?.mtimeMs ?? 0) - (b.stats?.mtimeMs ?? 0));
      for (const { name, stats } of files) {
        disk.set(name, stats?.size ?? 0);
        this.diskUsed += stats?.size ?? 0;
      }
    }
    this.disk = disk;
    return disk;
  }

  private readDisk(key: string): RenderedImage | undefined {
    const { folder } = this.options;
    if (!folder) return undefined;
    const disk = this.diskIndex();
    const prefix = this.fileName(key);
    const name = [...Object.keys(TYPES)].map((extension) => `${prefix}.${extension}`).find((candidate) => disk.has(candidate));
    if (!name) return undefined;
    try {
      const file = path.join(folder, name);
      const bytes = readFileSync(file);
      // The file's time is its last use, so that a restarted server evicts the least used first.
      const now = new Date();
      utimesSync(file, now, now);
      this.diskUsed += bytes.length - (disk.get(name) ?? 0);
      disk.delete(name);
      disk.set(name, bytes.length);
      return { bytes, contentType: TYPES[name.split('.')[1] ?? ''] ?? 'application/octet-stream' };
    } catch {
      // Removed by another process (or unreadable): forgotten, and its bytes with it.
      this.diskUsed -= disk.get(name) ?? 0;
      disk.delete(name);
      return undefined;
    }
  }

  private writeDisk(key: string, image: RenderedImage): void {
    const { folder, diskBytes } = this.options;
    if (!folder || image.bytes.length > diskBytes / 4) return;
    const disk = this.diskIndex();
    const name = this.fileName(key, image.contentType);
    try {
      // Written beside, then renamed: another replica reading the folder never sees half a file.
      const temporary = path.join(folder, `.${name}.${process.pid}.tmp`);
      writeFileSync(temporary, image.bytes);
      renameSync(temporary, path.join(folder, name));
    } catch {
      return; // a full or read-only disk leaves the memory cache working
    }
    this.diskUsed += image.bytes.length - (disk.get(name) ?? 0);
    disk.delete(name);
    disk.set(name, image.bytes.length);
    for (const [oldName, size] of disk) {
      if (this.diskUsed <= diskBytes) break;
      disk.delete(oldName);
      this.diskUsed -= size;
      try {
        unlinkSync(path.join(folder, oldName));
      } catch {
        // already gone
      }
    }
  }

  /** Bytes held, for tests and the bench. */
  usage(): { memoryBytes: number; memoryEntries: number; diskBytes: number } {
    return { memoryBytes: this.memoryUsed, memoryEntries: this.memory.size, diskBytes: this.disk ? this.diskUsed : 0 };
  }
}
