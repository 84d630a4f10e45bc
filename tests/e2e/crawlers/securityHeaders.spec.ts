import { expect, test, type APIResponse } from '@playwright/test';
import { violationsWhileVisiting } from '../support/cspViolations';
import { siteFacts, slugOf } from './contentFacts';

/** One page of each kind, from the content being served. */
function pagesToCheck(): string[] {
  const [article] = siteFacts().published;
  if (!article) throw new Error('no article');
  return [
    '/',
    `/article/${article.slug}`,
    `/rubrique/${slugOf(article.category)}`,
    `/auteur/${article.author}`,
    ...(article.tags[0] ? [`/tag/${slugOf(article.tags[0])}`] : []),
    '/recherche?q=ia',
    // Rendered per request: a nonce rather than hashes.
    '/recherche',
    '/apercu',
    '/page-qui-n-existe-pas',
  ];
}

function resourcesToCheck(): string[] {
  const [article] = siteFacts().published;
  return ['/rss.xml', '/feed.json', '/sitemap.xml', '/robots.txt', `/og/article/${article?.slug ?? ''}.png`, '/logo.png', '/api/csp-report'];
}

/** Every Content-Security-Policy header of a response, each on its own (a browser enforces each). */
const policiesOf = (response: APIResponse) =>
  response
    .headersArray()
    .filter(({ name }) => name.toLowerCase() === 'content-security-policy')
    .map(({ value }) => value);
const directive = (policy: string, name: string) => policy.split('; ').find((part) => part.startsWith(`${name} `)) ?? '';

test('every kind of response carries the security headers, one policy each, and no X-Powered-By', async ({ request }) => {
  for (const url of [...pagesToCheck(), ...resourcesToCheck()]) {
    const response = await request.get(url);
    const policies = policiesOf(response);
    expect(policies, url).toHaveLength(1);
    expect(policies[0], url).toContain("frame-ancestors 'none'");
    expect(policies[0], url).not.toContain('unsafe-eval');
    const headers = response.headers();
    expect(headers['strict-transport-security'], url).toMatch(/max-age=\d+/);
    expect(headers['x-content-type-options'], url).toBe('nosniff');
    expect(headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy'], url).toContain('camera=()');
    expect(headers['x-powered-by'], url).toBeUndefined();
  }
});

test('a cached page allows exactly its own inline scripts, by hash: no unsafe-inline, on the first render and on hits', async ({ request }) => {
  for (const url of pagesToCheck().filter((url) => url !== '/recherche')) {
    for (const visit of ['first', 'again']) {
      const response = await request.get(url);
      const [policy = ''] = policiesOf(response);
      const scripts = directive(policy, 'script-src');
      expect(scripts, `${url} (${visit})`).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/]{43}=')+$/);
      expect(policy, url).toContain("object-src 'none'");
      expect(policy, url).toContain("base-uri 'self'");
      expect(policy, url).toContain('report-uri /api/csp-report');
      // As many hashes as the page has distinct inline scripts (JSON-LD is data, never run).
      const html = await response.text();
      const inline = new Set(
        [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/ld\+json")[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]),
      );
      expect(scripts.split(' ').length - 2, url).toBe(inline.size);
    }
  }
});

test('pages rendered per request get a fresh nonce on every script, and feeds and files a policy under which nothing runs', async ({ request }) => {
  const first = await request.get('/recherche');
  const second = await request.get('/recherche');
  const nonceOf = (policy = '') => /'nonce-([^']+)'/.exec(policy)?.[1];
  const nonce = nonceOf(policiesOf(first)[0]);
  expect(nonce).toBeDefined();
  expect(nonceOf(policiesOf(second)[0])).not.toBe(nonce);
  const scripts = [...(await first.text()).matchAll(/<script(?![^>]*type="application\/ld\+json")[^>]*>/g)].map((match) => match[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  for (const url of resourcesToCheck()) {
    expect(directive(policiesOf(await request.get(url))[0] ?? '', 'default-src'), url).toBe("default-src 'none'");
  }
});

test('every page type hydrates with no violation of its policy, on the first render and on cache hits', async ({ page }) => {
  const urls = pagesToCheck();
  expect(await violationsWhileVisiting(page, [...urls, ...urls])).toEqual([]);
});

test('a script the page did not ship is refused and reported', async ({ page, request }) => {
  const [article] = siteFacts().published;
  await page.goto(`/article/${article?.slug ?? ''}`);
  const refused = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective), { once: true });
        const script = document.createElement('script');
        script.textContent = 'window.__injected = true';
        document.body.append(script);
      }),
  );
  expect(refused).toBe('script-src-elem');
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  // The endpoint takes both report formats, and refuses what no browser sends.
  const report = { 'csp-report': { 'document-uri': 'http://127.0.0.1/', 'violated-directive': 'script-src-elem', 'blocked-uri': 'inline' } };
  expect((await request.post('/api/csp-report', { data: JSON.stringify(report), headers: { 'Content-Type': 'application/csp-report' } })).status()).toBe(204);
  expect((await request.post('/api/csp-report', { data: '[]', headers: { 'Content-Type': 'application/reports+json' } })).status()).toBe(204);
  expect((await request.post('/api/csp-report', { data: 'x'.repeat(20_000), headers: { 'Content-Type': 'application/csp-report' } })).status()).toBe(413);
});
