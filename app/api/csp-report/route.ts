import { createViolationLog, MAX_REPORT_BYTES, parseCspReports } from '@/lib/cspReports';
import { readBoundedText } from '@/lib/requestBody';

const log = createViolationLog({ perMinute: 60, write: (line) => console.warn(line) });

/**
 * Where browsers report what a page's Content-Security-Policy blocked
 * (`report-uri` and `report-to`, lib/securityHeaders.ts): each violation is a
 * line in the server's log, at most 60 a minute. Always 204 for a report,
 * whatever it holds: the sender learns nothing.
 */
export async function POST(request: Request): Promise<Response> {
  const body = await readBoundedText(request, MAX_REPORT_BYTES);
  if (body === undefined) return new Response(null, { status: 413 });
  log(parseCspReports(body));
  return new Response(null, { status: 204 });
}
