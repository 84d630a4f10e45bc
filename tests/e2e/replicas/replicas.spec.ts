import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createConnection } from 'node:net';
import tls from 'node:tls';
import v8 from 'node:v8';
import { createClient } from '@redis/client';
import path from 'node:path';
import { expect, request as playwrightRequests, test, type APIRequestContext } from '@playwright/test';
import { colouredPhoto, photoWithMetadata } from '../../../lib/images/testing/testPhotos';
import { until } from '../../../lib/cache/testing/processes';
import { articlePath } from '../../../lib/routes';
import { gradeWithObservatory, installObservatory } from '../../../deploy/observatory/observatory';
import { corpusFacts } from '../corpus/corpusFacts';
import { writeArticle } from '../support/articleFile';
import { violationsWhileVisiting } from '../support/cspViolations';
import { liveHeadingTime } from '../../../scripts/fixtureCorpus/parisClock';
import { fetchCleanImage, sameColours } from '../support/publishedImage';
import { headerCount, rawRequest } from '../support/rawRequest';
import { startReplicaStack, STACK, type ReplicaStack } from './replicaStack';

// One deployment whose state each test carries on from the last: one at a time, in order.
test.describe.configure({ mode: 'serial', timeout: 120_000 });
// The proxy's certificate is signed by the stack's own authority, which Chromium is not told about.
test.use({ ignoreHTTPSErrors: true });

let stack: ReplicaStack;
let playwrightRequest: APIRequestContext;

test.beforeAll(async () => {
  stack = await startReplicaStack();
  // This process's fetch and https trust the stack's authority (deploy/nginx/make-local-certificate.sh's ca.pem), and only for this run.
  tls.setDefaultCACertificates([...tls.getCACertificates('default'), stack.tls.ca.toString()]);
  // Playwright's requests leave from its own process, which takes no authority: they skip the check instead.
  playwrightRequest = await playwrightRequests.newContext({ ignoreHTTPSErrors: true });
});
test.afterAll(async () => {
  await playwrightRequest?.dispose();
  await stack?.stop();
});

async function get(url: string): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await fetch(url, { redirect: 'manual' });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

/** Revalidates through one replica only, as an editor's publishing hook would; returns the paths and tags to purge. */
async function revalidateOn(replicaUrl: string): Promise<string[]> {
  const response = await fetch(`${replicaUrl}/api/revalidate`, { method: 'POST', headers: { Authorization: `Bearer ${STACK.secret}` } });
  expect(response.status).toBe(200);
  const answer = (await response.json()) as { paths: string[]; tags: string[] };
  return [...answer.paths, ...answer.tags];
}

/** Each replica's lines start with its name (scripts/start.mjs). */
function loggedByBoth(message: string): boolean {
  return ['[réplique 1]', '[réplique 2]'].every((name) => stack.replicaLogs.some((line) => line.startsWith(name) && line.includes(message)));
}

test('an article published and revalidated on replica A is served by replica B at once', async () => {
  const [a, b] = stack.replicaUrls as [string, string];
  const slug = 'publie-sur-une-replique';
  const title = 'Publié sur une réplique, servi par toutes';
  // B has the front page cached and fresh (30 s of revalidation ahead of it).
  await get(`${b}/`);
  expect((await get(`${b}/`)).headers.get('x-nextjs-cache')).toBe('HIT');

  await writeArticle(stack.articlesDir, { slug, title });
  await revalidateOn(a);

  const front = await get(`${b}/`);
  expect(front.text.includes(slug)).toBe(true);
  const page = await get(`${b}/article/${slug}`);
  expect(page.status).toBe(200);
  expect(page.text.includes(title)).toBe(true);
  // …and the page B rendered is the one A now serves from the shared cache.
  expect((await get(`${a}/`)).headers.get('x-nextjs-cache')).toBe('HIT');
});

