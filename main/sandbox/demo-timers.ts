import type { Clock, TimerHandle } from '../core/ports.js';

/**
 * The timers a demo scenario runs on: `later` schedules one step, `stop` cancels every pending
 * one, and a step that was already due when stop came does nothing.
 */
export function demoTimers(clock: Clock): { later(ms: number, run: () => void): void; stop(): void } {
  const timers = new Set<TimerHandle>();
  let stopped = false;
  return {
    later(ms, run) {
      const handle = clock.setTimeout(() => {
        timers.delete(handle);
        if (!stopped) run();
      }, ms);
      timers.add(handle);
    },
    stop() {
      stopped = true;
      for (const handle of timers) clock.clearTimeout(handle);
      timers.clear();
    },
  };
}
