import { expect, type Page } from '@playwright/test';

/**
 * Visits each URL in turn, waits until React has hydrated the page, and
 * returns every violation of the page's Content-Security-Policy: the
 * `securitypolicyviolation` events, Chromium's console errors, and the
 * reports the page sent to /api/csp-report. An empty list is the goal.
 */
export async function violationsWhileVisiting(page: Page, urls: readonly string[]): Promise<string[]> {
  const violations: string[] = [];
  const reports: string[] = [];
  await page.addInitScript(() => {
    (window as unknown as { __violations: string[] }).__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __violations: string[] }).__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/csp-report') reports.push(request.postData() ?? '');
  });
  for (const url of urls) {
    await page.goto(url);
    // Hydrated: React has attached to the page (its root carries React's internal keys).
    await expect.poll(() => page.evaluate(() => Object.keys(document.body).some((key) => key.startsWith('__react')))).toBe(true);
    violations.push(...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).map((text) => `${url}: ${text}`));
  }
  return [...violations, ...reports.map((report) => `rapport : ${report}`)];
}

/**
 * Collects the page's `securitypolicyviolation` events from its next
 * navigation on, for a test that acts on the page before it looks: returns
 * how to read them.
 */
export async function collectViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}