test('a title corrected and revalidated on replica A is corrected on both', async () => {
  const [a, b] = stack.replicaUrls as [string, string];
  const slug = 'publie-sur-une-replique';
  for (const url of [a, b]) expect((await get(`${url}/article/${slug}`)).text.includes('Publié sur une réplique')).toBe(true);

  await writeArticle(stack.articlesDir, { slug, title: 'Titre corrigé sur une réplique' });
  await revalidateOn(a);

  for (const url of [b, a]) {
    const page = await get(`${url}/article/${slug}`);
    expect(page.text.includes('Titre corrigé sur une réplique'), url).toBe(true);
    expect(page.text.includes('Publié sur une réplique, servi par toutes'), url).toBe(false);
  }
});

test('the replicas share their cache as the site’s Redis user, and Redis lets nobody in without a password', async () => {
  const admin = await createClient({ url: stack.redis.url }).connect();
  // Both replicas are connected as `kiosque` (deploy/redis/users.acl), and wrote under its prefix only.
  const clients = (await admin.clientList()).filter((client) => client.user === 'kiosque');
  expect(clients.length).toBeGreaterThanOrEqual(2);
  const keys = await admin.keys('*');
  expect(keys.length).toBeGreaterThan(0);
  expect(keys.filter((key) => !key.startsWith('kiosque:'))).toStrictEqual([]);
  admin.destroy();

  const site = await createClient({ url: stack.redis.siteUrl }).connect();
  await expect(site.flushAll()).rejects.toThrow(/NOPERM/);
  await expect(site.keys('*')).rejects.toThrow(/NOPERM/);
  await expect(site.sendCommand(['CONFIG', 'GET', '*'])).rejects.toThrow(/NOPERM/);
  site.destroy();

  // No password: every command is refused.
  const reply = await new Promise<string>((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port: stack.redis.port }, () => socket.write('GET kiosque:x\r\n'));
    socket.once('data', (chunk: Buffer) => {
      resolve(chunk.toString());
      socket.destroy();
    });
    socket.once('error', reject);
  });
  expect(reply).toMatch(/^-NOAUTH/);
  const anonymous = createClient({ url: stack.redis.anonymousUrl, socket: { reconnectStrategy: false } }).on('error', () => undefined);
  await expect(anonymous.connect().then(() => anonymous.ping())).rejects.toThrow(/NOAUTH/);
  anonymous.destroy();
});

test('a photo added once to the shared content folder is served by both replicas and through the proxy', async () => {
  const [a, b] = stack.replicaUrls as [string, string];
  const colour: [number, number, number] = [60, 90, 210];
  await mkdir(path.join(stack.contentDir, 'images', 'repliques'), { recursive: true });
  await writeFile(path.join(stack.contentDir, 'images', 'repliques', 'photo.jpg'), await photoWithMetadata(await colouredPhoto(1000, 1600, colour, 'png')));
  const slug = 'photo-partagee-par-les-repliques';
  await writeArticle(stack.articlesDir, { slug, title: 'Une photo partagée par les répliques', image: '/images/repliques/photo.jpg' });
  await revalidateOn(a);

  const sources = new Set<string>();
  for (const url of [b, a, stack.proxyUrl]) {
    const page = await get(`${url}/article/${slug}`);
    expect(page.status, url).toBe(200);
    const hero = /<img src="([^"]+)"[^>]*fetchPriority/.exec(page.text)?.[1] ?? '';
    sources.add(hero);
    const served = await fetchCleanImage(playwrightRequest, `${url}${hero}`);
    expect([served.width, served.height], url).toEqual([1080, 675]);
    expect(sameColours(served.mean, colour), url).toBe(true);
  }
  // One build, one content folder: the same URL everywhere, kept by the proxy once fetched.
  expect(sources.size).toBe(1);
  const [hero = ''] = sources;
  const again = await get(`${stack.proxyUrl}${hero}`);
  expect(again.headers.get('x-cache-status')).toBe('HIT');
  expect(again.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
});

