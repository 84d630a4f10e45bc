// What a section of the bench measures: rows (a figure and what it means) and
// targets (PASS/FAIL), printed as they come, returned to bench/run.ts, which
// writes them all to bench/results/.

export interface Row {
  section: string;
  name: string;
  value: string;
  note?: string;
}

export interface Target {
  name: string;
  pass: boolean;
  measured: string;
}

export interface SectionResult {
  rows: Row[];
  targets: Target[];
  /** The raw figures, kept in the JSON results for whoever compares runs. */
  figures: Record<string, unknown>;
}

export const fixed = (value: number, digits = 0) => value.toFixed(digits);

/** One section's rows and targets, each printed when it is recorded: a long run shows its progress. */
export class SectionReport {
  readonly #rows: Row[] = [];
  readonly #targets: Target[] = [];
  readonly #figures: Record<string, unknown> = {};

  constructor(title: string) {
    console.log(`\n${title}`);
  }

  row(section: string, name: string, value: string, note?: string): void {
    this.#rows.push({ section, name, value, ...(note ? { note } : {}) });
    console.log(`  ${section.padEnd(10)} ${name.padEnd(48)} ${value}${note ? `   (${note})` : ''}`);
  }

  target(name: string, pass: boolean, measured: string): void {
    this.#targets.push({ name, pass, measured });
    console.log(`${pass ? 'PASS' : 'FAIL'}  ${name}: ${measured}`);
  }

  figure(name: string, value: unknown): void {
    this.#figures[name] = value;
  }

  result(): SectionResult {
    return { rows: [...this.#rows], targets: [...this.#targets], figures: { ...this.#figures } };
  }
}

/** Every section's rows, then every target, as the Markdown tables of bench/results/*.md. */
export function markdownTables(results: readonly SectionResult[]): string {
  const lines = ['| section | mesure | valeur | détail |', '|---|---|---|---|'];
  for (const entry of results.flatMap((result) => result.rows)) lines.push(`| ${entry.section} | ${entry.name} | ${entry.value} | ${entry.note ?? ''} |`);
  lines.push('', '| cible | résultat | mesuré |', '|---|---|---|');
  for (const entry of results.flatMap((result) => result.targets)) lines.push(`| ${entry.name} | ${entry.pass ? 'PASS' : 'FAIL'} | ${entry.measured} |`);
  return lines.join('\n');
}
