import { preload as preloadResource } from 'react-dom';
import type { HeroImage } from '@/lib/content/article';
import { formatFocus } from '@/lib/images/focusPoint';
import { responsiveImage } from '@/lib/images/photoUrls';

interface ResponsiveImageProps {
  image: HeroImage;
  sizes: string;
  /** The largest paint of the page: fetched early, at high priority. */
  preload?: boolean;
  /** Shown cropped by CSS (`object-fit: cover`): the focus point stays in frame. */
  cropped?: boolean;
}

/**
 * A photo of the content folder as a plain `<img>` rendered on the server, its
 * `srcset` pointing at the site's re-encoded variants (lib/images): no client
 * JavaScript, and the browser picks the width and, by its Accept header, the format.
 */
export function ResponsiveImage({ image, sizes, preload = false, cropped = false }: ResponsiveImageProps) {
  const { src, srcSet, width, height } = responsiveImage(image, sizes);
  if (preload) preloadResource(src, { as: 'image', imageSrcSet: srcSet, imageSizes: sizes, fetchPriority: 'high' });
  return (
    // eslint-disable-next-line @next/next/no-img-element -- the site's own variants; next/image's optimizer is off
    <img
      src={src}
      srcSet={srcSet}
      sizes={sizes}
      width={width}
      height={height}
      alt={image.alt}
      decoding="async"
      {...(preload ? { fetchPriority: 'high' as const } : { loading: 'lazy' as const })}
      {...(cropped && image.focus ? { style: { objectPosition: formatFocus(image.focus) } } : {})}
    />
  );
}
