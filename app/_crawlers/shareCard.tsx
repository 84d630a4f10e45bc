import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ImageResponse } from 'next/og';
import { ArticleShareCard, SHARE_CARD_PHOTO_FRAME, SHARE_CARD_SIZE, SiteShareCard } from '@/components/ShareCard';
import type { Article } from '@/lib/content/article';
import { getPhotoService } from '@/lib/content/siteContent';
import { formatDateFr } from '@/lib/dates/formatDate';
import { listInFrench } from '@/lib/typography/frenchList';

const FONT_DIR = path.join(/* turbopackIgnore: true */ process.cwd(), 'node_modules/@fontsource/source-serif-4/files');

let fonts: Promise<{ name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[]> | undefined;

/** Source Serif 4 (bundled, so no font is fetched at render time), read once per process. */
function loadFonts() {
  fonts ??= Promise.all(
    ([400, 700] as const).map(async (weight) => ({
      name: 'Source Serif 4',
      data: await readFile(/* turbopackIgnore: true */ path.join(FONT_DIR, `source-serif-4-latin-${weight}-normal.woff`)),
      weight,
      style: 'normal' as const,
    })),
  );
  return fonts;
}

/**
 * The hero cut to the card's photo frame around its focus point, re-encoded
 * like every picture the site sends (upright, no metadata), as a data URL the
 * renderer draws without a network request.
 */
async function heroDataUrl(article: Article): Promise<string | undefined> {
  const photos = getPhotoService();
  const photo = photos.current(article.image.src);
  if (!photo) return undefined;
  const crop = await photos.crop(photo, SHARE_CARD_PHOTO_FRAME, article.image.focus).catch(() => undefined);
  return crop && `data:${crop.contentType};base64,${crop.bytes.toString('base64')}`;
}

/** 1200×630 PNG for an article: its data made here, drawn by components/ShareCard.tsx. */
export async function articleShareCard(article: Article): Promise<ImageResponse> {
  const [loadedFonts, hero] = await Promise.all([loadFonts(), heroDataUrl(article)]);
  const card = {
    category: article.category,
    title: article.title,
    byline: `${listInFrench(article.authors.map((author) => author.name))} · ${formatDateFr(article.publishedAt.date)}`,
    ...(hero ? { hero: { src: hero, credit: article.image.credit } } : {}),
  };
  return new ImageResponse(<ArticleShareCard {...card} />, { ...SHARE_CARD_SIZE, fonts: loadedFonts });
}

/** The site's own card, for every page that is not an article. */
export async function siteShareCard(): Promise<ImageResponse> {
  return new ImageResponse(<SiteShareCard />, { ...SHARE_CARD_SIZE, fonts: await loadFonts() });
}
