import { z } from 'zod';
import { SITE_TIME_ZONE } from './dates/formatDate';

const siteUrlSchema = z
  .url({ protocol: /^https?$/, error: 'SITE_URL doit être une adresse http(s) absolue, par exemple https://kiosque.example' })
  .transform((value) => new URL(value.endsWith('/') ? value : `${value}/`));

/** The one description of the site that every page, feed and piece of structured data uses. */
export const siteConfig = {
  name: 'kiosque',
  description: 'L’actualité, la culture et la tech, en français.',
  /** Absolute base URL, from `SITE_URL`; the default suits a local run. */
  url: siteUrlSchema.parse(process.env.SITE_URL ?? 'http://localhost:3000'),
  locale: 'fr_FR',
  language: 'fr-FR',
  timeZone: SITE_TIME_ZONE,
  publisher: {
    name: 'kiosque',
    // Raster, square, over 112 px: what Google asks of an organisation logo.
    logo: { src: '/logo.png', width: 512, height: 512 },
  },
} as const;

/** `/article/x` → `https://kiosque.example/article/x`. */
export function absoluteUrl(path: string): string {
  return new URL(path.replace(/^\//, ''), siteConfig.url).toString();
}
