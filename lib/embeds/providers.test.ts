import { describe, expect, it } from 'vitest';
import { EMBED_FRAME_ORIGINS, isFrameOf } from './frameOrigins';
import { readEmbedUrl } from './providers';

function frameOf(address: string): { frameSrc: string; shape: string } | undefined {
  const reading = readEmbedUrl(address);
  return reading?.ok ? { frameSrc: reading.embed.frameSrc, shape: reading.embed.shape } : undefined;
}

describe('readEmbedUrl', () => {
  it.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ', 'video'],
    ['https://youtu.be/dQw4w9WgXcQ?t=90', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=90', 'video'],
    ['https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=1m30s', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=90', 'video'],
    ['https://www.youtube.com/shorts/dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ', 'vertical'],
    ['https://www.dailymotion.com/video/x8abc12', 'https://geo.dailymotion.com/player.html?video=x8abc12', 'video'],
    ['https://dai.ly/x8abc12', 'https://geo.dailymotion.com/player.html?video=x8abc12', 'video'],
    ['https://vimeo.com/76979871', 'https://player.vimeo.com/video/76979871?dnt=1', 'video'],
    ['https://vimeo.com/76979871/8272103f6e', 'https://player.vimeo.com/video/76979871?dnt=1&h=8272103f6e', 'video'],
    ['https://x.com/AFP/status/1754547212345678901', 'https://platform.twitter.com/embed/Tweet.html?id=1754547212345678901&dnt=true&lang=fr', 'post'],
    [
      'https://twitter.com/AFP/status/1754547212345678901?s=20',
      'https://platform.twitter.com/embed/Tweet.html?id=1754547212345678901&dnt=true&lang=fr',
      'post',
    ],
    ['https://www.instagram.com/p/C3xYz_AbCdE/', 'https://www.instagram.com/p/C3xYz_AbCdE/embed/', 'post'],
    ['https://www.instagram.com/lemonde/reel/C3xYz_AbCdE/', 'https://www.instagram.com/reel/C3xYz_AbCdE/embed/', 'post'],
    ['https://www.tiktok.com/@franceinfo/video/7331234567890123456', 'https://www.tiktok.com/player/v1/7331234567890123456', 'vertical'],
    ['https://bsky.app/profile/lemonde.fr/post/3kxyzabc2def2', 'https://embed.bsky.app/embed/lemonde.fr/app.bsky.feed.post/3kxyzabc2def2', 'post'],
    [
      'https://bsky.app/profile/did:plc:ru4uwws7zdxrncwr2a4jhask/post/3l3orwsydyc24',
      'https://embed.bsky.app/embed/did:plc:ru4uwws7zdxrncwr2a4jhask/app.bsky.feed.post/3l3orwsydyc24',
      'post',
    ],
    ['https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk', 'https://open.spotify.com/embed/episode/4rOoJ6Egrf8K2IrywzwOMk', 'audio'],
    ['https://open.spotify.com/intl-fr/track/4rOoJ6Egrf8K2IrywzwOMk?si=abc', 'https://open.spotify.com/embed/track/4rOoJ6Egrf8K2IrywzwOMk', 'audio'],
    [
      'https://soundcloud.com/radiofrance/le-journal',
      'https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Fradiofrance%2Fle-journal&visual=false&show_comments=false',
      'audio',
    ],
  ])('%s → its frame on the provider’s embed domain', (address, frameSrc, shape) => {
    expect(frameOf(address)).toStrictEqual({ frameSrc, shape });
  });

  it('keeps the address as written, to link to, and names the provider', () => {
    const reading = readEmbedUrl('https://youtu.be/dQw4w9WgXcQ');
    expect(reading).toMatchObject({ ok: true, embed: { provider: 'youtube', name: 'YouTube', url: 'https://youtu.be/dQw4w9WgXcQ' } });
  });

  it.each([
    'https://www.youtube.com/',
    'https://www.youtube.com/@franceinfo',
    'https://www.youtube.com/watch?v=trop-court',
    'https://www.youtube.com/results?search_query=greve',
    'https://www.dailymotion.com/franceinfo',
    'https://vimeo.com/channels/staffpicks',
    'https://x.com/AFP',
    'https://twitter.com/AFP/likes',
    'https://www.instagram.com/lemonde/',
    'https://www.tiktok.com/@franceinfo',
    'https://bsky.app/profile/lemonde.fr',
    'https://open.spotify.com/user/spotify',
    'https://soundcloud.com/radiofrance',
  ])('%s is a provider’s address that shows nothing: a reading that says what to write', (address) => {
    const reading = readEmbedUrl(address);
    expect(reading?.ok).toBe(false);
    expect(reading && !reading.ok && reading.expected).toMatch(/^https:\/\//);
  });

  it.each([
    'https://www.lemonde.fr/',
    'https://example.com/watch?v=dQw4w9WgXcQ',
    'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
    'ftp://youtube.com/watch?v=dQw4w9WgXcQ',
    'pas une adresse',
  ])('%s is no provider’s address', (address) => {
    expect(readEmbedUrl(address)).toBeUndefined();
  });

  it('gives only frames on the provider’s own origin, whatever the address carries', () => {
    for (const address of [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&embed=https://evil.example',
      'https://soundcloud.com/radio/titre?url=https://evil.example',
    ]) {
      const reading = readEmbedUrl(address);
      if (!reading?.ok) throw new Error(`expected an embed for ${address}`);
      expect(isFrameOf(reading.embed.provider, reading.embed.frameSrc)).toBe(true);
    }
    expect(isFrameOf('youtube', `${EMBED_FRAME_ORIGINS.youtube}.evil.example/embed/x`)).toBe(false);
  });
});
