// Benchmark rows: what each section measures, how it compares with its target and ceiling, and the one table.
import { percentile, type Summary } from './stats';

export type Comparison = '<' | '<=' | '>=' | '>' | '=';

export interface Target {
  op: Comparison;
  value: number;
  /** What the target is checked against: the measured value (default) or the ratio to the ceiling. */
  on?: 'value' | 'ratio';
}

export interface Row {
  section: string;
  metric: string;
  unit: string;
  /** A single measurement, or the median/min/max of several runs; null when it could not be measured. */
  value: Summary | number | null;
  target?: Target;
  /** The physical ceiling (eMAG's limit) this value is divided by. */
  ceiling?: number;
  /** Why it was not measured, or what to know when reading it. */
  note?: string;
}

export type Verdict = 'pass' | 'MISS' | 'info' | 'n/a';

export const centre = (value: Row['value']): number | null =>
  value === null ? null : typeof value === 'number' ? value : value.median;

export const ratioOf = (row: Row): number | null => {
  const v = centre(row.value);
  return v === null || row.ceiling === undefined ? null : v / row.ceiling;
};

function compare(actual: number, target: Target): boolean {
  switch (target.op) {
    case '<':
      return actual < target.value;
    case '<=':
      return actual <= target.value;
    case '>=':
      return actual >= target.value;
    case '>':
      return actual > target.value;
    case '=':
      return actual === target.value;
  }
}

export function verdict(row: Row): Verdict {
  const v = centre(row.value);
  if (v === null || Number.isNaN(v)) return 'n/a';
  if (!row.target) return 'info';
  const actual = row.target.on === 'ratio' ? ratioOf(row) : v;
  if (actual === null) return 'n/a';
  return compare(actual, row.target) ? 'pass' : 'MISS';
}

const digits = (n: number): string => {
  const abs = Math.abs(n);
  if (abs === 0) return '0';
  if (abs >= 1000) return Math.round(n).toLocaleString('en-US');
  if (abs >= 100) return n.toFixed(0);
  if (abs >= 10) return n.toFixed(1);
  if (abs >= 1) return n.toFixed(2);
  return n.toFixed(3);
};

export function formatValue(row: Row): string {
  const { value, unit } = row;
  if (value === null) return 'not measured';
  const withUnit = (n: number) => (unit ? `${digits(n)} ${unit}` : digits(n));
  if (typeof value === 'number') return withUnit(value);
  if (value.runs <= 1) return withUnit(value.median);
  return `${withUnit(value.median)} (${digits(value.min)}–${digits(value.max)}, n=${value.runs})`;
}

export function formatTarget(row: Row): string {
  if (!row.target) return '';
  const unit = row.target.on === 'ratio' ? 'of ceiling' : row.unit;
  return `${row.target.op} ${digits(row.target.value)}${unit ? ` ${unit}` : ''}`;
}

export function formatRatio(row: Row): string {
  const ratio = ratioOf(row);
  if (ratio === null) return '';
  // Rounded down to three decimals: 0.8997 is a miss and must not print as 0.900.
  const shown = ratio >= 0.1 ? (Math.floor(ratio * 1000) / 1000).toFixed(3) : ratio.toPrecision(2);
  return `${shown} of ${digits(row.ceiling!)}`;
}

const HEADERS = ['#', 'metric', 'measured (median, min–max)', 'target', 'ratio to ceiling', 'result'];

function cells(row: Row): string[] {
  return [row.section, row.metric, formatValue(row), formatTarget(row), formatRatio(row), verdict(row)];
}

/** The one console table. */
export function textTable(rows: readonly Row[]): string {
  const all = [HEADERS, ...rows.map(cells)];
  const widths = HEADERS.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  return [line(HEADERS), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((r) => line(cells(r)))].join('\n');
}

/** The same table as Markdown (docs/performance.md), with the notes under it. */
export function markdownTable(rows: readonly Row[]): string {
  const escape = (c: string) => c.replace(/\|/g, '\\|');
  const out = [`| ${HEADERS.join(' | ')} |`, `| ${HEADERS.map(() => '---').join(' | ')} |`];
  for (const row of rows) out.push(`| ${cells(row).map(escape).join(' | ')} |`);
  return out.join('\n');
}

/** A section prints its rows on one stdout line with this prefix; everything else it prints is progress. */
export const ROWS_PREFIX = 'BENCH_ROWS ';

export function emitRows(rows: readonly Row[]): void {
  process.stdout.write(`${ROWS_PREFIX}${JSON.stringify(rows)}\n`);
}

/** Progress for the person watching (stderr, so it never mixes with the rows). */
export const progress = (message: string): void => void process.stderr.write(`  · ${message}\n`);

/**
 * The p50 and p95 rows of a latency: null values when nothing was measured; the target and note go on the p95 row,
 * the one a budget is set on.
 */
export function percentileRows(
  base: { section: string; unit: string },
  metric: (p: 50 | 95) => string,
  samples: readonly number[],
  p95: Pick<Row, 'target' | 'note'> = {},
): Row[] {
  const at = (p: 50 | 95) => (samples.length ? percentile(samples, p) : null);
  return [
    { section: base.section, metric: metric(50), unit: base.unit, value: at(50) },
    { section: base.section, metric: metric(95), unit: base.unit, value: at(95), ...p95 },
  ];
}
