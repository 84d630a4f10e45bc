import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { Agent } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { headerCount, rawRequest, type RawResponse } from '../../tests/e2e/support/rawRequest';
import { freePort } from '../../lib/cache/testing/processes';
import { startLocalNginx, type RunningNginx } from './localNginx';

// deploy/nginx/nginx.conf as shipped (ports and paths swapped by localNginx.ts),
// on Debian's nginx, in front of a stand-in replica whose answers the tests
// choose: TLS, the redirect, HSTS, long headers, the flood limit and the
// preview bypass, without a build. tests/e2e/replicas/ runs it in front of the real replicas.

const conf = readFileSync('deploy/nginx/nginx.conf', 'utf8');
const configuredHsts = /map \$host \$kiosque_hsts \{\s*default "([^"]+)";/.exec(conf)?.[1] ?? '';

/** What the site sends for a shared cache, and its own HSTS header, which nginx replaces. */
const PAGE_HEADERS = {
  'Cache-Control': 's-maxage=86400, stale-while-revalidate=86400',
  'Strict-Transport-Security': 'max-age=300',
  'Content-Type': 'text/html; charset=utf-8',
};
/** A page's policy with the SHA-256 of each of its inline scripts (lib/securityHeaders.ts), here 60 of them. */
const longPolicy = `default-src 'self'; script-src 'self' ${Array.from({ length: 60 }, (_, index) => `'sha256-${Buffer.alloc(32, index).toString('base64')}'`).join(' ')}; object-src 'none'`;
/** A feed's purge tags, one per article: 300 of them. */
const tags = Array.from({ length: 300 }, (_, index) => `article:un-titre-d-article-assez-long-pour-un-vrai-slug-${index}`);

interface Seen {
  url: string;
  headers: IncomingHttpHeaders;
}

let upstream: Server;
let upstreamPort: number;
let nginx: RunningNginx;
let work: string;
let ca: Buffer;
let httpUrl: string;
let httpsUrl: string;
let httpsPort: number;
const seen: Seen[] = [];
let renders = 0;

beforeAll(async () => {
  upstreamPort = await freePort();
  upstream = createServer((request, response) => {
    seen.push({ url: request.url ?? '', headers: request.headers });
    renders += 1;
    const url = request.url ?? '/';
    if (url.startsWith('/inconnu')) {
      response.writeHead(404, { 'Cache-Control': 'private, no-cache, no-store, max-age=0, must-revalidate', 'Strict-Transport-Security': 'max-age=300' });
      response.end('introuvable');
    } else if (url === '/en-tetes-longs') {
      response.writeHead(200, { ...PAGE_HEADERS, 'Content-Security-Policy': longPolicy, 'Cache-Tag': tags.join(','), 'Surrogate-Key': tags.join(' ') });
      response.end('longs');
    } else {
      response.writeHead(200, PAGE_HEADERS);
      response.end(`rendu ${renders}${request.headers.cookie ? ' (aperçu)' : ''}`);
    }
  });
  await new Promise<void>((resolve) => upstream.listen(upstreamPort, '127.0.0.1', resolve));

  work = await mkdtemp(path.join(tmpdir(), 'kiosque-proxy-'));
  // nginx's workers run as an unprivileged user: they must reach their folders.
  await chmod(work, 0o755);
  const tlsDir = path.join(work, 'tls');
  execFileSync('deploy/nginx/make-local-certificate.sh', [tlsDir]);
  ca = await readFile(path.join(tlsDir, 'ca.pem'));
  const [httpPort, tlsPort] = [await freePort(), await freePort()];
  httpsPort = tlsPort;
  nginx = await startLocalNginx({
    workDir: work,
    listenPort: httpPort,
    upstreamPorts: [upstreamPort],
    tls: { port: tlsPort, certificate: path.join(tlsDir, 'fullchain.pem'), key: path.join(tlsDir, 'privkey.pem') },
  });
  httpUrl = `http://localhost:${httpPort}`;
  httpsUrl = `https://localhost:${tlsPort}`;
});

afterAll(async () => {
  await nginx?.stop();
  await new Promise((resolve) => upstream?.close(resolve));
  await rm(work, { recursive: true, force: true });
});

const get = (pathname: string, options: Parameters<typeof rawRequest>[2] = {}): Promise<RawResponse> => rawRequest(httpsUrl, pathname, { ca, ...options });

