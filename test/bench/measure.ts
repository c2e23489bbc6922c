/**
 * A small timing helper: run a function repeatedly for a fixed time after a warm-up, and report
 * operations per second. Results are only ever printed as ratios against a baseline measured in
 * the same run, because absolute numbers on a shared machine mean little.
 */
export interface Measurement {
  name: string;
  opsPerSec: number;
}

export async function measure(name: string, run: () => unknown, { warmupMs = 300, durationMs = 1500 } = {}): Promise<Measurement> {
  const until = (ms: number) => performance.now() + ms;
  for (const end = until(warmupMs); performance.now() < end; ) await run();
  let ops = 0;
  const start = performance.now();
  for (const end = start + durationMs; performance.now() < end; ops++) await run();
  return { name, opsPerSec: ops / ((performance.now() - start) / 1000) };
}

export function printRatios(title: string, baseline: Measurement, others: Measurement[]): void {
  process.stdout.write(`\n${title}\n`);
  const rows = [baseline, ...others].map((m) => ({
    case: m.name,
    'ops/s': Math.round(m.opsPerSec).toLocaleString('en-US'),
    // Time per operation relative to the baseline: 2.00× takes twice as long, 0.50× half.
    'time vs baseline': `${(baseline.opsPerSec / m.opsPerSec).toFixed(2)}×`,
  }));
  console.table(rows);
}
