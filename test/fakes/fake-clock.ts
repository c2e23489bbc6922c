/**
 * A manual Clock for tests. Time moves only when a test says so; timers fire in due-time order
 * (ties in the order they were set), each with now() equal to its due time, and timers that
 * callbacks schedule inside the advanced window fire in the same advance.
 *
 * `advance` is synchronous; `advanceAsync` also lets promise chains and I/O callbacks run before and
 * after every timer, for code under test that awaits between timers.
 */
import type { Clock, TimerHandle } from '../../main/core/ports.js';

interface Timer {
  at: number;
  seq: number;
  callback: () => void;
}

export const FAKE_CLOCK_START = Date.parse('2026-03-02T09:00:00.000Z');

export class FakeClock implements Clock {
  private time: number;
  private seq = 0;
  private readonly timers = new Map<number, Timer>();

  constructor(start: number | string = FAKE_CLOCK_START) {
    this.time = typeof start === 'string' ? Date.parse(start) : start;
    if (Number.isNaN(this.time)) throw new Error(`FakeClock: not a date: ${String(start)}`);
  }

  now(): number {
    return this.time;
  }

  /** The current time as an ISO string, handy in assertions. */
  iso(): string {
    return new Date(this.time).toISOString();
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    this.seq += 1;
    const delay = Number.isFinite(ms) && ms > 0 ? ms : 0;
    this.timers.set(this.seq, { at: this.time + delay, seq: this.seq, callback });
    return this.seq as unknown as TimerHandle;
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers.delete(handle as unknown as number);
  }

  pendingTimers(): number {
    return this.timers.size;
  }

  /** When the next timer is due, or undefined when none is pending. */
  nextTimerAt(): number | undefined {
    return this.next(Number.POSITIVE_INFINITY)?.[1].at;
  }

  advance(ms: number): void {
    const until = this.time + this.checked(ms);
    for (let due = this.next(until); due; due = this.next(until)) this.fire(due);
    this.time = until;
  }

  async advanceAsync(ms: number): Promise<void> {
    const until = this.time + this.checked(ms);
    await flushAsync();
    for (let due = this.next(until); due; due = this.next(until)) {
      this.fire(due);
      await flushAsync();
    }
    this.time = until;
    await flushAsync();
  }

  /** Runs every pending timer (and the ones they set), up to `limit` of them, guarding against loops. */
  runAll(limit = 1000): void {
    for (let i = 0; i < limit; i += 1) {
      const due = this.next(Number.POSITIVE_INFINITY);
      if (!due) return;
      this.fire(due);
    }
    throw new Error(`FakeClock.runAll: still ${this.timers.size} timers after ${limit}; is something rescheduling forever?`);
  }

  private checked(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`FakeClock: cannot advance by ${ms}`);
    return ms;
  }

  private next(until: number): [number, Timer] | undefined {
    let best: [number, Timer] | undefined;
    for (const entry of this.timers) {
      const timer = entry[1];
      if (timer.at > until) continue;
      if (!best || timer.at < best[1].at || (timer.at === best[1].at && timer.seq < best[1].seq)) best = entry;
    }
    return best;
  }

  private fire([id, timer]: [number, Timer]): void {
    this.timers.delete(id);
    this.time = Math.max(this.time, timer.at);
    timer.callback();
  }
}

/** Lets queued promise continuations and I/O callbacks run (setImmediate comes after microtasks). */
export async function flushAsync(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}