describe('HTTP', () => {
  it('answers the site’s names with a 301 to the same path on HTTPS, and nothing else', async () => {
    for (const host of ['localhost', '127.0.0.1']) {
      const response = await rawRequest(httpUrl, '/article/un-article?page=2', { headers: { Host: host } });
      expect(response.status, host).toBe(301);
      expect(response.headers.location, host).toBe(`https://${host}:${httpsPort}/article/un-article?page=2`);
    }
    expect(seen).toStrictEqual([]);
    // The shipped redirect keeps the name and the path, and HTTPS's own port (443, compose.yaml).
    expect(conf).toMatch(/^\s*return 301 https:\/\/\$host\$request_uri; # test: redirect$/m);
    await expect(rawRequest(httpUrl, '/', { headers: { Host: 'pas-le-site.example' } })).rejects.toThrow();
  });

  it('leaves the ACME challenges of a certificate authority on HTTP', async () => {
    expect((await rawRequest(httpUrl, '/.well-known/acme-challenge/jeton', { headers: { Host: 'localhost' } })).status).toBe(404);
  });
});

describe('HTTPS', () => {
  /** The protocol a handshake agrees on, or the error the server answers with. */
  function handshake(options: {
    minVersion?: 'TLSv1' | 'TLSv1.2' | 'TLSv1.3';
    maxVersion?: 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';
    servername?: string;
  }): Promise<string> {
    return new Promise((resolve) => {
      const socket = tlsConnect({
        host: '127.0.0.1',
        port: httpsPort,
        servername: options.servername ?? 'localhost',
        ca,
        ALPNProtocols: ['h2', 'http/1.1'],
        minVersion: options.minVersion,
        maxVersion: options.maxVersion,
        // Lets this client offer TLS 1.0 and 1.1, which OpenSSL 3 itself otherwise refuses: the server is what is tested.
        ciphers: 'DEFAULT@SECLEVEL=0',
      });
      socket.once('secureConnect', () => {
        resolve(`${socket.getProtocol()} ${socket.alpnProtocol}`);
        socket.destroy();
      });
      socket.once('error', (error: Error) => resolve(error.message));
    });
  }

  it('speaks TLS 1.2 and 1.3, HTTP/2, with a certificate for localhost and 127.0.0.1, and refuses TLS 1.1', async () => {
    expect(await handshake({})).toBe('TLSv1.3 h2');
    expect(await handshake({ maxVersion: 'TLSv1.2' })).toBe('TLSv1.2 h2');
    expect(await handshake({ minVersion: 'TLSv1', maxVersion: 'TLSv1.1' })).toMatch(/protocol version/);
    expect((await get('/', { headers: { Host: '127.0.0.1' } })).status).toBe(200);
  });

  it('sends exactly one Strict-Transport-Security, the configured one of at least 6 months, replacing the site’s', async () => {
    expect(Number(/max-age=(\d+)/.exec(configuredHsts)?.[1])).toBeGreaterThanOrEqual(15_768_000);
    for (const response of [await get('/une-page'), await get('/une-page'), await get('/inconnu-hsts'), await get('/', { method: 'TRACE' })]) {
      expect(headerCount(response, 'strict-transport-security')).toBe(1);
      expect(response.headers['strict-transport-security']).toBe(configuredHsts);
    }
    expect((await get('/une-page')).headers['x-cache-status']).toBe('HIT');
  });

  it('passes the site’s long headers whole, fresh and from its cache: a policy of 60 script hashes, 300 purge tags twice', async () => {
    for (const status of ['MISS', 'HIT']) {
      const response = await get('/en-tetes-longs', { maxHeaderSize: 256 * 1024 });
      expect(response.status).toBe(200);
      expect(response.headers['x-cache-status']).toBe(status);
      expect(response.headers['content-security-policy']).toBe(longPolicy);
      expect(response.headers['cache-tag']).toBe(tags.join(','));
      expect(response.headers['surrogate-key']).toBe(tags.join(' '));
    }
    // More than the 32 KB nginx.conf gave them before (a 502).
    expect(longPolicy.length + 2 * tags.join(',').length).toBeGreaterThan(32 * 1024);
  });

  it('lets an editor’s preview (Draft Mode’s cookie, or kiosque-apercu) past the cache, and keeps none of it', async () => {
    await get('/article/apercu');
    expect((await get('/article/apercu')).headers['x-cache-status']).toBe('HIT');
    for (const cookie of ['__prerender_bypass=abc', 'kiosque-apercu=jeton', 'theme=sombre; kiosque-apercu=jeton']) {
      const preview = await get('/article/apercu', { headers: { Cookie: cookie } });
      expect(preview.headers['x-cache-status'], cookie).toBe('BYPASS');
      expect(preview.body, cookie).toContain('(aperçu)');
      const reader = await get('/article/apercu');
      expect(reader.headers['x-cache-status'], cookie).toBe('HIT');
      expect(reader.body, cookie).not.toContain('(aperçu)');
    }
    // Cookies that only look like it are readers like any other.
    for (const cookie of ['pas-kiosque-apercu=jeton', 'kiosque-apercu=']) {
      expect((await get('/article/apercu', { headers: { Cookie: cookie } })).headers['x-cache-status'], cookie).toBe('HIT');
    }
  });
});

describe('a flood', () => {
  it('of unknown paths from one client gets 429 once past its burst, while the cache serves it and others go on', async () => {
    await get('/page-en-cache');
    const flooder = { localAddress: '127.0.0.2', agent: new Agent({ keepAlive: true, ca }) };
    const before = seen.length;
    const started = performance.now();
    const statuses: number[] = [];
    // 20 at a time, each with its own claim of who it is: nginx replaces the header.
    for (let batch = 0; batch < 25; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, index) => get(`/inconnu-${batch}-${index}`, { ...flooder, headers: { 'X-Kiosque-Client': `10.0.${batch}.${index}` } })),
      );
      statuses.push(...answers.map((answer) => answer.status));
    }
    const seconds = (performance.now() - started) / 1000;
    const reached = seen.slice(before);
    // A burst of 200 reaches the replica at once, then 20 a second; the rest is refused by the proxy.
    expect(statuses.filter((status) => status === 404).length).toBeGreaterThanOrEqual(200);
    expect(reached.length).toBeLessThanOrEqual(201 + Math.ceil(20 * seconds));
    expect(statuses.filter((status) => status === 429).length).toBe(500 - reached.length);
    expect(reached.every(({ headers }) => headers['x-kiosque-client'] === undefined && headers['x-forwarded-for'] === '127.0.0.2')).toBe(true);

    // What the cache holds is served to the flooder too; another client's misses go on; so do this machine's own.
    const cached = await get('/page-en-cache', flooder);
    expect(cached.status).toBe(200);
    expect(cached.headers['x-cache-status']).toMatch(/^(HIT|STALE|UPDATING)$/);
    const more = await Promise.all(Array.from({ length: 10 }, (_, index) => get(`/inconnu-flooder-${index}`, flooder)));
    expect(more.filter((answer) => answer.status === 429).length).toBeGreaterThanOrEqual(8);
    expect((await get('/inconnu-autre-client', { localAddress: '127.0.0.3' })).status).toBe(404);
    const local = await Promise.all(Array.from({ length: 250 }, (_, index) => get(`/inconnu-machine-${index}`, { localAddress: '127.0.0.1' })));
    expect(local.filter((response) => response.status !== 404)).toStrictEqual([]);
    flooder.agent.destroy();
  });
});

