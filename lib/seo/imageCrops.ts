import type { ImageRatio } from '../routes';
import { IMAGE_RATIOS } from './jsonLd';

/** Whether a URL's name is one of the crops structured data offers (never an inherited property such as `constructor`). */
export function isImageRatio(text: string): text is ImageRatio {
  return Object.hasOwn(IMAGE_RATIOS, text);
}
