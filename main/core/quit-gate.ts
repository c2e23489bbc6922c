/**
 * Quitting waits for the core to stop, because stopping talks to the provider: an account's
 * webhooks are deleted at Webex, or Webex keeps posting to a relay nobody listens on. Electron does
 * not wait for a promise in before-quit, so the first quit is held back while the core stops and
 * then asked again; a dead network must never hang quitting, so the wait has a deadline.
 */
import type { Clock, Logger, TimerHandle } from './ports.js';

/** Long enough for a handful of DELETEs on a slow network; well inside an OS's shutdown delay (logind allows 5 s). */
export const QUIT_DEADLINE_MS = 3_000;

export type StopOutcome = 'stopped' | 'failed' | 'cut-short';

/**
 * Runs `stop` and waits for it at most `deadlineMs`. `stop` is called in the caller's turn: its
 * synchronous start (the call log is saved there) runs before anything else can.
 */
export function stopWithin(stop: () => Promise<void>, deps: { deadlineMs: number; clock: Clock; log: Logger }): Promise<StopOutcome> {
  const { clock, log } = deps;
  let stopping: Promise<void>;
  try {
    stopping = stop();
  } catch (error) {
    stopping = Promise.reject(error as Error);
  }
  const startedAt = clock.now();
  let timer: TimerHandle | undefined;
  const deadline = new Promise<StopOutcome>((resolve) => {
    timer = clock.setTimeout(() => resolve('cut-short'), deps.deadlineMs);
  });
  const finished = stopping.then(
    (): StopOutcome => 'stopped',
    (error: unknown): StopOutcome => {
      log.error('quit: stopping failed; quitting anyway', { error: error instanceof Error ? error.message : String(error) });
      return 'failed';
    },
  );
  return Promise.race([finished, deadline]).then((outcome) => {
    // A pending timer would keep the process alive past the quit.
    if (timer !== undefined) clock.clearTimeout(timer);
    if (outcome === 'cut-short') {
      log.warn('quit: stopping took too long; quitting without waiting (webhooks left at the provider go at the next start)', {
        deadlineMs: deps.deadlineMs,
      });
    } else {
      log.info('quit: stopped', { ms: clock.now() - startedAt });
    }
    return outcome;
  });
}

export interface QuitGate {
  /**
   * Asked on every before-quit. The first time it starts stopping and says no (hold this quit);
   * once stopping ended, or the deadline passed, it calls `quit()` again and from then on says yes.
   */
  mayQuit(): boolean;
}

export function createQuitGate(deps: { stop(): Promise<void>; quit(): void; deadlineMs?: number; clock: Clock; log: Logger }): QuitGate {
  let state: 'running' | 'stopping' | 'stopped' = 'running';
  return {
    mayQuit() {
      if (state === 'stopped') return true;
      // Quit again while stopping (a second Cmd+Q, the OS shutting down): the one wait covers it.
      if (state === 'stopping') return false;
      state = 'stopping';
      void stopWithin(() => deps.stop(), { deadlineMs: deps.deadlineMs ?? QUIT_DEADLINE_MS, clock: deps.clock, log: deps.log }).then(() => {
        state = 'stopped';
        deps.quit();
      });
      return false;
    },
  };
}
