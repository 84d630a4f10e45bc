import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ImageResponse } from 'next/og';
import type { Article } from '@/lib/content/article';
import { getPhotoService } from '@/lib/content/siteContent';
import { formatDateFr } from '@/lib/dates/formatDate';
import { siteConfig } from '@/lib/siteConfig';
import { listInFrench } from '@/lib/typography/frenchList';

export const SHARE_CARD_SIZE = { width: 1200, height: 630 };

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

const PHOTO_FRAME = { width: 500, height: 630 };

/**
 * The hero cut to the card's photo frame around its focus point, re-encoded
 * like every picture the site sends (upright, no metadata), as a data URL the
 * renderer draws without a network request.
 */
async function heroDataUrl(article: Article): Promise<string | undefined> {
  const photos = getPhotoService();
  const photo = photos.current(article.image.src);
  if (!photo) return undefined;
  const crop = await photos.crop(photo, PHOTO_FRAME, article.image.focus).catch(() => undefined);
  return crop && `data:${crop.contentType};base64,${crop.bytes.toString('base64')}`;
}

// Narrow no-break spaces (French typography) are not in every font's latin subset.
const plain = (text: string) => text.replace(/\u202f/g, '\u00a0');

function titleSize(title: string): number {
  if (title.length <= 50) return 64;
  if (title.length <= 80) return 54;
  return 44;
}

const Badge = () => (
  <div style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
    <div style={{ background: '#b3261e', color: '#fbfaf7', fontSize: 34, fontWeight: 700, padding: '4px 18px', borderRadius: 10 }}>
      {siteConfig.name}
    </div>
  </div>
);

/** 1200×630 PNG for an article: section, title, author and date beside the credited photo. */
export async function articleShareCard(article: Article): Promise<ImageResponse> {
  const [loadedFonts, hero] = await Promise.all([loadFonts(), heroDataUrl(article)]);
  return new ImageResponse(
    (
      <div style={{ display: 'flex', width: '100%', height: '100%', background: '#15171a', fontFamily: 'Source Serif 4' }}>
        <div style={{ display: 'flex', flexDirection: 'column', justifyContent: 'space-between', width: hero ? 700 : 1200, padding: 56, color: '#ecebe6' }}>
          <div style={{ display: 'flex', alignItems: 'center', gap: 20 }}>
            <Badge />
            <div style={{ fontSize: 28, color: '#ff8a80', textTransform: 'uppercase', letterSpacing: 2 }}>{plain(article.category)}</div>
          </div>
          <div style={{ display: 'flex', fontSize: titleSize(article.title), fontWeight: 700, lineHeight: 1.12 }}>{plain(article.title)}</div>
          <div style={{ display: 'flex', fontSize: 26, color: '#aaa79f' }}>
            {plain(`${listInFrench(article.authors.map((author) => author.name))} · ${formatDateFr(article.publishedAt.date)}`)}
          </div>
        </div>
        {hero && (
          <div style={{ display: 'flex', position: 'relative', width: 500, height: 630 }}>
            {/* eslint-disable-next-line @next/next/no-img-element -- drawn by the OG renderer, not a page */}
            <img src={hero} alt="" width={PHOTO_FRAME.width} height={PHOTO_FRAME.height} style={{ width: PHOTO_FRAME.width, height: PHOTO_FRAME.height }} />
            <div
              style={{
                position: 'absolute',
                right: 0,
                bottom: 0,
                display: 'flex',
                background: 'rgba(0,0,0,0.65)',
                color: '#fff',
                fontSize: 20,
                padding: '6px 12px',
              }}
            >
              {plain(article.image.credit)}
            </div>
          </div>
        )}
      </div>
    ),
    { ...SHARE_CARD_SIZE, fonts: loadedFonts },
  );
}

/** The site's own card, for every page that is not an article. */
export async function siteShareCard(): Promise<ImageResponse> {
  return new ImageResponse(
    (
      <div
        style={{
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'center',
          gap: 32,
          width: '100%',
          height: '100%',
          padding: 80,
          background: '#15171a',
          color: '#ecebe6',
          fontFamily: 'Source Serif 4',
        }}
      >
        <div style={{ display: 'flex', fontSize: 120, fontWeight: 700, color: '#ff8a80' }}>{siteConfig.name}</div>
        <div style={{ display: 'flex', fontSize: 48 }}>{plain(siteConfig.description)}</div>
      </div>
    ),
    { ...SHARE_CARD_SIZE, fonts: await loadFonts() },
  );
}
