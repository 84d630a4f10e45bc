/** What the site keeps of one blocked load or script, from either report format. */
export interface CspViolation {
  directive: string;
  blocked: string;
  document: string;
  source?: string;
}

/** A report body larger than this is refused unread (413): browsers send a few hundred bytes per violation. */
export const MAX_REPORT_BYTES = 16_384;
/** Violations read from one body at most (the Reporting API batches them). */
const MAX_VIOLATIONS_PER_BODY = 20;
const MAX_FIELD_LENGTH = 300;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const field = (value: unknown): string =>
  (typeof value === 'string' || typeof value === 'number' ? String(value) : '').replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, MAX_FIELD_LENGTH);

function violationOf(report: Json, names: { directive: string[]; blocked: string; document: string; source: string; line: string }): CspViolation | undefined {
  const directive = names.directive.map((name) => field(report[name])).find((value) => value !== '');
  if (!directive) return undefined;
  const source = field(report[names.source]);
  const line = field(report[names.line]);
  return {
    directive,
    blocked: field(report[names.blocked]) || 'inline',
    document: field(report[names.document]),
    ...(source ? { source: line ? `${source}:${line}` : source } : {}),
  };
}

/**
 * The violations in a report body: `report-uri`'s `application/csp-report`
 * (`{"csp-report": {…}}`) or the Reporting API's `application/reports+json`
 * (`[{type: "csp-violation", body: {…}}]`). Anything else is none.
 */
export function parseCspReports(body: string): CspViolation[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [];
  }
  if (isObject(parsed) && isObject(parsed['csp-report'])) {
    const violation = violationOf(parsed['csp-report'], {
      directive: ['effective-directive', 'violated-directive'],
      blocked: 'blocked-uri',
      document: 'document-uri',
      source: 'source-file',
      line: 'line-number',
    });
    return violation ? [violation] : [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed
    .slice(0, MAX_VIOLATIONS_PER_BODY)
    .filter((report): report is Json => isObject(report) && report.type === 'csp-violation' && isObject(report.body))
    .map((report) =>
      violationOf(report.body as Json, {
        directive: ['effectiveDirective'],
        blocked: 'blockedURL',
        document: 'documentURL',
        source: 'sourceFile',
        line: 'lineNumber',
      }),
    )
    .filter((violation): violation is CspViolation => violation !== undefined);
}

/**
 * Writes violations as log lines, at most `perMinute` a minute: a page that
 * breaks for every reader, or a client posting reports in a loop, cannot fill
 * the log. What is left out is counted, and said once the minute is over.
 */
export function createViolationLog({ perMinute, write, now = Date.now }: { perMinute: number; write: (line: string) => void; now?: () => number }) {
  let windowStart = now();
  let written = 0;
  let dropped = 0;
  return function log(violations: readonly CspViolation[]): void {
    if (now() - windowStart >= 60_000) {
      if (dropped > 0) write(`[kiosque] CSP : ${dropped} violation(s) de plus non journalisée(s) la minute précédente`);
      windowStart = now();
      written = 0;
      dropped = 0;
    }
    for (const violation of violations) {
      if (written >= perMinute) {
        dropped += 1;
        continue;
      }
      written += 1;
      write(
        `[kiosque] CSP : ${violation.directive} a bloqué ${violation.blocked} sur ${violation.document || '(page inconnue)'}${violation.source ? ` (${violation.source})` : ''}`,
      );
    }
  };
}
