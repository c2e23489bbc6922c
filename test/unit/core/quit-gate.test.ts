import { describe, expect, it } from 'vitest';
import { QUIT_DEADLINE_MS, createQuitGate, stopWithin } from '../../../main/core/quit-gate.js';
import { FakeClock, flushAsync } from '../../fakes/fake-clock.js';
import { MemoryLogger } from '../../fakes/in-memory-ports.js';

/** A stop whose synchronous start is recorded and whose end the test decides. */
function gatedStop() {
  const calls: string[] = [];
  let finish: () => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const stop = () => {
    calls.push('saved');
    return new Promise<void>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
  };
  return { stop, calls, finish: () => finish(), fail: (error: Error) => fail(error) };
}

describe('stopWithin', () => {
  it('starts the stop in the caller turn, and resolves once it ended, with no timer left behind', async () => {
    const clock = new FakeClock();
    const log = new MemoryLogger();
    const gated = gatedStop();
    const outcome = stopWithin(gated.stop, { deadlineMs: 3_000, clock, log });
    expect(gated.calls).toEqual(['saved']);
    await clock.advanceAsync(200);
    gated.finish();
    expect(await outcome).toBe('stopped');
    expect(clock.pendingTimers()).toBe(0);
    expect(log.lines.filter((l) => l.level !== 'info')).toEqual([]);
  });

  it('gives up at the deadline, not a moment before, and says so', async () => {
    const clock = new FakeClock();
    const log = new MemoryLogger();
    let settled: string | undefined;
    void stopWithin(gatedStop().stop, { deadlineMs: 3_000, clock, log }).then((outcome) => (settled = outcome));
    await clock.advanceAsync(2_999);
    expect(settled).toBeUndefined();
    await clock.advanceAsync(1);
    await flushAsync();
    expect(settled).toBe('cut-short');
    expect(log.lines).toContainEqual(expect.objectContaining({ level: 'warn', fields: { deadlineMs: 3_000 } }));
  });

  it('a stop that fails, or throws before its first await, still lets the quit go on', async () => {
    const clock = new FakeClock();
    const log = new MemoryLogger();
    const gated = gatedStop();
    const failing = stopWithin(gated.stop, { deadlineMs: 3_000, clock, log });
    gated.fail(new Error('line gone'));
    expect(await failing).toBe('failed');
    const throwing = stopWithin(
      () => {
        throw new Error('broken');
      },
      { deadlineMs: 3_000, clock, log },
    );
    expect(await throwing).toBe('failed');
    expect(clock.pendingTimers()).toBe(0);
    expect(log.lines.filter((l) => l.level === 'error').map((l) => l.fields)).toEqual([{ error: 'line gone' }, { error: 'broken' }]);
  });
});

describe('the quit gate', () => {
  function world() {
    const clock = new FakeClock();
    const log = new MemoryLogger();
    const gated = gatedStop();
    let quits = 0;
    const gate = createQuitGate({ stop: gated.stop, quit: () => (quits += 1), clock, log });
    return { clock, log, gated, gate, quits: () => quits };
  }

  it('holds the first quit while the core stops, then quits again and lets that one through', async () => {
    const { gated, gate, quits } = world();
    expect(gate.mayQuit()).toBe(false);
    expect(gated.calls).toEqual(['saved']);
    await flushAsync();
    expect(quits()).toBe(0);
    gated.finish();
    await flushAsync();
    expect(quits()).toBe(1);
    expect(gate.mayQuit()).toBe(true);
    // Once stopped, a later quit (the first was cancelled by a window) does not stop twice.
    expect(gate.mayQuit()).toBe(true);
    expect(gated.calls).toEqual(['saved']);
    expect(quits()).toBe(1);
  });

  it('a second quit while stopping is held too, without a second stop or a second quit', async () => {
    const { gated, gate, quits } = world();
    expect(gate.mayQuit()).toBe(false);
    expect(gate.mayQuit()).toBe(false);
    gated.finish();
    await flushAsync();
    expect(gated.calls).toEqual(['saved']);
    expect(quits()).toBe(1);
  });

  it(`quits after ${QUIT_DEADLINE_MS} ms when the stop never ends`, async () => {
    const { clock, gate, quits, log } = world();
    expect(gate.mayQuit()).toBe(false);
    await clock.advanceAsync(QUIT_DEADLINE_MS - 1);
    expect(quits()).toBe(0);
    await clock.advanceAsync(1);
    await flushAsync();
    expect(quits()).toBe(1);
    expect(gate.mayQuit()).toBe(true);
    expect(log.lines.some((l) => l.level === 'warn')).toBe(true);
  });
});
