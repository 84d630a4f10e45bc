import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeWithObservatory, installObservatory, type ObservatoryGrade } from './observatory';

// The scanner counts the redirection and HSTS as valid on any ports, provided that:
// - the plain HTTP URL's first response redirects straight to https:// on the same
//   host name (URL.hostname, which leaves the port out, so :8443 is "the same host"),
//   and the Location carries the HTTPS port, since the scanner follows it as written;
// - the certificate is trusted (here through NODE_EXTRA_CA_CERTS) and names the host:
//   otherwise the retriever retries without verification and the tests come out
//   redirection-invalid-cert / hsts-invalid-cert, at -20 each;
// - the HTTPS response (after its own redirects) carries Strict-Transport-Security
//   with max-age ≥ 15552000; nothing is credited for preloading, as the list is empty.
// See src/analyzer/tests/redirection.js and strict-transport-security.js in the package.

const HOSTNAME = 'localhost';
const STRONG_CSP = "default-src 'none'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
const PAGE = '<!doctype html><html lang="en"><head><title>Observatory</title><script src="/app.js"></script></head><body><p>Graded.</p></body></html>';

function strongHeaders(csp = STRONG_CSP): http.OutgoingHttpHeaders {
  return {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': csp,
    'strict-transport-security': 'max-age=31536000; includeSubDomains',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'cross-origin-resource-policy': 'same-origin',
  };
}

/** The pages under test, by path; the HTTP server serves /no-redirect itself instead of redirecting it. */
const PAGES: Readonly<Record<string, http.OutgoingHttpHeaders>> = {
  '/strong': strongHeaders(),
  '/unsafe-inline': strongHeaders(STRONG_CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")),
  '/no-redirect': strongHeaders(),
};

function servePage(request: http.IncomingMessage, response: http.ServerResponse): void {
  const headers = PAGES[new URL(request.url ?? '/', 'http://x').pathname];
  if (!headers) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }
  response.writeHead(200, headers).end(PAGE);
}

function selfSignedCertificate(dir: string): { keyFile: string; certFile: string } {
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: 'pipe' },
    );
  } catch (error) {
    throw new Error(`these tests need openssl to make a certificate: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { keyFile, certFile };
}

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return (server.address() as AddressInfo).port;
}

async function close(server: http.Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** What the score would be without extra credit: scan() only grants that when this is at least 90. */
function uncurvedScore(grade: ObservatoryGrade): number {
  return 100 + Object.values(grade.tests).reduce((sum, test) => sum + Math.min(test.scoreModifier, 0), 0);
}

describe('the HTTP Observatory harness, on custom ports', () => {
  let dir = '';
  let certFile = '';
  let httpPort = 0;
  let httpsPort = 0;
  const servers: http.Server[] = [];

  const grade = (pagePath: string) => gradeWithObservatory({ hostname: HOSTNAME, httpPort, httpsPort, path: pagePath, caFile: certFile });

  beforeAll(async () => {
    const install = installObservatory();
    dir = await mkdtemp(path.join(tmpdir(), 'observatory-'));
    const certificate = selfSignedCertificate(dir);
    certFile = certificate.certFile;
    const secure = https.createServer({ key: await readFile(certificate.keyFile), cert: await readFile(certFile) }, servePage);
    servers.push(secure);
    httpsPort = await listen(secure);
    const plain = http.createServer((request, response) => {
      if (request.url?.startsWith('/no-redirect')) servePage(request, response);
      else response.writeHead(301, { location: `https://${HOSTNAME}:${httpsPort}${request.url ?? '/'}` }).end();
    });
    servers.push(plain);
    httpPort = await listen(plain);
    await install;
  }, 180_000);

  afterAll(async () => {
    await Promise.all(servers.map(close));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('grades a page with a strict CSP, HSTS and the other headers A+, every test passing', async () => {
    const result = await grade('/strong');
    expect(result.grade).toBe('A+');
    // 100, plus default-src 'none' (+10), frame-ancestors (+5), a private Referrer-Policy (+5), CORP (+10).
    expect(result.score).toBe(130);
    expect(Object.entries(result.tests).filter(([, test]) => !test.pass)).toEqual([]);
    expect(result.tests['content-security-policy']?.result).toBe('csp-implemented-with-no-unsafe-default-src-none');
    expect(result.tests.redirection).toMatchObject({
      result: 'redirection-to-https',
      route: [`http://${HOSTNAME}:${httpPort}/strong`, `https://${HOSTNAME}:${httpsPort}/strong`],
    });
    expect(result.tests['strict-transport-security']?.result).toBe('hsts-implemented-max-age-at-least-six-months');
    expect(result.tests['cross-origin-resource-policy']?.result).toBe('corp-implemented-with-same-origin');
  }, 60_000);

  it("takes 20 points for 'unsafe-inline' in script-src, and with them all extra credit", async () => {
    const strong = await grade('/strong');
    const unsafe = await grade('/unsafe-inline');
    expect(unsafe.tests['content-security-policy']).toMatchObject({
      pass: false,
      result: 'csp-implemented-with-unsafe-inline',
      scoreModifier: -20,
      policy: { unsafeInline: true },
    });
    expect(uncurvedScore(strong) - uncurvedScore(unsafe)).toBe(20);
    // 80 is under the 90 scan() needs before it adds extra credit, so the +20 the
    // other headers still earn are not counted: 80 is a B+, and 50 below the A+ page.
    expect(unsafe.score).toBe(80);
    expect(unsafe.grade).toBe('B+');
  }, 60_000);

  it('notices when plain HTTP serves the page instead of redirecting to HTTPS', async () => {
    const result = await grade('/no-redirect');
    expect(result.tests.redirection).toEqual({
      pass: false,
      result: 'redirection-missing',
      scoreModifier: -20,
      route: [`http://${HOSTNAME}:${httpPort}/no-redirect`],
    });
    expect(result.tests['strict-transport-security']?.pass).toBe(true);
    expect(result.grade).not.toBe('A+');
  }, 60_000);

  it('fails the redirection and HSTS when the certificate is not trusted, so caFile is what the A+ rests on', async () => {
    const result = await gradeWithObservatory({ hostname: HOSTNAME, httpPort, httpsPort, path: '/strong' });
    expect(result.tests.redirection?.result).toBe('redirection-invalid-cert');
    expect(result.tests['strict-transport-security']?.result).toBe('hsts-invalid-cert');
  }, 60_000);
});
