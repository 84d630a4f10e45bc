import { randomBytes } from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';
import { PREVIEW_COOKIE, previewTokenValid } from './lib/preview/previewToken';
import { refuseRequest, STATIC_FILE_METHODS } from './lib/requestPath';
import { SEARCH_FORM_PATH } from './lib/routes';
import { nonceContentSecurityPolicy, pageFramesOf, RESOURCE_POLICY } from './lib/securityHeaders';

/** Next's Draft Mode cookie: with it, every page renders per request. */
const DRAFT_MODE_COOKIE = '__prerender_bypass';

/**
 * A page rendered for this request alone gets a fresh nonce: Next puts it on
 * each of its scripts (it reads it from the request's CSP) and the same policy
 * goes out with the page. Cached pages carry their own, by hash (lib/cache/siteCache.ts).
 */
function withNonce(request: NextRequest, path: string): NextResponse {
  const policy = nonceContentSecurityPolicy(randomBytes(16).toString('base64'), pageFramesOf(path));
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

/**
 * Draft Mode with no valid preview token (expired, or signed with a secret
 * since changed): Next's cookie alone would still render pages per request,
 * so both go, and the reader's cached page is served.
 */
function withoutDraftMode(request: NextRequest): NextResponse {
  // Next's request cookies rewrite the request's Cookie header, the others' values encoded as they came.
  request.cookies.delete([DRAFT_MODE_COOKIE, PREVIEW_COOKIE]);
  const response = NextResponse.next({ request: { headers: request.headers } });
  response.cookies.delete(DRAFT_MODE_COOKIE);
  response.cookies.delete(PREVIEW_COOKIE);
  return response;
}

/** Whether a response to this request is a document a browser runs scripts in (not a feed, a file or an RSC payload). */
function isDocumentRequest(request: NextRequest): boolean {
  return (request.headers.get('accept') ?? '').includes('text/html') && !request.headers.has('rsc');
}

/**
 * Answers with a 4xx the requests stock Next 16 would answer with a 500
 * (lib/requestPath.ts), and gives a nonce to the pages rendered per request:
 * the empty search form and Draft Mode.
 */
export function proxy(request: NextRequest): NextResponse {
  // request.nextUrl is already normalized; the check needs the path as sent.
  const refusal = refuseRequest({ method: request.method, rawPath: new URL(request.url).pathname });
  if (refusal) {
    return new NextResponse(`${refusal.text}\n`, {
      status: refusal.status,
      headers: {
        'Content-Type': 'text/plain; charset=utf-8',
        'Cache-Control': 'no-store',
        // Plain text, yet a document if opened: nothing of it may run or load.
        'Content-Security-Policy': RESOURCE_POLICY,
        ...(refusal.status === 405 ? { Allow: STATIC_FILE_METHODS.join(', ') } : {}),
      },
    });
  }
  const path = request.nextUrl.pathname;
  if (request.cookies.has(DRAFT_MODE_COOKIE)) {
    if (!previewTokenValid(request.cookies.get(PREVIEW_COOKIE)?.value, process.env.DRAFT_SECRET, new Date())) return withoutDraftMode(request);
    return isDocumentRequest(request) ? withNonce(request, path) : NextResponse.next();
  }
  if (path === SEARCH_FORM_PATH && !request.nextUrl.searchParams.has('q')) return withNonce(request, path);
  return NextResponse.next();
}

export const config = {
  // The proxy costs every request it sees (run on each article page, it halved
  // throughput: README, Performance), so it only sees what needs it: paths with
  // a percent sign, the static files (lib/requestPath.ts isStaticFilePath),
  // which Next cannot refuse a PUT on, and the pages rendered per request
  // (literals: Next reads this object without running the module).
  matcher: [
    '/(.*%.*)',
    '/_next/static/:path*',
    '/logo.png',
    '/logo.svg',
    { source: '/recherche', missing: [{ type: 'query', key: 'q' }] },
    { source: '/((?!_next/|api/).*)', has: [{ type: 'cookie', key: '__prerender_bypass' }] },
  ],
};
