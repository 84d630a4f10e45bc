import { describe, expect, it } from 'vitest';
import { createViolationLog, parseCspReports } from './cspReports';

const reportUri = JSON.stringify({
  'csp-report': {
    'document-uri': 'https://kiosque.example/article/a',
    'violated-directive': 'script-src-elem',
    'effective-directive': 'script-src-elem',
    'blocked-uri': 'inline',
    'source-file': 'https://kiosque.example/article/a',
    'line-number': 12,
  },
});
const reportingApi = JSON.stringify([
  {
    type: 'csp-violation',
    url: 'https://kiosque.example/',
    body: { documentURL: 'https://kiosque.example/', effectiveDirective: 'frame-src', blockedURL: 'https://evil.example/x' },
  },
  { type: 'deprecation', body: { id: 'x' } },
]);

describe('parseCspReports', () => {
  it('reads the report-uri format and the Reporting API format, only their CSP violations', () => {
    expect(parseCspReports(reportUri)).toStrictEqual([
      { directive: 'script-src-elem', blocked: 'inline', document: 'https://kiosque.example/article/a', source: 'https://kiosque.example/article/a:12' },
    ]);
    expect(parseCspReports(reportingApi)).toStrictEqual([{ directive: 'frame-src', blocked: 'https://evil.example/x', document: 'https://kiosque.example/' }]);
  });

  it('finds none in what is not a report, and keeps no control character or overlong field', () => {
    expect(parseCspReports('not json')).toStrictEqual([]);
    expect(parseCspReports('{"csp-report": "x"}')).toStrictEqual([]);
    expect(parseCspReports('[{"type":"csp-violation","body":{}}]')).toStrictEqual([]);
    const [hostile] = parseCspReports(
      JSON.stringify({ 'csp-report': { 'violated-directive': 'img-src', 'blocked-uri': `a\nfaux journal${'x'.repeat(1000)}` } }),
    );
    expect(hostile?.blocked).not.toContain('\n');
    expect(hostile?.blocked.length).toBe(300);
  });
});

describe('createViolationLog', () => {
  it('writes at most the given number of lines a minute, then says how many it left out', () => {
    const lines: string[] = [];
    let time = 0;
    const log = createViolationLog({ perMinute: 2, write: (line) => lines.push(line), now: () => time });
    const violation = { directive: 'script-src-elem', blocked: 'inline', document: '/a' };
    log([violation, violation, violation]);
    log([violation]);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('[kiosque] CSP : script-src-elem a bloqué inline sur /a');
    time = 60_000;
    log([violation]);
    expect(lines.slice(2)).toStrictEqual([
      '[kiosque] CSP : 2 violation(s) de plus non journalisée(s) la minute précédente',
      '[kiosque] CSP : script-src-elem a bloqué inline sur /a',
    ]);
  });
});
