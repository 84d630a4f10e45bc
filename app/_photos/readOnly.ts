/**
 * Pictures are only read. Next answers every other method of a route handler
 * with 405 by itself, but OPTIONS with 204: the photo routes say 405 too,
 * like the static files (proxy.ts).
 */
export function OPTIONS(): Response {
  return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD', 'Cache-Control': 'no-store' } });
}
