import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../fakes/fake-clock.js';

describe('FakeClock', () => {
  it('fires due timers in due order, ties in the order set, each at its own time', () => {
    const clock = new FakeClock(1_000);
    const fired: Array<[string, number]> = [];
    clock.setTimeout(() => fired.push(['b', clock.now()]), 20);
    clock.setTimeout(() => fired.push(['a', clock.now()]), 10);
    clock.setTimeout(() => fired.push(['c', clock.now()]), 20);
    clock.setTimeout(() => fired.push(['late', clock.now()]), 31);
    clock.advance(30);
    expect(fired).toEqual([
      ['a', 1_010],
      ['b', 1_020],
      ['c', 1_020],
    ]);
    expect(clock.now()).toBe(1_030);
    expect(clock.pendingTimers()).toBe(1);
    expect(clock.nextTimerAt()).toBe(1_031);
  });

  it('fires timers scheduled by callbacks within the same window, and honours clearTimeout', () => {
    const clock = new FakeClock(0);
    const fired: number[] = [];
    const cancelled = clock.setTimeout(() => fired.push(-1), 5);
    clock.setTimeout(() => {
      fired.push(clock.now());
      clock.setTimeout(() => fired.push(clock.now()), 10);
    }, 10);
    clock.clearTimeout(cancelled);
    clock.advance(25);
    expect(fired).toEqual([10, 20]);
  });

  it('advanceAsync lets promise chains run between timers', async () => {
    const clock = new FakeClock(0);
    const seen: string[] = [];
    clock.setTimeout(() => {
      void Promise.resolve().then(() => {
        seen.push(`then@${clock.now()}`);
        clock.setTimeout(() => seen.push(`second@${clock.now()}`), 5);
      });
    }, 10);
    await clock.advanceAsync(20);
    expect(seen).toEqual(['then@10', 'second@15']);
  });

  it('accepts an ISO start, refuses to go backwards, and catches runaway timers', () => {
    const clock = new FakeClock('2026-01-01T00:00:00.000Z');
    expect(clock.iso()).toBe('2026-01-01T00:00:00.000Z');
    expect(() => clock.advance(-1)).toThrow();
    const loop = () => {
      clock.setTimeout(loop, 1);
    };
    loop();
    expect(() => clock.runAll(50)).toThrow(/still 1 timers/);
  });
});
