import { EMBED_FRAME_ORIGINS, type EmbedProviderId } from './frameOrigins';

/** How a frame is laid out: a 16:9 player, a 9:16 one, a post (tall, narrow), an audio bar. */
export type EmbedShape = 'video' | 'vertical' | 'post' | 'audio';

/** A provider's content an article shows once the reader asks for it. */
export interface Embed {
  provider: EmbedProviderId;
  /** The provider's name, as readers know it: « YouTube », « X ». */
  name: string;
  /** The address the editor wrote: the link readers follow instead of the frame. */
  url: string;
  /** The frame's address, on the provider's privacy-enhanced domain when it has one. */
  frameSrc: string;
  shape: EmbedShape;
}

/** What a provider's address gave: an embed, or why it gives none (`expected`: the address it wants). */
export type EmbedReading = { ok: true; embed: Embed } | { ok: false; provider: EmbedProviderId; name: string; expected: string };

interface Provider {
  id: EmbedProviderId;
  name: string;
  /** Host names without `www.`, `m.` or `mobile.`. */
  hosts: readonly string[];
  /** An example of an address that works, for the editor's hint. */
  expected: string;
  read: (url: URL, host: string) => { path: string; shape: EmbedShape } | undefined;
}

const YOUTUBE_ID = /^[\w-]{11}$/;
const DIGITS = /^\d{1,20}$/;
const SLUG = /^[\w.-]{1,100}$/;

/** `t=90`, `t=1m30s`, `start=90` → seconds. */
function youtubeStart(url: URL): number | undefined {
  const written = url.searchParams.get('t') ?? url.searchParams.get('start');
  const match = written?.match(/^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/);
  if (!match || written === '') return undefined;
  const seconds = Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
  return seconds > 0 ? seconds : undefined;
}

