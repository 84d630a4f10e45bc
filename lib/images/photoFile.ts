import { createHash } from 'node:crypto';
import { imageSize } from 'image-size';
import { isComplete } from './photoCompleteness';

/** The formats a photo may be published in: what every browser decodes and sharp re-encodes. */
export type PhotoFormat = 'jpeg' | 'png' | 'webp' | 'avif';

/**
 * Past these a file is refused before anything decodes it. 50 megapixels is a
 * full-frame camera's largest photo; a decompression bomb (a small PNG that
 * claims 100,000 × 100,000 pixels) is caught by its header, before sharp
 * would allocate gigabytes for it.
 */
export const PHOTO_LIMITS = {
  maxBytes: 25_000_000,
  maxPixels: 50_000_000,
  maxSide: 16_384,
  minSide: 16,
} as const;

/** What the file itself says about a valid photo; sizes are as shown, after its orientation tag. */
export interface PhotoFacts {
  format: PhotoFormat;
  width: number;
  height: number;
  /** The first 16 hex digits of the SHA-256 of the file: a new file is a new URL. */
  hash: string;
}

export interface PhotoProblem {
  message: string;
  hint: string;
}

export type PhotoInspection = { ok: true; facts: PhotoFacts } | { ok: false; problem: PhotoProblem };

const EXTENSIONS: Readonly<Record<string, PhotoFormat>> = { jpg: 'jpeg', jpeg: 'jpeg', png: 'png', webp: 'webp', avif: 'avif' };

const FORMAT_NAMES: Readonly<Record<PhotoFormat, string>> = { jpeg: 'JPEG', png: 'PNG', webp: 'WebP', avif: 'AVIF' };

const PREFERRED_EXTENSION: Readonly<Record<PhotoFormat, string>> = { jpeg: 'jpg', png: 'png', webp: 'webp', avif: 'avif' };

/** Formats recognised only to be refused, each with why and what to do instead. */
const REFUSED_FORMATS: ReadonlyArray<{ name: string; test: (bytes: Buffer) => boolean; why: string; fix: string }> = [
  {
    name: 'SVG',
    test: (bytes) =>
      /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i.test(
        bytes
          .subarray(0, 4096)
          .toString('latin1')
          .replace(/^\uFEFF|^\xEF\xBB\xBF/, ''),
      ),
    why: 'un SVG est un programme de dessin qui peut contenir du script et charger d’autres fichiers, pas une photo',
    fix: 'exportez-le en PNG',
  },
  {
    name: 'GIF',
    test: (bytes) => bytes.subarray(0, 4).toString('latin1') === 'GIF8',
    why: 'le GIF n’a que 256 couleurs et ses animations ne sont pas des photos',
    fix: 'exportez l’image en PNG ou en JPEG',
  },
  {
    name: 'HEIC',
    test: (bytes) => isIsoMedia(bytes) && !brandsOf(bytes).some((brand) => brand === 'avif' || brand === 'avis'),
    why: 'les navigateurs ne lisent pas le HEIC des iPhone',
    fix: 'exportez la photo en JPEG (réglage « Le plus compatible » de l’iPhone)',
  },
  {
    name: 'TIFF',
    test: (bytes) => ['II*\0', 'MM\0*'].includes(bytes.subarray(0, 4).toString('latin1')),
    why: 'les navigateurs ne lisent pas le TIFF',
    fix: 'exportez la photo en JPEG',
  },
  {
    name: 'BMP',
    test: (bytes) => bytes.subarray(0, 2).toString('latin1') === 'BM',
    why: 'le BMP n’est pas compressé et n’est pas un format du web',
    fix: 'exportez l’image en PNG ou en JPEG',
  },
  {
    name: 'PDF',
    test: (bytes) => bytes.subarray(0, 5).toString('latin1') === '%PDF-',
    why: 'un PDF est un document, pas une image',
    fix: 'exportez la page voulue en PNG ou en JPEG',
  },
];

/** The format the bytes are in, whatever the file's name says. */
export function sniffFormat(bytes: Buffer): PhotoFormat | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  if (isIsoMedia(bytes) && brandsOf(bytes).some((brand) => brand === 'avif' || brand === 'avis')) return 'avif';
  return undefined;
}

