import sharp from 'sharp';
import type { ImageRatio } from '../routes';
import { IMAGE_RATIOS } from './jsonLd';

export function isImageRatio(text: string): text is ImageRatio {
  return Object.hasOwn(IMAGE_RATIOS, text);
}

/**
 * One crop of a hero image as a JPEG, for structured data: `attention` keeps
 * the busiest part of the picture (faces, text) rather than its geometric
 * centre. Smaller sources are enlarged: Google wants 1200 px whatever the upload.
 */
export async function renderImageCrop(sourceFile: string, ratio: ImageRatio): Promise<Buffer> {
  const { width, height } = IMAGE_RATIOS[ratio];
  return sharp(sourceFile)
    .rotate()
    .resize(width, height, { fit: 'cover', position: sharp.strategy.attention })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 82, mozjpeg: true })
    .toBuffer();
}
