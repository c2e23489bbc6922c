/**
 * The bench is an instrument, not a test: nothing here asserts a timing. This checks that a quick
 * run completes and reports every figure the issue asks for, so a refactor cannot silently break
 * a measurement.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import type { Results, Row } from '../../../bench/report.js';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** Every figure of issues 13 and 19, by id. */
const FIGURES = [
  'action.toLine.p50Ratio',
  'action.toLine.p99Ratio',
  'action.toLine.ms',
  'baseline.toLine.ms',
  'action.beforeUndici.ms',
  'action.roundTrip.p50Ratio',
  'hotkey.beyondLoopback.ms',
  'click.beyondLoopback.ms',
  'inputBaseline.loopback.ms',
  'inputBaseline.bridge.ms',
  'click.stage.page.ms',
  'click.stage.bridge.ms',
  'click.stage.wire.ms',
  'screen.incoming.raw.ms',
  'screen.incoming.polled.ms',
  'screen.remoteHold.raw.ms',
  'screen.remoteHold.polled.ms',
  'render.calls10.commitMs',
  'render.calls100.commitMs',
  'render.calls500.commitMs',
  'render.calls10.longTasks',
  'render.calls100.longTasks',
  'render.calls500.longTasks',
  'render.roster500.commitMs',
  'render.roster500.longTasks',
  'memory.renderer.idle.heapMB',
  'memory.renderer.calls100.heapMB',
  'memory.renderer.calls500.heapMB',
  'memory.core.idle.heapMB',
  'memory.core.idle.rssMB',
  'memory.core.calls.heapMB',
  'memory.core.calls.rssMB',
  'memory.core.churn.heapGrowthMB',
  'memory.core.churn.rssGrowthMB',
  'memory.core.churn.secondHalfHeapGrowthMB',
  'core.pollMs',
  'core.callLogWrite.ms',
  'core.callLogWrite.baseline.ms',
  'core.callLogWrite.background.ms',
  'core.callLogWrite.perCall.ratio',
  'core.callLogWrite.writes',
  'size.renderer.window.gzipKB',
  'size.renderer.lazy.gzipKB',
  'size.renderer.gzipKB',
  'size.preload.KB',
  'size.main.KB',
  'api.idle.perMinute',
  'api.oneCall.perMinute',
  'api.meetings.perMinute',
  'api.listOverlaps',
  'push.webhooks.screen.ms',
  'push.webhooks.idle.perMinute',
  'push.webhooks.oneCall.perMinute',
  'push.webhooks.ownLineOnly.idle.perMinute',
  'push.webhooks.ownLineOnly.oneCall.perMinute',
  'push.xsi.screen.ms',
  'push.xsi.idle.perMinute',
  'push.xsi.ownLineOnly.idle.perMinute',
  'push.xsi.oneCall.perMinute',
  'push.poll.screen.ms',
  'push.poll.idle.perMinute',
  'push.poll.oneCall.perMinute',
  'push.screen.p50Ratio',
];

function hasFigure(row: Row): boolean {
  if (row.value !== undefined) return Number.isFinite(row.value);
  return [row.p50, row.p95, row.p99].every((v) => v !== undefined && Number.isFinite(v)) && (row.n ?? 0) > 0;
}

describe('npm run bench -- --quick', () => {
  let work = '';
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  test('runs to the end, prints the table and writes every figure to the results file', { timeout: 400_000 }, async () => {
    work = await mkdtemp(join(tmpdir(), 'calldeck-bench-smoke-'));
    const out = join(work, 'results.json');
    const run = spawn(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--quick', '--profile', '--out', out], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    run.stdout.on('data', (chunk: Buffer) => (stdout += String(chunk)));
    run.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
    const code = await new Promise<number | null>((resolve) => run.on('close', resolve));
    expect(code, stderr).toBe(0);

    const results = JSON.parse(await readFile(out, 'utf8')) as Results;
    expect(results.meta.mode).toBe('quick');
    const byId = new Map(results.rows.map((row) => [row.id, row]));
    expect([...byId.keys()].sort()).toEqual([...FIGURES].sort());
    for (const id of FIGURES) {
      const row = byId.get(id)!;
      expect(row.status, `${id} is pending: ${row.note}`).toBe('measured');
      expect(hasFigure(row), `${id} has no finite figure: ${JSON.stringify(row)}`).toBe(true);
      // Every row is in the printed table.
      expect(stdout).toContain(`| ${row.measure}`);
    }
    expect(results.meta.profiles).toHaveLength(2);
    for (const profile of results.meta.profiles ?? []) expect(existsSync(profile), profile).toBe(true);
  });
});
