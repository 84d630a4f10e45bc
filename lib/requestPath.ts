/**
 * Whether a raw request path (still percent-encoded, as sent) is one the site
 * can route. Next 16 answers 500 when a path does not decode (`/article/%`,
 * overlong UTF-8 such as `%C0%AE`), and a decoded NUL or control character
 * ends up in cache file names; both are the client's error, so they get a 400.
 */
export function isRoutablePath(rawPath: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return false;
  }
  return !/[\u0000-\u001f\u007f]/.test(decoded);
}

/** Methods a static file answers; Next 16 answers any other with a bare 500 (it has no 405 page for the App Router). */
export const STATIC_FILE_METHODS: readonly string[] = ['GET', 'HEAD'];

/** Files served as they are: Next's build output and public/ (the proxy's matcher in proxy.ts lists the same). */
export function isStaticFilePath(rawPath: string): boolean {
  return rawPath.startsWith('/_next/static/') || rawPath === '/logo.png' || rawPath === '/logo.svg';
}

/** The answer the site owes a request before routing, or undefined to route it. */
export function refuseRequest(request: { method: string; rawPath: string }): { status: 400 | 405; text: string } | undefined {
  if (!isRoutablePath(request.rawPath)) return { status: 400, text: 'Requête invalide : adresse mal encodée.' };
  if (isStaticFilePath(request.rawPath) && !STATIC_FILE_METHODS.includes(request.method))
    return { status: 405, text: 'Méthode non autorisée : ce fichier se lit seulement (GET, HEAD).' };
  return undefined;
}
