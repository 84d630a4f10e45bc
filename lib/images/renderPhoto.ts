import sharp, { type Sharp } from 'sharp';
import { cropAround, type FocusPoint } from './focusPoint';
import { PHOTO_LIMITS, type PhotoFormat } from './photoFile';

export type OutputFormat = 'avif' | 'webp' | 'jpeg' | 'png';

export const CONTENT_TYPES: Readonly<Record<OutputFormat, string>> = { avif: 'image/avif', webp: 'image/webp', jpeg: 'image/jpeg', png: 'image/png' };

export interface RenderedImage {
  bytes: Buffer;
  contentType: string;
}

/** The best format the browser's Accept header names; PNG stays PNG (screenshots, drawings) when nothing better is taken. */
export function negotiateFormat(accept: string | null, source: PhotoFormat): OutputFormat {
  const accepted = acceptedTypes(accept ?? '');
  if (accepted.has('image/avif')) return 'avif';
  if (accepted.has('image/webp')) return 'webp';
  return source === 'png' ? 'png' : 'jpeg';
}

/** The media types an Accept header names with a weight above zero (`image/avif;q=0` refuses AVIF). */
function acceptedTypes(accept: string): Set<string> {
  const types = new Set<string>();
  for (const part of accept.toLowerCase().split(',')) {
    const [type = '', ...parameters] = part.split(';').map((piece) => piece.trim());
    const weight = parameters.find((parameter) => parameter.startsWith('q='));
    if (type !== '' && (weight === undefined || Number(weight.slice(2)) > 0)) types.add(type);
  }
  return types;
}

/**
 * Every picture the site sends starts here: decoded (never passed through),
 * turned upright from its orientation tag, and written anew. sharp writes no
 * EXIF, XMP, IPTC or ICC block unless asked to, so GPS positions, camera
 * serials and editing history stay behind; colours are converted to sRGB.
 * `limitInputPixels` is a second lock behind the header check of photoFile.ts.
 */
function decode(file: string) {
  return sharp(file, { limitInputPixels: PHOTO_LIMITS.maxPixels, failOn: 'error', sequentialRead: true }).rotate();
}

function encode(pipeline: Sharp, format: OutputFormat): Promise<Buffer> {
  switch (format) {
    case 'avif':
      // effort 2: a 1920 px AVIF in about a second on one core, instead of four at the default.
      return pipeline.avif({ quality: 55, effort: 2 }).toBuffer();
    case 'webp':
      return pipeline.webp({ quality: 78 }).toBuffer();
    case 'png':
      return pipeline.png({ compressionLevel: 9, palette: true }).toBuffer();
    case 'jpeg':
      return pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 80, mozjpeg: true }).toBuffer();
  }
}

/** The photo at `width` (never enlarged) in `format`. */
export async function renderResized(file: string, width: number, format: OutputFormat): Promise<RenderedImage> {
  const bytes = await encode(decode(file).resize({ width, withoutEnlargement: true }), format);
  return { bytes, contentType: CONTENT_TYPES[format] };
}

/**
 * A JPEG of exactly `frame`, cut around the focus point when the editor gave
 * one, else around what sharp's attention strategy finds busiest (faces,
 * text). Smaller photos are enlarged: search engines want 1200 px whatever the upload.
 */
export async function renderCrop(
  file: string,
  source: { width: number; height: number },
  frame: { width: number; height: number },
  focus?: FocusPoint,
): Promise<RenderedImage> {
  let pipeline = decode(file);
  if (focus) {
    const box = cropAround(source, frame, focus);
    pipeline = pipeline
      .resize(box.scaledWidth, box.scaledHeight, { fit: 'fill' })
      .extract({ left: box.left, top: box.top, width: box.width, height: box.height });
  } else {
    pipeline = pipeline.resize(frame.width, frame.height, { fit: 'cover', position: sharp.strategy.attention });
  }
  return { bytes: await encode(pipeline, 'jpeg'), contentType: CONTENT_TYPES.jpeg };
}
