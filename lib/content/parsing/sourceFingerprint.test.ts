import { afterEach, describe, expect, it } from 'vitest';
import { sourceFingerprint } from './sourceFingerprint';

const savedSiteUrl = process.env.SITE_URL;

afterEach(() => {
  if (savedSiteUrl === undefined) delete process.env.SITE_URL;
  else process.env.SITE_URL = savedSiteUrl;
});

describe('sourceFingerprint', () => {
  it('is stable for the same sources and site', () => {
    expect(sourceFingerprint(process.cwd())).toBe(sourceFingerprint(process.cwd()));
  });

  it('changes with SITE_URL, since the site decides which body links get rel="noopener noreferrer"', () => {
    process.env.SITE_URL = 'https://kiosque.example';
    const before = sourceFingerprint(process.cwd());
    process.env.SITE_URL = 'https://autre.example';
    expect(sourceFingerprint(process.cwd())).not.toBe(before);
  });
});
