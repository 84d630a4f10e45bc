import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import servers from '../servers.json' with { type: 'json' };
import { rawRequest as sendRawRequest, type RawResponse } from '../support/rawRequest';
import { siteFacts } from './contentFacts';

/** A request to this project's server, path and method as written (tests/e2e/support/rawRequest.ts). */
function rawRequest(pathAsSent: string, options: Parameters<typeof sendRawRequest>[2] = {}): Promise<RawResponse> {
  return sendRawRequest(siteFacts().baseUrl, pathAsSent, options);
}

/** The first /_next/static script a page loads. */
async function firstScriptOf(url: string): Promise<string> {
  const script = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec((await rawRequest(url)).body)?.[1];
  if (!script) throw new Error(`no script in ${url}`);
  return script;
}

function articleSlug(): string {
  const [article] = siteFacts().published;
  if (!article) throw new Error('no article');
  return article.slug;
}

function expectClientError(response: RawResponse, label: string, allowed: number[]): void {
  expect(allowed, `${label} answered ${response.status}`).toContain(response.status);
  // Nothing from outside the site: no /etc/passwd, no package.json, no source.
  expect(response.body, label).not.toMatch(/root:x:0:0|"devDependencies"|process\.env/);
}

test('path traversal and encoded tricks get a 4xx and never a file from outside the site', async () => {
  const attempts = [
    '/article/..%2F..%2F..%2Fetc%2Fpasswd',
    '/article/%2e%2e/%2e%2e/etc/passwd',
    '/../../etc/passwd',
    '/images/..%2F..%2Fpackage.json',
    '/_next/static/..%2F..%2F..%2Fpackage.json',
    '/_next/static/../../../package.json',
    '/article/%252e%252e%252fpackage.json',
    '/.env',
    '/.git/config',
  ];
  for (const attempt of attempts) expectClientError(await rawRequest(attempt), attempt, [400, 404]);
});

test('paths that do not decode, or decode to control characters, get a 400 instead of a 500', async () => {
  const malformed = [
    '/article/%',
    '/%',
    '/article/%C0%AE%C0%AE',
    '/article/%E0%A4%A',
    '/tag/%ZZ',
    '/article/a%00b',
    '/article/%0D%0ASet-Cookie:%20x=1',
    '/sitemaps/%',
    '/og/article/%',
    `/article/${articleSlug()}/image/%`,
  ];
  for (const attempt of malformed) {
    const response = await rawRequest(attempt);
    expectClientError(response, attempt, [400]);
    expect(response.headers['set-cookie'], attempt).toBeUndefined();
    // The refusal carries a policy under which nothing runs, as the site's other non-pages do.
    expect(response.headers['content-security-policy'], attempt).toContain("default-src 'none'");
  }
  // A well-formed encoded path is not refused: it is simply not an article.
  expect((await rawRequest('/article/caf%C3%A9')).status).toBe(404);
});

test('very long paths and queries are refused or served, never a 500', async () => {
  expectClientError(await rawRequest(`/article/${'a'.repeat(8_192)}`), '8 KB article path', [404, 414]);
  expectClientError(await rawRequest(`/b${'/b'.repeat(4_000)}`), '8 KB nested path', [404, 414]);
  expectClientError(await rawRequest(`/${'c'.repeat(20_000)}`), '20 KB path', [414, 431]);
  // A query the cached search route cannot take is sent there with the same words, searched for once and then cached.
  const longQuery = await rawRequest(`/recherche?q=${'mot%20'.repeat(1_200)}`);
  expect(longQuery.status, 'search with a 7 KB query').toBe(307);
  const cut = new URL(String(longQuery.headers.location), siteFacts().baseUrl);
  expect(cut.searchParams.get('q')?.length).toBeLessThanOrEqual(200);
  const followed = await rawRequest(`${cut.pathname}${cut.search}`);
  expect(followed.status).toBe(200);
  expect(followed.body).toContain('<h1');
  expectClientError(await rawRequest(`/recherche?q=${'x'.repeat(20_000)}`), '20 KB query', [414, 431]);
  // A page number the cached route does not take is left out there: the query's first page, cached.
  expect((await rawRequest('/recherche?q=%C0%AE&page=-1')).status, 'search with an overlong byte and a negative page').toBe(200);
  for (const [pathAsSent, label] of [
    ['/recherche?q=%', 'search for a lone %'],
    ['/recherche?q=a%2Fb', 'search with a slash'],
    ['/recherche?page=3', 'a page of no search'],
  ] as const) {
    const answer = await rawRequest(pathAsSent);
    expect(answer.status, label).toBe(307);
    const target = new URL(String(answer.headers.location), siteFacts().baseUrl);
    expect((await rawRequest(`${target.pathname}${target.search}`)).status, `${label}, followed`).toBe(200);
  }
});