test('a dossier, a live article and an embed published on replica A work the same on B and through the proxy', async () => {
  const [a, b] = stack.replicaUrls as [string, string];
  await mkdir(path.join(stack.contentDir, 'dossiers'), { recursive: true });
  await writeFile(
    path.join(stack.contentDir, 'dossiers', 'serie-des-repliques.md'),
    '---\ntitle: "La série des répliques"\ndescription: "Deux parties publiées sur une réplique."\n---\n',
  );
  const hourAgo = new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
  await writeArticle(stack.articlesDir, {
    slug: 'premiere-partie-repliquee',
    title: 'Première partie',
    publishedAt: hourAgo,
    extra: ['dossier: serie-des-repliques'],
  });
  await writeArticle(stack.articlesDir, {
    slug: 'seconde-partie-en-direct',
    title: 'Seconde partie, en direct',
    // Its entry, half a minute ago, comes after its publication whatever the minute.
    publishedAt: new Date(Date.now() - 1_800_000).toISOString().replace(/\.\d{3}Z$/, '+00:00'),
    extra: ['dossier: serie-des-repliques', 'live: true'],
    body: `## ${liveHeadingTime(Date.now() - 30_000)} Une entrée servie partout\n\nLe texte de l’entrée.\n\nhttps://www.youtube.com/watch?v=aqz-KE-bpKQ\n`,
  });
  await revalidateOn(a);

  for (const url of [b, a, stack.proxyUrl]) {
    const part = await get(`${url}/article/seconde-partie-en-direct`);
    expect(part.status, url).toBe(200);
    expect(part.text, url).toContain('partie 2 sur 2');
    expect(part.text, url).toContain('En direct');
    expect(part.text, url).toContain('data-embed-provider="youtube"');
    // A live page allows every provider's frames (an entry to come may bring any), YouTube's among them.
    expect(part.text, url).toMatch(/<meta http-equiv="Content-Security-Policy" content="frame-src [^"]*https:\/\/www\.youtube-nocookie\.com[ "]/);
    expect(part.headers.get('content-security-policy'), url).toContain('https://www.youtube-nocookie.com');
    const entries = (await (await fetch(`${url}/article/seconde-partie-en-direct/direct/debut`)).json()) as { entries: Array<{ title: string; html: string }> };
    expect(
      entries.entries.map((entry) => entry.title),
      url,
    ).toStrictEqual(['Une entrée servie partout']);
    expect(entries.entries[0]?.html, url).toContain('Le texte de l’entrée.');
    const dossier = await get(`${url}/dossier/serie-des-repliques`);
    expect(dossier.status, url).toBe(200);
    expect(dossier.text, url).toContain('Première partie');
    expect((await get(`${url}/article/premiere-partie-repliquee`)).text, url).toContain('partie 1 sur 2');
  }
});

test('with Redis down both replicas keep serving from their own cache, say so, and share again once it is back', async () => {
  const [a, b] = stack.replicaUrls as [string, string];
  await stack.redis.stop();
  await until(() => loggedByBoth('cache partagé Redis injoignable'), 10_000);

  for (const url of [a, b]) {
    for (const pathname of ['/', '/article/publie-sur-une-replique', '/rss.xml']) {
      const response = await get(`${url}${pathname}`);
      expect(response.status, `${url}${pathname}`).toBe(200);
    }
  }

  await stack.redis.restart();
  await until(() => loggedByBoth('cache partagé Redis de nouveau joignable'), 15_000);
  // Shared again: a correction revalidated on A reaches B at once.
  await get(`${b}/`);
  await writeArticle(stack.articlesDir, { slug: 'apres-le-retour-de-redis', title: 'Publié après le retour de Redis' });
  await revalidateOn(a);
  expect((await get(`${b}/`)).text.includes('apres-le-retour-de-redis')).toBe(true);
});

test('the proxy sends public cache headers, keeps pages, and drops those the revalidation lists', async () => {
  const { proxyUrl } = stack;
  const first = await get(`${proxyUrl}/`);
  expect(first.headers.get('cache-control')).toMatch(/^public, s-maxage=\d+, stale-while-revalidate=\d+$/);
  const second = await get(`${proxyUrl}/`);
  expect(second.headers.get('x-cache-status')).toBe('HIT');
  expect(second.headers.get('cache-control')).toBe(first.headers.get('cache-control'));
  const script = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(first.text)?.[1];
  expect((await get(`${proxyUrl}${script}`)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  // What must not be kept is not, and says so to the CDN.
  for (const pathname of ['/page-qui-n-existe-pas', '/recherche']) {
    const response = await get(`${proxyUrl}${pathname}`);
    expect(response.headers.get('cache-control'), pathname).toContain('no-store');
    expect((await get(`${proxyUrl}${pathname}`)).headers.get('x-cache-status'), pathname).not.toBe('HIT');
  }
  // Methods nothing on the site answers stop at the proxy (Next itself answers 500 to TRACE on a static file).
  for (const [method, pathname] of [
    ['TRACE', '/'],
    ['TRACE', '/logo.svg'],
    ['PUT', '/logo.svg'],
    ['DELETE', '/'],
  ] as const) {
    expect((await rawRequest(proxyUrl, pathname, { method })).status, `${method} ${pathname}`).toBe(405);
  }
  // POST only where the site takes it: a page refuses it, a Server Action's header or not; the API gets it (and asks for its secret).
  for (const headers of [{}, { 'Next-Action': '7f'.repeat(21) }] as Array<Record<string, string>>) {
    expect((await rawRequest(proxyUrl, '/', { method: 'POST', headers, body: '' })).status, JSON.stringify(headers)).toBe(405);
  }
  expect((await rawRequest(proxyUrl, '/api/revalidate', { method: 'POST', body: '' })).status).toBe(401);
  // A name that is not the site's gets no answer at all, so it cannot fill the cache.
  await expect(rawRequest(proxyUrl, '/', { headers: { Host: 'pas-le-site.example' } })).rejects.toThrow();
  expect((await rawRequest(proxyUrl, '/', { headers: { Host: 'localhost' } })).status).toBe(200);

  // A feed has no header (whose sections any publication may reorder), and the new article is not in this one.
  const untouched = '/rubrique/sport/rss.xml';
  await get(`${proxyUrl}${untouched}`);
  expect((await get(`${proxyUrl}${untouched}`)).headers.get('x-cache-status')).toBe('HIT');
  await writeArticle(stack.articlesDir, { slug: 'purge-du-proxy', title: 'Visible dès la purge du proxy' });
  const toPurge = await revalidateOn(stack.replicaUrls[0] ?? '');
  expect(toPurge).toContain('list:home');
  // The replicas have the new page at once; the proxy serves what it holds until the purge.
  expect((await get(`${stack.replicaUrls[1]}/`)).text.includes('purge-du-proxy')).toBe(true);
  expect((await get(`${proxyUrl}/`)).text.includes('purge-du-proxy')).toBe(false);
  expect(stack.purge(toPurge)).toMatch(/[1-9]\d* entrée\(s\) retirée\(s\)/);

  const fresh = await get(`${proxyUrl}/`);
  expect(fresh.headers.get('x-cache-status')).toBe('MISS');
  expect(fresh.text.includes('purge-du-proxy')).toBe(true);
  // A page the new article is not on stays in the proxy's cache (fresh, or stale past the proxy's 5 s: not purged).
  expect((await get(`${proxyUrl}${untouched}`)).headers.get('x-cache-status')).not.toBe('MISS');

  // The publishing hook as README gives it: one command revalidates and purges.
  await writeArticle(stack.articlesDir, { slug: 'purge-en-une-commande', title: 'Visible après une seule commande' });
  expect(stack.revalidateAndPurge(stack.replicaUrls[0] ?? '')).toMatch(/[1-9]\d* entrée\(s\) retirée\(s\)/);
  expect((await get(`${proxyUrl}/`)).text.includes('purge-en-une-commande')).toBe(true);
});

test('through the proxy every cached page type says `public, s-maxage`, for a CDN in front', async () => {
  for (const pathname of [
    '/article/mark-zuckerberg-ia-photos-facebook-instagram',
    '/rubrique/tech',
    '/tag/ia',
    '/auteur/lea-martin',
    '/recherche?q=ia',
    '/rss.xml',
    '/feed.json',
    '/sitemap.xml',
  ]) {
    const response = await get(`${stack.proxyUrl}${pathname}`);
    expect(response.status, pathname).toBe(200);
    expect(response.headers.get('cache-control'), pathname).toMatch(/^public, s-maxage=\d+, stale-while-revalidate=\d+$/);
  }
});

test('through the proxy an editor in Draft Mode sees the draft, and readers keep their 404', async ({ browser, page }) => {
  const { proxyUrl } = stack;
  const draft = `${proxyUrl}/article/brouillon-lunettes-connectees-arrivent-france`;
  // A reader first, in a browser of their own (the proxy keeps one copy per Accept-Encoding, as Next's Vary asks): the proxy now holds the 404.
  const reader = await browser.newContext({ ignoreHTTPSErrors: true });
  const readerPage = await reader.newPage();
  expect((await readerPage.goto(draft))?.status()).toBe(404);
  expect((await readerPage.goto(draft))?.headers()['x-cache-status']).toBe('HIT');

  await page.goto(`${proxyUrl}/apercu`);
  await page.getByLabel('Article').fill('brouillon-lunettes-connectees-arrivent-france');
  await page.getByLabel('Secret d’aperçu').fill(STACK.draftSecret);
  const [preview] = await Promise.all([
    page.waitForResponse((answer) => answer.url() === draft),
    page.getByRole('button', { name: 'Ouvrir l’aperçu' }).click(),
  ]);
  expect(page.url()).toBe(draft);
  expect(preview.status()).toBe(200);
  expect(preview.headers()['x-cache-status']).toBe('BYPASS');
  await expect(page.getByRole('status').filter({ hasText: 'brouillon non publié' })).toBeVisible();

  // Nothing of the preview was kept for readers.
  const again = await readerPage.goto(draft);
  expect(again?.status()).toBe(404);
  expect((await readerPage.content()).includes('brouillon non publié')).toBe(false);
  await reader.close();
});

test('an entry forged in Redis, without the signing key, is never served: the page is rendered and the replica says so', async () => {
  const [a, b] = stack.replicaUrls as [string, string];
  const slug = 'page-contrefaite-dans-redis';
  await writeArticle(stack.articlesDir, { slug, title: 'La vraie page, rendue par une réplique' });
  await revalidateOn(a);
  // A renders the page and shares it; then whoever reaches Redis replaces it with a page of their own.
  expect((await get(`${a}${articlePath(slug)}`)).status).toBe(200);
  const client = await createClient({ url: stack.redis.url }).connect();
  const [key] = (await client.keys(`*:entry:*${articlePath(slug)}`)).filter((name) => name.includes('/route-cache/'));
  if (!key) throw new Error('the page was not shared through Redis');
  await client.set(key, v8.serialize({ value: { kind: 'APP_PAGE', html: '<p>contrefaçon</p>', headers: {}, status: 200 }, lastModified: Date.now() }));
  client.destroy();
  // B has no copy of its own: it finds the forged entry, refuses it, and renders the page.
  const page = await get(`${b}${articlePath(slug)}`);
  expect(page.status).toBe(200);
  expect(page.text).toContain('La vraie page, rendue par une réplique');
  expect(page.text).not.toContain('contrefaçon');
  await until(() => stack.replicaLogs.some((line) => line.startsWith('[réplique 2]') && line.includes('signature invalide, ignorée')), 5_000);
});

test('the proxy limits each client’s searches, and not its reading', async () => {
  const { proxyUrl } = stack;
  const searches = await Promise.all(Array.from({ length: 40 }, (_, index) => rawRequest(proxyUrl, `/recherche?q=limite-${index}`)));
  const statuses = searches.map((response) => response.status);
  // A burst of 20 passes at once, then 5 a second.
  expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(10);
  expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(20);
  const pages = await Promise.all(Array.from({ length: 40 }, () => rawRequest(proxyUrl, '/')));
  expect(pages.map((response) => response.status).filter((status) => status !== 200)).toStrictEqual([]);
});

test('the proxy answers HTTP with a 301 to the same address on HTTPS, where it sends one Strict-Transport-Security, its own', async ({ page }) => {
  const { proxyUrl, proxyHttpUrl } = stack;
  const redirect = await rawRequest(proxyHttpUrl, '/article/publie-sur-une-replique?source=lien');
  expect(redirect.status).toBe(301);
  expect(redirect.headers.location).toBe(`${proxyUrl}/article/publie-sur-une-replique?source=lien`);
  // A browser typing the HTTP address lands on HTTPS, over HTTP/2.
  const landed = await page.goto(`${proxyHttpUrl}/`);
  expect(page.url()).toBe(`${proxyUrl}/`);
  expect(landed?.status()).toBe(200);
  expect(await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).nextHopProtocol)).toBe('h2');

  const configured = /map \$host \$kiosque_hsts \{\s*default "([^"]+)";/.exec(await readFile('deploy/nginx/nginx.conf', 'utf8'))?.[1];
  for (const pathname of ['/', '/article/publie-sur-une-replique', '/rss.xml', '/page-qui-n-existe-pas', '/logo.svg']) {
    const response = await rawRequest(proxyUrl, pathname);
    expect(headerCount(response, 'strict-transport-security'), pathname).toBe(1);
    expect(response.headers['strict-transport-security'], pathname).toBe(configured);
    // The site's own headers pass: its policy, and the rest Mozilla's Observatory grades.
    expect(response.headers['content-security-policy'], pathname).toMatch(/frame-ancestors 'none'/);
    expect(response.headers['x-content-type-options'], pathname).toBe('nosniff');
  }
  // What nginx answers itself carries it too.
  expect((await rawRequest(proxyUrl, '/', { method: 'TRACE' })).headers['strict-transport-security']).toBe(configured);
});

