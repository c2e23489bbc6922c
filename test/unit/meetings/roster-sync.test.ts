import { describe, expect, it } from 'vitest';
import { AppError } from '../../../main/core/app-error.js';
import { createRosterSync, ROSTER_POLL_MS, type RosterResult } from '../../../main/meetings/roster-sync.js';
import { FakeClock, flushAsync } from '../../fakes/fake-clock.js';
import { MemoryLogger } from '../../fakes/in-memory-ports.js';

function world(answer: () => Promise<string[]> = async () => ['a']) {
  const clock = new FakeClock();
  const results: RosterResult<string[]>[] = [];
  const signals: AbortSignal[] = [];
  let reads = 0;
  const sync = createRosterSync<string[]>({
    clock,
    log: new MemoryLogger(),
    fetch: (signal) => {
      reads += 1;
      signals.push(signal);
      return answer();
    },
    onResult: (r) => results.push(r),
  });
  return { clock, sync, results, signals, reads: () => reads };
}

describe('roster sync', () => {
  it('reads at once on start, then every few seconds, and not at all once stopped', async () => {
    const w = world();
    expect(w.reads()).toBe(0);
    w.sync.start();
    await flushAsync();
    expect(w.reads()).toBe(1);
    await w.clock.advanceAsync(60_000);
    // 60 s at one read per ROSTER_POLL_MS, plus the first.
    expect(w.reads()).toBe(1 + 60_000 / ROSTER_POLL_MS);
    w.sync.stop();
    await w.clock.advanceAsync(60_000);
    expect(w.reads()).toBe(13);
    expect(w.clock.pendingTimers()).toBe(0);
    expect(w.results.every((r) => r.ok)).toBe(true);
  });

  it('a read in flight when the view closes is aborted and its answer dropped', async () => {
    let release!: (value: string[]) => void;
    const w = world(() => new Promise((resolve) => (release = resolve)));
    w.sync.start();
    await flushAsync();
    w.sync.stop();
    expect(w.signals[0]?.aborted).toBe(true);
    release(['late']);
    await flushAsync();
    expect(w.results).toEqual([]);
  });

  it('waits Retry-After on 429 (capped at 60 s) and backs off on other failures, reporting each', async () => {
    const failures = [
      new AppError('rate-limited', 'slow down', { status: 429, retryAfterMs: 20_000 }),
      new AppError('provider', 'boom', { status: 500 }),
    ];
    const w = world(async () => {
      const next = failures.shift();
      if (next) throw next;
      return ['ok'];
    });
    w.sync.start();
    await flushAsync();
    expect(w.results.at(-1)).toMatchObject({ ok: false, error: { code: 'rate-limited' } });
    await w.clock.advanceAsync(19_999);
    expect(w.reads()).toBe(1);
    await w.clock.advanceAsync(1);
    expect(w.reads()).toBe(2);
    expect(w.results.at(-1)).toMatchObject({ ok: false, error: { code: 'provider' } });
    // Second failure in a row: twice the interval.
    await w.clock.advanceAsync(ROSTER_POLL_MS);
    expect(w.reads()).toBe(2);
    await w.clock.advanceAsync(ROSTER_POLL_MS);
    expect(w.reads()).toBe(3);
    expect(w.results.at(-1)).toMatchObject({ ok: true, value: ['ok'] });
    w.sync.stop();
  });

  it('refresh reads now, and after a read already in flight rather than beside it', async () => {
    let inFlight = 0;
    let most = 0;
    const w = world(async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await flushAsync(1);
      inFlight -= 1;
      return ['x'];
    });
    w.sync.start();
    const a = w.sync.refresh();
    const b = w.sync.refresh();
    await Promise.all([a, b]);
    expect(w.reads()).toBe(3);
    expect(most).toBe(1);
    w.sync.stop();
  });

  it('an unexpected exception is reported as internal, not thrown', async () => {
    const w = world(async () => {
      throw new TypeError('bug');
    });
    w.sync.start();
    await flushAsync();
    expect(w.results[0]).toMatchObject({ ok: false, error: { code: 'internal' } });
    w.sync.stop();
  });
});