const PROVIDERS: readonly Provider[] = [
  {
    id: 'youtube',
    name: 'YouTube',
    hosts: ['youtube.com', 'youtu.be', 'youtube-nocookie.com', 'music.youtube.com'],
    expected: 'https://www.youtube.com/watch?v=…',
    read(url, host) {
      const segments = url.pathname.split('/').filter(Boolean);
      let id: string | undefined;
      let shape: EmbedShape = 'video';
      if (host === 'youtu.be') id = segments[0];
      else if (url.pathname === '/watch') id = url.searchParams.get('v') ?? undefined;
      else if (segments.length === 2 && ['embed', 'shorts', 'live', 'v'].includes(segments[0] ?? '')) {
        id = segments[1];
        if (segments[0] === 'shorts') shape = 'vertical';
      }
      if (!id || !YOUTUBE_ID.test(id)) return undefined;
      const start = youtubeStart(url);
      return { path: `/embed/${id}${start ? `?start=${start}` : ''}`, shape };
    },
  },
  {
    id: 'dailymotion',
    name: 'Dailymotion',
    hosts: ['dailymotion.com', 'dai.ly'],
    expected: 'https://www.dailymotion.com/video/x…',
    read(url, host) {
      const segments = url.pathname.split('/').filter(Boolean);
      const id = host === 'dai.ly' ? segments[0] : segments[0] === 'video' || segments[0] === 'embed' ? segments.at(-1) : undefined;
      return id && /^[a-zA-Z0-9]{5,20}$/.test(id) ? { path: `/player.html?video=${id}`, shape: 'video' } : undefined;
    },
  },
  {
    id: 'vimeo',
    name: 'Vimeo',
    hosts: ['vimeo.com', 'player.vimeo.com'],
    expected: 'https://vimeo.com/123456789',
    read(url) {
      const segments = url.pathname.split('/').filter(Boolean);
      const [id, hash] = segments[0] === 'video' ? segments.slice(1) : segments;
      if (!id || !DIGITS.test(id) || segments.length > (segments[0] === 'video' ? 3 : 2)) return undefined;
      // An unlisted video's address carries its hash: /123456789/abcdef1234.
      const unlisted = hash && /^[0-9a-f]{6,20}$/.test(hash) ? `&h=${hash}` : '';
      if (hash && !unlisted) return undefined;
      return { path: `/video/${id}?dnt=1${unlisted}`, shape: 'video' };
    },
  },
  {
    id: 'x',
    name: 'X',
    hosts: ['x.com', 'twitter.com'],
    expected: 'https://x.com/compte/status/1234567890',
    read(url) {
      const [account, status, id] = url.pathname.split('/').filter(Boolean);
      if (!account || !SLUG.test(account) || (status !== 'status' && status !== 'statuses') || !id || !DIGITS.test(id)) return undefined;
      return { path: `/embed/Tweet.html?id=${id}&dnt=true&lang=fr`, shape: 'post' };
    },
  },
  {
    id: 'instagram',
    name: 'Instagram',
    hosts: ['instagram.com', 'instagr.am'],
    expected: 'https://www.instagram.com/p/…/',
    read(url) {
      const segments = url.pathname.split('/').filter(Boolean);
      // /p/CODE/, /reel/CODE/, /tv/CODE/, or the same after the account's name.
      const at = segments.findIndex((segment) => segment === 'p' || segment === 'reel' || segment === 'tv');
      const code = at >= 0 && at <= 1 ? segments[at + 1] : undefined;
      if (!code || !/^[\w-]{5,40}$/.test(code) || segments.length > at + 2) return undefined;
      return { path: `/${segments[at] === 'p' ? 'p' : 'reel'}/${code}/embed/`, shape: 'post' };
    },
  },
  {
    id: 'tiktok',
    name: 'TikTok',
    hosts: ['tiktok.com'],
    expected: 'https://www.tiktok.com/@compte/video/1234567890',
    read(url) {
      const [account, video, id] = url.pathname.split('/').filter(Boolean);
      if (!account?.startsWith('@') || video !== 'video' || !id || !DIGITS.test(id)) return undefined;
      return { path: `/player/v1/${id}`, shape: 'vertical' };
    },
  },
  {
    id: 'bluesky',
    name: 'Bluesky',
    hosts: ['bsky.app'],
    expected: 'https://bsky.app/profile/compte.bsky.social/post/…',
    read(url) {
      const [profile, account, post, key] = url.pathname.split('/').filter(Boolean);
      if (
        profile !== 'profile' ||
        !account ||
        !/^(?:did:[a-z]+:[\w.:-]{1,200}|[\w-]+(?:\.[\w-]+)+)$/.test(account) ||
        post !== 'post' ||
        !key ||
        !/^[a-z0-9]{10,20}$/.test(key)
      )
        return undefined;
      return { path: `/embed/${account}/app.bsky.feed.post/${key}`, shape: 'post' };
    },
  },
  {
    id: 'spotify',
    name: 'Spotify',
    hosts: ['open.spotify.com'],
    expected: 'https://open.spotify.com/episode/…',
    read(url) {
      const segments = url.pathname.split('/').filter(Boolean);
      // Addresses shared from another country start with /intl-fr/.
      const [kind, id] = segments[0]?.startsWith('intl-') ? segments.slice(1) : segments;
      if (!kind || !['track', 'album', 'playlist', 'episode', 'show', 'artist'].includes(kind) || !id || !/^[A-Za-z0-9]{22}$/.test(id)) return undefined;
      return { path: `/embed/${kind}/${id}`, shape: 'audio' };
    },
  },
  {
    id: 'soundcloud',
    name: 'SoundCloud',
    hosts: ['soundcloud.com'],
    expected: 'https://soundcloud.com/compte/titre',
    read(url) {
      const segments = url.pathname.split('/').filter(Boolean);
      const readable = (segments.length === 2 || (segments.length === 3 && segments[1] === 'sets')) && segments.every((segment) => SLUG.test(segment));
      if (!readable) return undefined;
      const track = `https://soundcloud.com/${segments.join('/')}`;
      return { path: `/player/?url=${encodeURIComponent(track)}&visual=false&show_comments=false`, shape: 'audio' };
    },
  },
];

/** `www.youtube.com` → `youtube.com`: the hosts above are written without these prefixes. */
function bareHost(hostname: string): string {
  return hostname.toLowerCase().replace(/^(?:www|m|mobile)\./, '');
}

const providerByHost = new Map(PROVIDERS.flatMap((provider) => provider.hosts.map((host) => [host, provider] as const)));

/**
 * What an address alone on its line gives: undefined when it is no
 * provider's (it stays a link), else an embed or, for a provider's address
 * that shows nothing (a channel, a profile, a search), why not.
 */
export function readEmbedUrl(address: string): EmbedReading | undefined {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const host = bareHost(url.hostname);
  const provider = providerByHost.get(host);
  if (!provider) return undefined;
  const read = provider.read(url, host);
  if (!read) return { ok: false, provider: provider.id, name: provider.name, expected: provider.expected };
  return {
    ok: true,
    embed: { provider: provider.id, name: provider.name, url: address, frameSrc: `${EMBED_FRAME_ORIGINS[provider.id]}${read.path}`, shape: read.shape },
  };
}

/** Each provider's name, for what names it without an embed at hand (the island's labels come from the page). */
export const EMBED_PROVIDER_NAMES: Readonly<Record<EmbedProviderId, string>> = Object.fromEntries(
  PROVIDERS.map((provider) => [provider.id, provider.name]),
) as Record<EmbedProviderId, string>;
