import { createViolationLog, MAX_REPORT_BYTES, parseCspReports } from '@/lib/cspReports';

const log = createViolationLog({ perMinute: 60, write: (line) => console.warn(line) });

/**
 * Where browsers report what a page's Content-Security-Policy blocked
 * (`report-uri` and `report-to`, lib/securityHeaders.ts): each violation is a
 * line in the server's log, at most 60 a minute. Always 204 for a report,
 * whatever it holds: the sender learns nothing.
 */
export async function POST(request: Request): Promise<Response> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_REPORT_BYTES) return new Response(null, { status: 413 });
  const body = await request.text();
  if (body.length > MAX_REPORT_BYTES) return new Response(null, { status: 413 });
  log(parseCspReports(body));
  return new Response(null, { status: 204 });
}
