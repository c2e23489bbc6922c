import type { Clock, TimerHandle } from './ports.js';

/** The real clock; the harness uses it too. Tests use test/fakes/fake-clock.ts. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms) as unknown as TimerHandle,
  clearTimeout: (handle) => clearTimeout(handle as unknown as NodeJS.Timeout),
};