test('a flood of unknown paths from one client gets 429 past its burst, while the cache keeps serving it and other clients go on', async () => {
  const { proxyUrl } = stack;
  // The front page in the cache, for the flooder's own reading.
  await rawRequest(proxyUrl, '/', { localAddress: '127.0.0.2' });
  const statuses: number[] = [];
  const started = Date.now();
  for (let batch = 0; batch < 16; batch++) {
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, index) => rawRequest(proxyUrl, `/wp-admin/inconnu-${batch}-${index}.php`, { localAddress: '127.0.0.2' })),
    );
    statuses.push(...answers.map((answer) => answer.status));
  }
  const seconds = (Date.now() - started) / 1000;
  const rendered = statuses.filter((status) => status === 404).length;
  // 200 at once (nginx.conf's burst), then 20 a second: the rest never reaches a replica.
  expect(rendered).toBeGreaterThanOrEqual(200);
  expect(rendered).toBeLessThanOrEqual(202 + Math.ceil(20 * seconds));
  expect(statuses.filter((status) => status === 429).length).toBe(400 - rendered);

  // From the cache (stale, should the flood have outlasted its 5 s of freshness: the refresh is the flooder's, and refused).
  const cached = await rawRequest(proxyUrl, '/', { localAddress: '127.0.0.2' });
  expect(cached.status).toBe(200);
  expect(cached.headers['x-cache-status']).toMatch(/^(HIT|STALE|UPDATING)$/);
  // Still held to 20 a second: of ten more at once, nearly all are refused.
  const more = await Promise.all(Array.from({ length: 10 }, (_, index) => rawRequest(proxyUrl, `/encore-inconnu-${index}`, { localAddress: '127.0.0.2' })));
  expect(more.filter((answer) => answer.status === 429).length).toBeGreaterThanOrEqual(8);
  // Another client, and the machine itself, are not held back.
  expect((await rawRequest(proxyUrl, '/inconnu-d-un-autre-lecteur', { localAddress: '127.0.0.3' })).status).toBe(404);
  expect((await rawRequest(proxyUrl, '/article/publie-sur-une-replique', { localAddress: '127.0.0.3' })).status).toBe(200);
  expect((await get(`${proxyUrl}/inconnu-de-la-machine`)).status).toBe(404);
});

