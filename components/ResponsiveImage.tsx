import { getImageProps } from 'next/image';
import { preload as preloadResource } from 'react-dom';

interface ResponsiveImageProps {
  src: string;
  alt: string;
  width: number;
  height: number;
  sizes: string;
  /** The largest paint of the page: fetched early, at high priority. */
  preload?: boolean;
}

/**
 * The optimizer's srcset (sizes and formats from next/image) on a plain `<img>`
 * rendered on the server: the `<Image>` component is a client component whose
 * JavaScript every page would otherwise download for nothing.
 */
export function ResponsiveImage({ preload = false, ...image }: ResponsiveImageProps) {
  const { props } = getImageProps({ ...image, ...(preload ? { preload: true } : { loading: 'lazy' }) });
  if (preload && props.srcSet) {
    preloadResource(props.src, { as: 'image', imageSrcSet: props.srcSet, imageSizes: props.sizes, fetchPriority: 'high' });
  }
  // eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text -- next/image's own props, alt included
  return <img {...props} {...(preload ? { fetchPriority: 'high' as const } : {})} />;
}
