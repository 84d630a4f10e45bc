import { describe, expect, it } from 'vitest';
import { readBoundedText } from './requestBody';

/** A body sent in chunks with no Content-Length, as a client may stream it; counts how many chunks were pulled. */
function chunkedRequest(chunks: string[]): { request: Request; pulled: () => number } {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks[pulled];
      pulled += 1;
      if (next === undefined) controller.close();
      else controller.enqueue(new TextEncoder().encode(next));
    },
  });
  return { request: new Request('http://localhost/api/csp-report', { method: 'POST', body, duplex: 'half' } as RequestInit), pulled: () => pulled };
}

describe('readBoundedText', () => {
  it('reads a body within the bound, counting bytes rather than characters', async () => {
    expect(await readBoundedText(new Request('http://localhost/', { method: 'POST', body: 'é'.repeat(5) }), 10)).toBe('ééééé');
    expect(await readBoundedText(new Request('http://localhost/', { method: 'POST', body: 'é'.repeat(6) }), 10)).toBeUndefined();
  });

  it('refuses a declared length over the bound, and stops reading a chunked body as soon as it passes it', async () => {
    const declared = new Request('http://localhost/', { method: 'POST', body: 'x', headers: { 'Content-Length': '20000' } });
    expect(await readBoundedText(declared, 16_384)).toBeUndefined();
    const { request, pulled } = chunkedRequest(Array.from({ length: 100 }, () => 'x'.repeat(1_000)));
    expect(await readBoundedText(request, 4_500)).toBeUndefined();
    expect(pulled()).toBeLessThan(10);
  });

  it('gives an empty text for a request without a body', async () => {
    expect(await readBoundedText(new Request('http://localhost/'), 10)).toBe('');
  });
});