/** One page of each type of the corpus, and the two rendered per request. */
function pageTypes(): string[] {
  const facts = corpusFacts();
  const [section] = Object.keys(facts.categories);
  const [tag] = Object.keys(facts.tags);
  const [author] = Object.keys(facts.authors);
  const [dossier] = Object.keys(facts.dossiers);
  return [
    '/',
    articlePath(facts.special.realArticle),
    `/rubrique/${section}`,
    `/tag/${tag}`,
    `/auteur/${author}`,
    `/dossier/${dossier}`,
    '/recherche?q=photos',
    '/recherche',
    '/apercu',
    '/page-qui-n-existe-pas',
  ];
}

const scriptSources = (policy: string | null) => (policy ?? '').split('; ').find((part) => part.startsWith('script-src ')) ?? '';

test('a page rendered on replica A carries its hashed policy from Redis on replica B, and every page type hydrates with no violation on B and through the TLS proxy', async ({
  page,
}) => {
  const [a, b] = stack.replicaUrls as [string, string];
  // Rendered on A once (stored in Redis with its policy), then read on B from Redis: the same policy, by hash.
  for (const pathname of pageTypes().filter((url) => !['/recherche', '/apercu'].includes(url))) {
    const onA = await get(`${a}${pathname}`);
    const onB = await get(`${b}${pathname}`);
    expect(scriptSources(onA.headers.get('content-security-policy')), pathname).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/]{43}=')+$/);
    expect(scriptSources(onB.headers.get('content-security-policy')), pathname).toBe(scriptSources(onA.headers.get('content-security-policy')));
  }
  const urls = pageTypes();
  expect(
    await violationsWhileVisiting(
      page,
      urls.map((pathname) => `${b}${pathname}`),
    ),
  ).toEqual([]);
  // Through nginx on TLS, twice: the proxy's miss, then its hit, which replays the stored header.
  const throughProxy = urls.map((pathname) => `${stack.proxyUrl}${pathname}`);
  expect(await violationsWhileVisiting(page, [...throughProxy, ...throughProxy])).toEqual([]);
  // nginx keeps a page fresh 5 s: the answer it gives from its cache carries the page's own policy.
  let fromProxyCache: Headers | undefined;
  await expect
    .poll(async () => {
      const answer = await get(`${stack.proxyUrl}${articlePath(corpusFacts().special.realArticle)}`);
      if (answer.headers.get('x-cache-status') === 'HIT') fromProxyCache = answer.headers;
      return answer.headers.get('x-cache-status');
    })
    .toBe('HIT');
  expect(scriptSources(fromProxyCache?.get('content-security-policy') ?? null)).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/]{43}=')+$/);
});