/** The format an extension promises (`jpg` → JPEG), or undefined for one we do not take. */
export function formatOfExtension(fileName: string): PhotoFormat | undefined {
  const extension = /\.([^./]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : EXTENSIONS[extension];
}

/**
 * Checks a photo file as an editor put it in `content/images/` and reads its
 * facts. Everything here reads headers and walks the file's structure: nothing
 * is decoded, so a hostile file costs no more than its bytes.
 */
export function inspectPhoto(bytes: Buffer, fileName: string): PhotoInspection {
  if (bytes.length === 0) return refuse('fichier vide (0 octet)', 'le transfert a échoué : déposez la photo à nouveau');
  if (bytes.length > PHOTO_LIMITS.maxBytes) return refusedBySize(bytes.length);
  const format = sniffFormat(bytes);
  if (!format) {
    const refused = REFUSED_FORMATS.find((candidate) => candidate.test(bytes));
    return refused
      ? refuse(`format ${refused.name} refusé : ${refused.why}`, refused.fix)
      : refuse('ce fichier n’est pas une image JPEG, PNG, WebP ni AVIF', 'exportez la photo en JPEG depuis votre logiciel de retouche');
  }
  const promised = formatOfExtension(fileName);
  if (!promised) {
    return refuse(
      `extension non acceptée (${extensionOf(fileName)}) pour une image ${FORMAT_NAMES[format]}`,
      `renommez le fichier en .${PREFERRED_EXTENSION[format]}`,
    );
  }
  if (promised !== format) {
    return refuse(
      `l’extension .${extensionOf(fileName)} ne correspond pas au contenu du fichier, qui est une image ${FORMAT_NAMES[format]}`,
      `renommez le fichier en .${PREFERRED_EXTENSION[format]}, ou exportez-le vraiment en ${FORMAT_NAMES[promised]}`,
    );
  }
  let size: { width: number; height: number; orientation?: number };
  try {
    size = imageSize(bytes);
  } catch {
    return refuse(`en-tête ${FORMAT_NAMES[format]} illisible : le fichier est abîmé`, 'exportez la photo à nouveau depuis l’original');
  }
  const turned = size.orientation !== undefined && size.orientation >= 5;
  const width = turned ? size.height : size.width;
  const height = turned ? size.width : size.height;
  const sides = [width, height];
  if (sides.some((side) => !Number.isInteger(side) || side < PHOTO_LIMITS.minSide || side > PHOTO_LIMITS.maxSide)) {
    return refuse(
      `dimensions absurdes (${width} × ${height} pixels)`,
      `chaque côté doit mesurer de ${PHOTO_LIMITS.minSide} à ${PHOTO_LIMITS.maxSide} pixels : exportez la photo à nouveau`,
    );
  }
  if (width * height > PHOTO_LIMITS.maxPixels) {
    return refuse(
      `${width} × ${height} pixels (${((width * height) / 1e6).toFixed(0)} mégapixels), au-delà de la limite de ${PHOTO_LIMITS.maxPixels / 1e6} mégapixels`,
      'réduisez la photo à 6 000 pixels de large au plus',
    );
  }
  if (!isComplete(bytes, format)) {
    return refuse(`fichier ${FORMAT_NAMES[format]} tronqué : la fin de l’image manque`, 'le transfert a été interrompu : déposez la photo à nouveau');
  }
  return { ok: true, facts: { format, width, height, hash: createHash('sha256').update(bytes).digest('hex').slice(0, 16) } };
}

/** The refusal of a file by its size alone: a 2 GB file need not be read to be refused. */
export function refusedBySize(size: number): { ok: false; problem: PhotoProblem } {
  return {
    ok: false,
    problem: {
      message: `fichier de ${megabytes(size)}, au-delà de la limite de ${megabytes(PHOTO_LIMITS.maxBytes)}`,
      hint: 'exportez la photo en JPEG qualité 85 ; 4 000 pixels de large suffisent',
    },
  };
}

function refuse(message: string, hint: string): PhotoInspection {
  return { ok: false, problem: { message, hint } };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;
}

function extensionOf(fileName: string): string {
  return /\.([^./]+)$/.exec(fileName)?.[1] ?? 'aucune';
}

function isIsoMedia(bytes: Buffer): boolean {
  return bytes.length >= 12 && bytes.subarray(4, 8).toString('latin1') === 'ftyp';
}

/** The major and compatible brands of an ISO media file's `ftyp` box (`avif`, `heic`, `mif1`…). */
function brandsOf(bytes: Buffer): string[] {
  const boxSize = Math.min(bytes.readUInt32BE(0), bytes.length);
  const brands = [bytes.subarray(8, 12).toString('latin1')];
  for (let index = 16; index + 4 <= boxSize; index += 4) brands.push(bytes.subarray(index, index + 4).toString('latin1'));
  return brands;
}
