import { createHash } from 'node:crypto';
import type { PhotoLookup } from '../../images/photoLibrary';

/** A photo lookup that knows exactly the photos given (a hash made from the address), for tests that need no disk. */
export function stubPhotoLookup(sizes: Record<string, { width: number; height: number }>): PhotoLookup {
  return (src) => {
    const size = sizes[src];
    if (!size) return { ok: false, problem: { message: `photo « ${src} » introuvable dans content/images/`, hint: 'placez le fichier dans content/images/' } };
    const hash = createHash('sha256').update(src).digest('hex').slice(0, 16);
    return { ok: true, photo: { src, format: 'png', ...size, hash } };
  };
}