test('Mozilla’s HTTP Observatory, its own scanner, grades the front page and an article A+ through the TLS proxy', async () => {
  test.setTimeout(240_000);
  await installObservatory();
  for (const pathname of ['/', articlePath(corpusFacts().special.realArticle)]) {
    const graded = await gradeWithObservatory({
      hostname: stack.tls.hostname,
      httpPort: stack.tls.httpPort,
      httpsPort: stack.tls.httpsPort,
      path: pathname,
      caFile: stack.tls.caFile,
    });
    const failed = Object.entries(graded.tests).filter(([, outcome]) => !outcome.pass);
    expect(failed, pathname).toStrictEqual([]);
    expect(graded.grade, pathname).toBe('A+');
    expect(graded.tests['content-security-policy']?.policy?.unsafeInline, pathname).toBe(false);
    // The HTTP address was reached and sent to HTTPS on the same name (an empty route would mean no HTTP side at all).
    const route = graded.tests.redirection?.route ?? [];
    expect(route[0], pathname).toBe(`http://${stack.tls.hostname}:${stack.tls.httpPort}${pathname}`);
    expect(route.at(-1), pathname).toBe(`https://${stack.tls.hostname}:${stack.tls.httpsPort}${pathname}`);
  }
});

test('with both replicas down the proxy serves the pages it holds, stale, instead of errors', async () => {
  const { proxyUrl } = stack;
  const article = '/article/publie-sur-une-replique';
  for (const pathname of ['/', article]) await get(`${proxyUrl}${pathname}`);
  const cachedAt = Date.now();

  await stack.stopReplicas();
  // Past the proxy's 5 s of freshness (deploy/nginx/nginx.conf): its copies are stale, and nobody can refresh them.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, cachedAt + 6_000 - Date.now())));
  const down = await fetch(`${stack.replicaUrls[0]}/`).then(
    () => 'up',
    () => 'down',
  );
  expect(down).toBe('down');

  for (const pathname of ['/', article]) {
    const response = await get(`${proxyUrl}${pathname}`);
    expect(response.status, pathname).toBe(200);
    expect(response.headers.get('x-cache-status'), pathname).toBe('STALE');
    expect(response.text.includes('Titre corrigé sur une réplique')).toBe(true);
  }
  // A page nobody asked for before has nothing to fall back on.
  expect((await get(`${proxyUrl}/auteur/personne`)).status).toBe(502);
});