test('methods the site does not take get a 4xx, or at most the page itself', async () => {
  for (const method of ['BREW', 'FOO']) expectClientError(await rawRequest('/', { method }), `${method} /`, [400]);
  const [article] = siteFacts().published;
  const photo = article ? [article.image.src, `/photos/${article.image.hash}/w640/${article.image.src.replace(/^\/images\//, '')}`] : [];
  const staticFiles = ['/logo.png', '/logo.svg', ...photo, await firstScriptOf('/')];
  // TRACE is left out: Next's proxy cannot even build a request for it (the
  // fetch standard forbids the method) and answers 500 (README, Security).
  for (const method of ['PUT', 'DELETE', 'PATCH', 'POST', 'OPTIONS', 'PROPFIND']) {
    for (const url of ['/', '/rss.xml', '/sitemap.xml', '/robots.txt', ...staticFiles]) {
      // Photos are route handlers: Next refuses a method it does not know (PROPFIND) with a 400.
      expectClientError(await rawRequest(url, { method }), `${method} ${url}`, photo.includes(url) ? [400, 405] : [405]);
    }
    // Next renders a page rendered on demand for any method, like a GET: the
    // same bytes, no side effect, never a 5xx (README, Security).
    const page = await rawRequest(`/article/${articleSlug()}`, { method });
    expect([200, 400, 404, 405], `${method} article`).toContain(page.status);
  }
  expectClientError(await rawRequest('/api/revalidate', { method: 'GET' }), 'GET /api/revalidate', [405]);
});

test('malformed Accept-Language, cookies and other headers do not change the answer', async () => {
  const url = `/article/${articleSlug()}`;
  const plain = await rawRequest(url);
  expect(plain.status).toBe(200);
  const strangeHeaders: Record<string, string>[] = [
    { 'Accept-Language': ';;;q=abc,,*-*;q=9999,' + 'x'.repeat(2_000) },
    { Cookie: '=;=;;__prerender_bypass=forged; __next_preview_data=%%%; ' + 'k=v; '.repeat(500) },
    { 'Accept-Encoding': 'gzip;q=nan, br;q=-1, *;q=' },
    { 'If-None-Match': '"' + 'e'.repeat(4_000) },
    { Range: 'bytes=999999999-' },
  ];
  for (const headers of strangeHeaders) {
    const response = await rawRequest(url, { headers });
    expect([200, 206, 416], JSON.stringify(headers).slice(0, 60)).toContain(response.status);
    if (response.status === 200) expect(response.body).toContain('<h1');
  }
});

