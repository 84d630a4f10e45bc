import type { ImageSize, ImageSizeLookup } from '../publicImages';

/** An image-size lookup that knows exactly the images given, for tests that need no disk. */
export function stubImageSizeLookup(sizes: Record<string, ImageSize>): ImageSizeLookup {
  return (src) => sizes[src];
}
