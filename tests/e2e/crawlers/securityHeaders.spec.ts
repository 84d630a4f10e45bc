import { expect, test } from '@playwright/test';
import { siteFacts, slugOf } from './contentFacts';

function pagesToCheck(): string[] {
  const [article] = siteFacts().published;
  if (!article) throw new Error('no article');
  return [
    '/',
    `/article/${article.slug}`,
    `/rubrique/${slugOf(article.category)}`,
    `/auteur/${article.author}`,
    '/recherche?q=ia',
    '/page-qui-n-existe-pas',
  ];
}

test('every kind of response carries the security headers, and no X-Powered-By', async ({ request }) => {
  const [article] = siteFacts().published;
  const urls = [...pagesToCheck(), '/rss.xml', '/feed.json', '/sitemap.xml', '/robots.txt', `/og/article/${article?.slug ?? ''}.png`, '/logo.png'];
  for (const url of urls) {
    const headers = (await request.get(url)).headers();
    const policy = headers['content-security-policy'] ?? '';
    expect(policy, url).toContain("object-src 'none'");
    expect(policy, url).toContain("base-uri 'self'");
    expect(policy, url).toContain("frame-ancestors 'none'");
    expect(policy, url).not.toContain('unsafe-eval');
    expect(headers['strict-transport-security'], url).toMatch(/max-age=\d+/);
    expect(headers['x-content-type-options'], url).toBe('nosniff');
    expect(headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy'], url).toContain('camera=()');
    expect(headers['x-powered-by'], url).toBeUndefined();
  }
});

test('no page breaks its own Content-Security-Policy in a real browser', async ({ page }) => {
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __violations: string[] }).__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
    (window as unknown as { __violations: string[] }).__violations = [];
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  for (const url of pagesToCheck()) {
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    violations.push(...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).map((text) => `${url}: ${text}`));
  }
  expect(violations).toEqual([]);
});
