import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exchangeSignal } from '../../../main/providers/exchange-signal.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('exchangeSignal', () => {
  it('aborts with the caller\'s reason when the caller aborts', () => {
    const caller = new AbortController();
    const exchange = exchangeSignal(1_000, [caller.signal, new AbortController().signal]);
    caller.abort(new Error('the user cancelled'));
    expect(exchange.signal.aborted).toBe(true);
    expect((exchange.signal.reason as Error).message).toBe('the user cancelled');
    expect(exchange.timedOut).toBe(false);
  });

  it('aborts when the client closes', () => {
    const closing = new AbortController();
    const exchange = exchangeSignal(1_000, [undefined, closing.signal]);
    closing.abort();
    expect(exchange.signal.aborted).toBe(true);
  });

  it('is aborted from the start when a source already was', () => {
    const caller = new AbortController();
    caller.abort('gone');
    expect(exchangeSignal(1_000, [caller.signal]).signal.reason).toBe('gone');
  });

  it('times out at the deadline with a TimeoutError, and says so', () => {
    const exchange = exchangeSignal(1_000, []);
    vi.advanceTimersByTime(999);
    expect(exchange.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(exchange.signal.aborted).toBe(true);
    expect((exchange.signal.reason as DOMException).name).toBe('TimeoutError');
    expect(exchange.timedOut).toBe(true);
  });

  it('once done, neither the deadline nor the sources reach it, and no timer is left', () => {
    const caller = new AbortController();
    const exchange = exchangeSignal(1_000, [caller.signal]);
    exchange.done();
    expect(vi.getTimerCount()).toBe(0);
    caller.abort();
    vi.advanceTimersByTime(5_000);
    expect(exchange.signal.aborted).toBe(false);
    expect(exchange.timedOut).toBe(false);
  });
});