test('framework headers neither bypass the proxy nor mix HTML and RSC answers', async () => {
  const url = `/article/${articleSlug()}`;
  // CVE-2025-29927 style: claiming to be the proxy's own subrequest must not skip it.
  const bypass = await rawRequest('/article/%', {
    headers: { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy:middleware:middleware:middleware:middleware:middleware' },
  });
  expect(bypass.status).toBe(400);

  // Next sends an RSC request without its cache-busting `_rsc` parameter to the URL with one.
  const rscRedirect = await rawRequest(url, { headers: { RSC: '1' } });
  expect(rscRedirect.status).toBe(307);
  const rscLocation = new URL(String(rscRedirect.headers.location), siteFacts().baseUrl);
  expect(rscLocation.pathname).toBe(url);
  const rsc = await rawRequest(rscLocation.pathname + rscLocation.search, { headers: { RSC: '1' } });
  expect(rsc.status).toBe(200);
  expect(String(rsc.headers['content-type'])).toContain('text/x-component');
  expect(rsc.body).not.toContain('<html');
  // The RSC answer, just cached, must not be what an ordinary visit gets.
  const html = await rawRequest(url);
  expect(String(html.headers['content-type'])).toContain('text/html');
  expect(html.body).toMatch(/^<!DOCTYPE html>/i);

  const resume = await rawRequest(url, { headers: { 'Next-Resume': '1' } });
  expect([200, 400, 404, 405], 'Next-Resume').toContain(resume.status);
  if (resume.status === 200) expect(String(resume.headers['content-type'])).toContain('text/html');

  const action = await rawRequest(url, {
    method: 'POST',
    headers: { 'Next-Action': '7f'.repeat(21), 'Content-Type': 'text/plain;charset=UTF-8' },
    body: '["$@0",{"then":"$B1"}]',
  });
  // 409: Next's answer to an action id it does not know.
  expectClientError(action, 'junk Next-Action POST', [400, 403, 404, 405, 409]);
});

test('photos come only from the content folder, re-encoded, at the widths the site offers; Next’s optimizer is off', async () => {
  const [article] = siteFacts().published;
  if (!article) throw new Error('no article');
  const { src, hash } = article.image;
  const name = src.replace(/^\/images\//, '');
  const variant = await rawRequest(`/photos/${hash}/w640/${name}`, { headers: { Accept: 'image/webp' } });
  expect(variant.status).toBe(200);
  expect(String(variant.headers['content-type'])).toBe('image/webp');
  expect(String(variant.headers['cache-control'])).toBe('public, max-age=31536000, immutable');
  // The optimizer that could be asked for any width or any URL answers nothing.
  expectClientError(await rawRequest(`/_next/image?url=${encodeURIComponent(src)}&w=640&q=75`), 'Next’s image optimizer', [404]);
  for (const url of [
    `/photos/${hash}/w641/${name}`,
    `/photos/${hash}/w99999/${name}`,
    `/photos/${hash}/w640/..%2F..%2Fpackage.json`,
    `/photos/${hash}/w640/../../package.json`,
    `/photos/${hash.slice(1)}/w640/${name}`,
    `/photos/${hash}/w640`,
    `/photos/${hash}/w640/${name}%00.png`,
    '/images/..%2F..%2Fpackage.json',
    '/images/.hidden.png',
    '/images',
  ]) {
    expectClientError(await rawRequest(url), `photo ${url}`, [400, 404]);
  }
});

/** Files of Next's page cache for this server's build whose path contains `marker`. */
function cachedFilesNamed(marker: string): string[] {
  const server = servers[test.info().project.name as keyof typeof servers];
  const found: string[] = [];
  for (const folder of ['server/route-cache', 'server/app', 'cache']) {
    try {
      found.push(...readdirSync(path.join(server.distDir, folder), { recursive: true, encoding: 'utf8' }).filter((file) => file.includes(marker)));
    } catch {
      // No such folder yet: nothing cached there.
    }
  }
  return found;
}

test('requests for pages that do not exist, and searches, leave nothing on disk', async () => {
  const marker = `sonde-${Date.now().toString(36)}`;
  const lastSearch = `/recherche?q=${marker}-14`;
  for (let index = 0; index < 15; index += 1) {
    const unique = `${marker}-${index}`;
    for (const url of [
      `/article/${unique}`,
      `/tag/${unique}`,
      `/rubrique/${unique}`,
      `/auteur/${unique}`,
      `/sitemaps/${unique}.xml`,
      `/og/article/${unique}.png`,
    ]) {
      expect((await rawRequest(url)).status, url).toBe(404);
    }
    // Search pages are cached too, in memory only: any text can be a query.
    expect((await rawRequest(`/recherche?q=${unique}`)).status).toBe(200);
  }
  // Cache writes finish after the response: once the last search is served from the cache, the writes of the requests before it are done too.
  await expect.poll(async () => (await rawRequest(lastSearch)).headers['x-nextjs-cache']).toBe('HIT');
  expect(cachedFilesNamed(marker)).toEqual([]);
});
