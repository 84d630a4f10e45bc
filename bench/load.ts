// Load on one URL: autocannon (the library, in this process) for what Next
// serves, wrk for what nginx serves faster than autocannon can read.
import { spawnSync } from 'node:child_process';
import autocannon from 'autocannon';
import { CONNECTIONS, LOAD_RUNS, LOAD_SECONDS } from './settings';
import { run } from './servers';

export interface LoadFigures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** The p-th percentile of values sorted in ascending order. */
export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** Several runs of one load: the median of each figure, the sum of errors. */
export function medianLoad(runs: readonly LoadFigures[]): LoadFigures {
  return {
    rps: median(runs.map((one) => one.rps)),
    p50: median(runs.map((one) => one.p50)),
    p99: median(runs.map((one) => one.p99)),
    errors: runs.reduce((sum, one) => sum + one.errors, 0),
    non2xx: runs.reduce((sum, one) => sum + one.non2xx, 0),
  };
}

/** LOAD_RUNS runs of one load, one after the other: their median. */
export async function medianOfRuns(measure: () => Promise<LoadFigures>): Promise<LoadFigures> {
  const runs: LoadFigures[] = [];
  for (let runIndex = 0; runIndex < LOAD_RUNS; runIndex += 1) runs.push(await measure());
  return medianLoad(runs);
}

/** One autocannon run: CONNECTIONS connections for LOAD_SECONDS on `url`. */
export async function loadOnce(url: string, headers: Record<string, string> = {}): Promise<LoadFigures> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: LOAD_SECONDS, headers });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx };
}

/** autocannon on `url`, LOAD_RUNS times: what every page served by Next is measured with. */
export const load = (url: string, headers: Record<string, string> = {}) => medianOfRuns(() => loadOnce(url, headers));

/** wrk (Debian's package, C, two threads) is installed. */
export const hasWrk = spawnSync('sh', ['-c', 'command -v wrk'], { stdio: 'ignore' }).status === 0;

/** One wrk run, its text report read into the same figures. */
export function wrkOnce(url: string): Promise<LoadFigures> {
  const { stdout } = run('wrk', ['-t', '2', '-c', String(CONNECTIONS), '-d', `${LOAD_SECONDS}s`, '--latency', url]);
  const toMs = (value: string, unit: string) => Number(value) * ({ us: 0.001, ms: 1, s: 1_000 }[unit] ?? NaN);
  const percentileOf = (p: number) => {
    const match = new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s)$`, 'm').exec(stdout);
    return match ? toMs(match[1] ?? '', match[2] ?? '') : NaN;
  };
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
  return Promise.resolve({
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1] ?? NaN),
    p50: Number(percentileOf(50).toFixed(1)),
    p99: Number(percentileOf(99).toFixed(1)),
    errors: socketErrors ? socketErrors.slice(1).reduce((sum, count) => sum + Number(count), 0) : 0,
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0),
  });
}
