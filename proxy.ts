import { NextResponse, type NextRequest } from 'next/server';
import { refuseRequest, STATIC_FILE_METHODS } from './lib/requestPath';

/** Answers with a 4xx the requests stock Next 16 would answer with a 500 (lib/requestPath.ts). */
export function proxy(request: NextRequest): NextResponse {
  // request.nextUrl is already normalized; the check needs the path as sent.
  const refusal = refuseRequest({ method: request.method, rawPath: new URL(request.url).pathname });
  if (!refusal) return NextResponse.next();
  return new NextResponse(`${refusal.text}\n`, {
    status: refusal.status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      ...(refusal.status === 405 ? { Allow: STATIC_FILE_METHODS.join(', ') } : {}),
    },
  });
}

export const config = {
  // The proxy costs every request it sees (run on each article page, it halved
  // throughput: README, Performance), so it only sees what can go wrong: paths
  // with a percent sign, and the static files (lib/requestPath.ts isStaticFilePath),
  // which Next cannot refuse a PUT on.
  matcher: ['/(.*%.*)', '/_next/static/:path*', '/logo.png', '/logo.svg'],
};
