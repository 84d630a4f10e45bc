import { request as httpRequest, type Agent } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Name, value, name, value… as received: a header sent twice is there twice. */
  rawHeaders: string[];
  body: string;
}

export interface RawRequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** For https: the authority to trust (deploy/nginx/make-local-certificate.sh's ca.pem). */
  ca?: string | Buffer;
  /** The address to send from: 127.0.0.2… are other clients of a loopback server. */
  localAddress?: string;
  agent?: Agent;
  /** Node reads 16 KB of headers at most; browsers take far more (Chromium: 256 KB). */
  maxHeaderSize?: number;
}

/**
 * A request with the method and path exactly as written: Playwright's client
 * and fetch (like a browser) normalize malformed URLs and refuse methods such
 * as TRACE before anything reaches the server. http: or https: as `baseUrl` says.
 */
export function rawRequest(baseUrl: string, pathAsSent: string, options: RawRequestOptions = {}): Promise<RawResponse> {
  const { hostname, port, protocol } = new URL(baseUrl);
  const send = protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = send(
      {
        hostname,
        port,
        path: pathAsSent,
        method: options.method ?? 'GET',
        headers: options.headers,
        ca: options.ca,
        localAddress: options.localAddress,
        agent: options.agent,
        maxHeaderSize: options.maxHeaderSize,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            rawHeaders: response.rawHeaders,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

/** How many times a header came, whatever its case. */
export function headerCount(response: RawResponse, name: string): number {
  return response.rawHeaders.filter((value, index) => index % 2 === 0 && value.toLowerCase() === name.toLowerCase()).length;
}
