import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { nearestName } from '../nearestName';
import { displayPath } from '../content/reading/readContentFiles';
import { inspectPhoto, PHOTO_LIMITS, refusedBySize, type PhotoFacts, type PhotoProblem } from './photoFile';

/** A valid photo of the content folder, as pages, feeds and crops use it. */
export interface Photo extends PhotoFacts {
  /** As editors write it: `/images/2024/photo.jpg` for `content/images/2024/photo.jpg`. */
  src: string;
}

export type PhotoLookupResult = { ok: true; photo: Photo } | { ok: false; problem: PhotoProblem };

/** Looks up a photo by the address an article gives (`/images/…`). */
export type PhotoLookup = (src: string) => PhotoLookupResult;

/** What tells whether a file changed: a replaced photo has another mtime or size. */
export interface FileStamp {
  mtimeMs: number;
  size: number;
}

export const PHOTO_PREFIX = '/images/';

/**
 * The photos of `<content>/images/`: editors add, replace and delete them on a
 * running site. Each file is read and checked once per version (mtime and
 * size); addresses that would leave the folder, hidden files and anything that
 * is not a regular file count as missing.
 */
export class PhotoLibrary {
  private readonly known = new Map<string, FileStamp & { result: PhotoLookupResult }>();

  constructor(readonly folder: string) {}

  /** The file behind `/images/…`, or undefined when the address cannot be one of the folder's files. */
  resolve(src: string): string | undefined {
    if (!src.startsWith(PHOTO_PREFIX)) return undefined;
    let decoded: string;
    try {
      decoded = decodeURIComponent(src.slice(PHOTO_PREFIX.length));
    } catch {
      return undefined;
    }
    if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').some((part) => part === '' || part.startsWith('.'))) return undefined;
    const folder = path.resolve(/* turbopackIgnore: true */ this.folder);
    const absolutePath = path.resolve(/* turbopackIgnore: true */ folder, decoded);
    return absolutePath.startsWith(folder + path.sep) ? absolutePath : undefined;
  }

  /** The current stamp of a photo's file; a missing one stamps as -1, so its arrival counts as a change. */
  stamp(src: string): FileStamp {
    const absolutePath = this.resolve(src);
    const stats = absolutePath === undefined ? undefined : statSync(/* turbopackIgnore: true */ absolutePath, { throwIfNoEntry: false });
    if (!stats?.isFile() || !this.reallyInside(absolutePath)) return { mtimeMs: -1, size: -1 };
    return { mtimeMs: stats.mtimeMs, size: stats.size };
  }

  /** A symbolic link in the folder may point anywhere: only files whose real path is in the folder count. */
  private reallyInside(absolutePath: string | undefined): boolean {
    if (absolutePath === undefined) return false;
    try {
      const real = realpathSync(/* turbopackIgnore: true */ absolutePath);
      // The folder's own real path is kept (every photo request comes through here),
      // and read again before a refusal, in case the folder was swapped for a link.
      if (this.realFolder !== undefined && real.startsWith(this.realFolder + path.sep)) return true;
      this.realFolder = realpathSync(/* turbopackIgnore: true */ this.folder);
      return real.startsWith(this.realFolder + path.sep);
    } catch {
      return false;
    }
  }

  private realFolder: string | undefined;

  readonly lookup: PhotoLookup = (src) => {
    const absolutePath = this.resolve(src);
    if (absolutePath === undefined) return { ok: false, problem: this.notAPhotoAddress(src) };
    const stamp = this.stamp(src);
    if (stamp.size < 0) {
      this.known.delete(absolutePath);
      return { ok: false, problem: this.missing(src) };
    }
    const cached = this.known.get(absolutePath);
    if (cached?.mtimeMs === stamp.mtimeMs && cached.size === stamp.size) return cached.result;
    const result = this.inspect(src, absolutePath, stamp);
    this.known.set(absolutePath, { ...stamp, result });
    return result;
  };

  private inspect(src: string, absolutePath: string, stamp: FileStamp): PhotoLookupResult {
    if (stamp.size > PHOTO_LIMITS.maxBytes) {
      // Refused by its size alone: a 2 GB file is never read into memory.
      const { problem } = refusedBySize(stamp.size);
      return { ok: false, problem: { message: `photo « ${src} » : ${problem.message}`, hint: problem.hint } };
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(/* turbopackIgnore: true */ absolutePath);
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String(error.code) : 'inconnu';
      return { ok: false, problem: { message: `photo « ${src} » illisible (${code})`, hint: 'vérifiez que le serveur a le droit de lire ce fichier' } };
    }
    const inspection = inspectPhoto(bytes, absolutePath);
    if (!inspection.ok) return { ok: false, problem: { message: `photo « ${src} » : ${inspection.problem.message}`, hint: inspection.problem.hint } };
    return { ok: true, photo: { src, ...inspection.facts } };
  }

  /** Every file of the folder as an address (`/images/…`), sorted; hidden files left out. */
  listAddresses(): string[] {
    let names: string[];
    try {
      names = readdirSync(/* turbopackIgnore: true */ this.folder, { recursive: true, encoding: 'utf8' });
    } catch {
      return [];
    }
    return (
      names
        .filter((name) => !name.split(path.sep).some((part) => part.startsWith('.')))
        // As an article writes it: a space and a percent sign encoded, the rest as is.
        .map(
          (name) =>
            `${PHOTO_PREFIX}${name
              .split(path.sep)
              .map((part) => part.replace(/%/g, '%25').replace(/ /g, '%20'))
              .join('/')}`,
        )
        .filter((src) => {
          const absolutePath = this.resolve(src);
          return absolutePath !== undefined && statSync(/* turbopackIgnore: true */ absolutePath, { throwIfNoEntry: false })?.isFile() === true;
        })
        .sort()
    );
  }

  private missing(src: string): PhotoProblem {
    const closest = nearestAddress(src, this.listAddresses());
    const folder = displayPath(this.folder);
    return {
      message: `photo « ${src} » introuvable dans ${folder}/`,
      hint: closest
        ? `vouliez-vous dire « ${closest} » ? Sinon, placez le fichier dans ${folder}/`
        : `placez le fichier dans ${folder}/ et écrivez son adresse ainsi : /images/photo.jpg pour ${folder}/photo.jpg`,
    };
  }

  private notAPhotoAddress(src: string): PhotoProblem {
    const folder = displayPath(this.folder);
    return {
      message: `adresse de photo « ${src} » impossible : les photos sont les fichiers de ${folder}/`,
      hint: `écrivez /images/ puis le chemin du fichier dans ${folder}/, par exemple /images/2024/photo.jpg`,
    };
  }
}

/** The existing address closest to a mistyped one: same file name first, then the smallest edit. */
export function nearestAddress(written: string, addresses: readonly string[]): string | undefined {
  const baseName = (address: string) => address.slice(address.lastIndexOf('/') + 1).toLowerCase();
  const sameName = addresses.find((address) => baseName(address) === baseName(written));
  if (sameName) return sameName;
  return nearestName(written, addresses);
}
