import type { HeroImage } from '@/lib/content/article';
import { ResponsiveImage } from './ResponsiveImage';

/** The article's main image with its caption and credit; preloaded, since it is the largest paint. */
export function HeroFigure({ image }: { image: HeroImage }) {
  return (
    <figure className="hero">
      <ResponsiveImage image={image} sizes="(min-width: 64rem) 60rem, 100vw" preload />
      <figcaption>
        {image.caption && <span>{image.caption} </span>}
        <small>{image.credit}</small>
      </figcaption>
    </figure>
  );
}
