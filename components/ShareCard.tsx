import { siteConfig } from '@/lib/siteConfig';

/** The share cards' size: what Open Graph and X ask for. */
export const SHARE_CARD_SIZE = { width: 1200, height: 630 };
/** The photo's frame on an article's card, beside the text. */
export const SHARE_CARD_PHOTO_FRAME = { width: 500, height: 630 };

// Narrow no-break spaces (French typography) are not in every font's latin subset.
const plain = (text: string) => text.replace(/\u202f/g, '\u00a0');

function titleSize(title: string): number {
  if (title.length <= 50) return 64;
  if (title.length <= 80) return 54;
  return 44;
}

const Badge = () => (
  <div style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
    <div style={{ background: '#b3261e', color: '#fbfaf7', fontSize: 34, fontWeight: 700, padding: '4px 18px', borderRadius: 10 }}>{siteConfig.name}</div>
  </div>
);

/** What an article's card shows, finished: the byline and date already written out, the photo already cut (a data URL). */
export interface ArticleShareCardData {
  category: string;
  title: string;
  byline: string;
  hero?: { src: string; credit: string };
}

/** An article's card, drawn by Next's OG renderer (app/_crawlers/shareCard.tsx): section, title, author and date beside the credited photo. */
export function ArticleShareCard({ category, title, byline, hero }: ArticleShareCardData) {
  return (
    <div style={{ display: 'flex', width: '100%', height: '100%', background: '#15171a', fontFamily: 'Source Serif 4' }}>
      <div style={{ display: 'flex', flexDirection: 'column', justifyContent: 'space-between', width: hero ? 700 : 1200, padding: 56, color: '#ecebe6' }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 20 }}>
          <Badge />
          <div style={{ fontSize: 28, color: '#ff8a80', textTransform: 'uppercase', letterSpacing: 2 }}>{plain(category)}</div>
        </div>
        <div style={{ display: 'flex', fontSize: titleSize(title), fontWeight: 700, lineHeight: 1.12 }}>{plain(title)}</div>
        <div style={{ display: 'flex', fontSize: 26, color: '#aaa79f' }}>{plain(byline)}</div>
      </div>
      {hero && (
        <div style={{ display: 'flex', position: 'relative', width: SHARE_CARD_PHOTO_FRAME.width, height: SHARE_CARD_PHOTO_FRAME.height }}>
          {/* eslint-disable-next-line @next/next/no-img-element -- drawn by the OG renderer, not a page */}
          <img
            src={hero.src}
            alt=""
            width={SHARE_CARD_PHOTO_FRAME.width}
            height={SHARE_CARD_PHOTO_FRAME.height}
            style={{ width: SHARE_CARD_PHOTO_FRAME.width, height: SHARE_CARD_PHOTO_FRAME.height }}
          />
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
            {plain(hero.credit)}
          </div>
        </div>
      )}
    </div>
  );
}

/** The site's own card, for every page that is not an article. */
export function SiteShareCard() {
  return (
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
  );
}
