// Imported by the cache handler (lib/cache/siteCache.ts), which Node loads as
// is: plain erasable TypeScript, its imports spelled with their extension.
import { createHash } from 'node:crypto';

/** `<script …>…</script>`: the attributes, then the text, which HTML never decodes inside a script element. */
const SCRIPT_ELEMENT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const SRC_ATTRIBUTE = /(?:^|\s)src\s*=/i;
const TYPE_ATTRIBUTE = /(?:^|\s)type\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;

/** The `type` values a browser runs as script (HTML's JavaScript MIME types, and modules); any other is a data block, such as JSON-LD. */
const EXECUTABLE_TYPES = new Set([
  '',
  'module',
  'text/javascript',
  'application/javascript',
  'application/ecmascript',
  'text/ecmascript',
  'text/jscript',
  'text/livescript',
]);

function runsAsScript(attributes: string): boolean {
  if (SRC_ATTRIBUTE.test(attributes)) return false;
  const type = TYPE_ATTRIBUTE.exec(attributes);
  if (!type) return true;
  return EXECUTABLE_TYPES.has((type[1] ?? type[2] ?? type[3] ?? '').trim().toLowerCase());
}

/**
 * The CSP hash source (`'sha256-…'`) of every inline script a browser would
 * run in this HTML, each once, in document order: what a page's policy must
 * list for its own scripts to run with no 'unsafe-inline'. External scripts
 * (`src`) are allowed by origin and data blocks (JSON-LD) are never run, so
 * neither is listed.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes = '', text = ''] of html.matchAll(SCRIPT_ELEMENT)) {
    if (!runsAsScript(attributes)) continue;
    hashes.add(`'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}
