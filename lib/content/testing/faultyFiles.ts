import { diskFiles, type ContentFiles } from '../reading/readContentFiles';

/**
 * The disk, except that reading the paths in `failing` fails with their code
 * (`ENOENT` as a file deleted after the listing): tests run as root, who reads
 * any file whatever its permissions, so an unreadable file is made here.
 */
export function faultyFiles(failing: ReadonlyMap<string, string>): ContentFiles {
  return {
    ...diskFiles,
    read(absolutePath) {
      const code = failing.get(absolutePath);
      if (code === undefined) return diskFiles.read(absolutePath);
      return code === 'ENOENT' ? { ok: false, reason: 'gone' } : { ok: false, reason: 'unreadable', code };
    },
  };
}
