import { describe, expect, it } from 'vitest';
import { bearerToken, secretMatches } from './secrets';

describe('secretMatches', () => {
  it('accepts exactly the configured secret', () => {
    expect(secretMatches('s3cret-value', 's3cret-value')).toBe(true);
  });

  it('refuses another secret, a prefix, a longer string and a different case', () => {
    expect(secretMatches('s3cret-valuf', 's3cret-value')).toBe(false);
    expect(secretMatches('s3cret', 's3cret-value')).toBe(false);
    expect(secretMatches('s3cret-value-and-more', 's3cret-value')).toBe(false);
    expect(secretMatches('S3CRET-VALUE', 's3cret-value')).toBe(false);
  });

  it('refuses everything when no secret is configured, even an empty one', () => {
    expect(secretMatches('', undefined)).toBe(false);
    expect(secretMatches('', '')).toBe(false);
    expect(secretMatches('anything', '')).toBe(false);
    expect(secretMatches(null, 'x')).toBe(false);
    expect(secretMatches(undefined, 'x')).toBe(false);
  });
});

describe('bearerToken', () => {
  it('reads the token of a Bearer header, whatever the scheme’s case', () => {
    expect(bearerToken('Bearer abc.def')).toBe('abc.def');
    expect(bearerToken('bearer abc')).toBe('abc');
  });

  it('gives nothing for a missing header, another scheme or two tokens', () => {
    expect(bearerToken(null)).toBeUndefined();
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken('Bearer a b')).toBeUndefined();
    expect(bearerToken('Bearer ')).toBeUndefined();
  });
});
