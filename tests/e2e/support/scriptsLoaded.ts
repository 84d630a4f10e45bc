import type { Page, Response } from '@playwright/test';

/**
 * The scripts a page loads in the browser, by path, with their bytes: Next
 * names some in the HTML and others in its payload, so the HTML alone does
 * not tell which code a page gets.
 */
export async function scriptsLoadedBy(page: Page, url: string): Promise<Map<string, Buffer>> {
  const scripts = new Map<string, Promise<Buffer>>();
  const listener = (response: Response) => {
    if (response.request().resourceType() === 'script') scripts.set(new URL(response.url()).pathname, response.body());
  };
  page.on('response', listener);
  await page.goto(url, { waitUntil: 'networkidle' });
  page.off('response', listener);
  return new Map(await Promise.all([...scripts].map(async ([name, body]) => [name, await body] as const)));
}
