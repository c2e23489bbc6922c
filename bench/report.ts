/**
 * What the bench hands over: one row per figure, printed as one Markdown table (pasteable into
 * the README as is) and written to results.json with the raw summaries behind each row.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Summary } from './stats.js';

export type Unit = 'x' | 'ms' | 'KB' | 'MB' | 'req/min' | 'count';

export interface Target {
  /** Which statistic the target is about. */
  stat: 'p50' | 'p95' | 'value';
  max: number;
}

export interface Row {
  /** Stable key for machines (the smoke test and later comparisons read it). */
  id: string;
  measure: string;
  unit: Unit;
  status: 'measured' | 'pending';
  /** A single figure (sizes, memory, rates); otherwise the percentiles below. */
  value?: number;
  p50?: number;
  p95?: number;
  p99?: number;
  n?: number;
  target?: Target;
  met?: boolean;
  /** Why a row is pending, or what its figure means when the label cannot say it all. */
  note?: string;
}

export function latencyRow(id: string, measure: string, unit: Unit, summary: Summary, target?: Target): Row {
  const row: Row = { id, measure, unit, status: 'measured', p50: summary.p50, p95: summary.p95, p99: summary.p99, n: summary.n };
  return withTarget(row, target);
}

export function valueRow(id: string, measure: string, unit: Unit, value: number, extra: { n?: number; target?: Target; note?: string } = {}): Row {
  const row: Row = { id, measure, unit, status: 'measured', value, ...(extra.n !== undefined ? { n: extra.n } : {}), ...(extra.note ? { note: extra.note } : {}) };
  return withTarget(row, extra.target);
}

export function pendingRow(id: string, measure: string, unit: Unit, note: string): Row {
  return { id, measure, unit, status: 'pending', note };
}

function withTarget(row: Row, target: Target | undefined): Row {
  if (!target) return row;
  const actual = row[target.stat];
  return { ...row, target, met: actual !== undefined && actual <= target.max };
}

function format(value: number | undefined, unit: Unit): string {
  if (value === undefined || Number.isNaN(value)) return '–';
  switch (unit) {
    case 'x':
      return `${value.toFixed(2)}×`;
    case 'ms':
      return `${value.toFixed(value < 10 ? 2 : 1)} ms`;
    case 'KB':
    case 'MB':
      return `${value.toFixed(1)} ${unit}`;
    case 'req/min':
      return `${value.toFixed(1)}/min`;
    case 'count':
      return String(Math.round(value));
  }
}

function targetText(row: Row): string {
  if (!row.target) return '';
  const stat = row.target.stat === 'value' ? '' : ` at ${row.target.stat}`;
  return `≤ ${format(row.target.max, row.unit)}${stat}`;
}

export function markdownTable(rows: readonly Row[]): string {
  const header = ['measure', 'median / value', 'p95', 'p99', 'n', 'target', 'met'];
  const body = rows.map((row) =>
    row.status === 'pending'
      ? [row.measure, `pending: ${row.note ?? ''}`, '', '', '', targetText(row), '']
      : [
          row.measure,
          format(row.value ?? row.p50, row.unit),
          row.p95 === undefined ? '' : format(row.p95, row.unit),
          row.p99 === undefined ? '' : format(row.p99, row.unit),
          row.n === undefined ? '' : String(row.n),
          targetText(row),
          row.met === undefined ? '' : row.met ? 'yes' : '**no**',
        ],
  );
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => (cells[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

export interface Results {
  /** What ran and where, so a number is never read without its conditions. */
  meta: {
    mode: 'full' | 'quick';
    startedAt: string;
    durationSeconds: number;
    node: string;
    platform: string;
    cpus: number;
    loadAverage: number[];
    chromium: string;
    /** The .cpuprofile files written with --profile. */
    profiles?: string[];
  };
  rows: Row[];
  /** The summaries and raw counts each row was computed from. */
  details: Record<string, unknown>;
}

export async function writeResults(path: string, results: Results): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(results, null, 2)}\n`);
}
