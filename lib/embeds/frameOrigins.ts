/**
 * The providers whose content an article may show, and the one origin each
 * one's frame is loaded from. Kept apart from the URL readers
 * (lib/embeds/providers.ts): the consent island and the CSP need only this.
 */
export const EMBED_FRAME_ORIGINS = {
  youtube: 'https://www.youtube-nocookie.com',
  dailymotion: 'https://geo.dailymotion.com',
  vimeo: 'https://player.vimeo.com',
  x: 'https://platform.twitter.com',
  instagram: 'https://www.instagram.com',
  tiktok: 'https://www.tiktok.com',
  bluesky: 'https://embed.bsky.app',
  spotify: 'https://open.spotify.com',
  soundcloud: 'https://w.soundcloud.com',
} as const;

export type EmbedProviderId = keyof typeof EMBED_FRAME_ORIGINS;

/** Every provider: what a page allows when it cannot know which of them it will show (a live article's entries to come). */
export const ALL_EMBED_PROVIDERS = Object.keys(EMBED_FRAME_ORIGINS) as EmbedProviderId[];

export function isEmbedProviderId(value: string): value is EmbedProviderId {
  return Object.hasOwn(EMBED_FRAME_ORIGINS, value);
}

/** Whether a frame address is one of this provider's: what the island checks before it loads a frame. */
export function isFrameOf(provider: EmbedProviderId, src: string): boolean {
  return src.startsWith(`${EMBED_FRAME_ORIGINS[provider]}/`);
}
