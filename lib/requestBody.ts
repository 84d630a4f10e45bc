/**
 * A request's body as text, read only up to `maxBytes`: undefined once it is
 * longer, without reading the rest. `Content-Length` cannot bound it alone, since
 * a chunked body declares none; counting characters after reading it all would
 * let any client make the server hold the whole body.
 */
export async function readBoundedText(request: Request, maxBytes: number): Promise<string | undefined> {
  if (Number(request.headers.get('content-length') ?? '0') > maxBytes) return undefined;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