describe('the capabilities compose.yaml leaves nginx', () => {
  const capabilities = (parse(readFileSync('compose.yaml', 'utf8'), { merge: true }) as { services: { proxy: { cap_add: string[] } } }).services.proxy.cap_add;
  const asRoot = process.getuid?.() === 0 && spawnSync('setpriv', ['--version']).status === 0;

  it.skipIf(!asRoot)('are enough: as root holding only those, with no new privileges, it serves HTTPS and fills its cache', async () => {
    const own = path.join(work, 'capabilities');
    const [httpPort, tlsPort] = [await freePort(), await freePort()];
    const tlsDir = path.join(work, 'tls');
    const limited = await startLocalNginx({
      workDir: own,
      listenPort: httpPort,
      upstreamPorts: [upstreamPort],
      tls: { port: tlsPort, certificate: path.join(tlsDir, 'fullchain.pem'), key: path.join(tlsDir, 'privkey.pem') },
      // compose.yaml's cap_drop: [ALL] then cap_add, and no-new-privileges: what setpriv leaves a root process.
      launcher: ['setpriv', `--bounding-set=-all,${capabilities.map((name) => `+${name.toLowerCase()}`).join(',')}`, '--inh-caps=-all', '--no-new-privs'],
    });
    try {
      const url = `https://localhost:${tlsPort}`;
      expect((await rawRequest(url, '/avec-peu-de-droits', { ca })).headers['x-cache-status']).toBe('MISS');
      const again = await rawRequest(url, '/avec-peu-de-droits', { ca });
      expect([again.status, again.headers['x-cache-status']]).toStrictEqual([200, 'HIT']);
    } finally {
      await limited.stop();
    }
    expect(capabilities).toStrictEqual(['CHOWN', 'SETGID', 'SETUID']);
  });
});
