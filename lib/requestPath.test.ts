import { describe, expect, it } from 'vitest';
import { isRoutablePath, refuseRequest } from './requestPath';

describe('isRoutablePath', () => {
  it('accepts plain and correctly encoded paths', () => {
    expect(isRoutablePath('/article/meta-ia')).toBe(true);
    expect(isRoutablePath('/article/caf%C3%A9')).toBe(true);
    expect(isRoutablePath('/article/..%2F..%2Fetc%2Fpasswd')).toBe(true);
    expect(isRoutablePath('/tag/100%25')).toBe(true);
  });

  it('refuses paths that do not decode', () => {
    expect(isRoutablePath('/article/%')).toBe(false);
    expect(isRoutablePath('/article/%ZZ')).toBe(false);
    expect(isRoutablePath('/article/%E0%A4%A')).toBe(false);
    expect(isRoutablePath('/article/%C0%AE%C0%AE')).toBe(false);
    expect(isRoutablePath('/article/%ED%A0%80')).toBe(false);
  });

  it('refuses NUL and other control characters once decoded', () => {
    expect(isRoutablePath('/article/a%00b')).toBe(false);
    expect(isRoutablePath('/article/%0D%0ASet-Cookie:x=1')).toBe(false);
    expect(isRoutablePath('/article/%7F')).toBe(false);
  });
});

describe('refuseRequest', () => {
  it('routes ordinary requests, whatever their method on a page', () => {
    expect(refuseRequest({ method: 'GET', rawPath: '/article/meta-ia' })).toBeUndefined();
    expect(refuseRequest({ method: 'PUT', rawPath: '/article/meta-ia' })).toBeUndefined();
    expect(refuseRequest({ method: 'HEAD', rawPath: '/_next/static/chunks/a.js' })).toBeUndefined();
    expect(refuseRequest({ method: 'GET', rawPath: '/images/photo.jpg' })).toBeUndefined();
  });

  it('gives a 400 to a path that does not decode, whatever the method', () => {
    expect(refuseRequest({ method: 'GET', rawPath: '/article/%' })?.status).toBe(400);
    expect(refuseRequest({ method: 'PUT', rawPath: '/images/%' })?.status).toBe(400);
  });

  it('gives a 405 to anything but GET and HEAD on a static file', () => {
    for (const rawPath of ['/_next/static/chunks/a.js', '/logo.png', '/logo.svg']) {
      expect(refuseRequest({ method: 'PUT', rawPath })?.status, rawPath).toBe(405);
      expect(refuseRequest({ method: 'POST', rawPath })?.status, rawPath).toBe(405);
    }
    expect(refuseRequest({ method: 'DELETE', rawPath: '/article/caf%C3%A9' })).toBeUndefined();
  });
});
