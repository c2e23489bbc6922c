/**
 * Polls one meeting's roster while someone is looking at it, and never otherwise: the Meetings
 * view calls start() when it opens and stop() when it closes. One request chain at a time; a 429
 * waits for Retry-After, other failures back off, and the result is reported either way.
 */
import { AppError, isAppError } from '../core/app-error.js';
import type { Clock, Logger, TimerHandle } from '../core/ports.js';

/** "Refreshes every few seconds": 12 roster reads a minute while the view is open. */
export const ROSTER_POLL_MS = 5_000;
export const DEFAULT_RETRY_AFTER_MS = 5_000;
export const MAX_RETRY_AFTER_MS = 60_000;
export const MAX_BACKOFF_MS = 30_000;

export type RosterResult<T> = { ok: true; value: T } | { ok: false; error: AppError };

export interface RosterSyncDeps<T> {
  clock: Clock;
  log: Logger;
  intervalMs?: number;
  fetch(signal: AbortSignal): Promise<T>;
  onResult(result: RosterResult<T>): void;
}

export interface RosterSync {
  start(): void;
  stop(): void;
  readonly running: boolean;
  /** Reads now (after any read in flight) and resolves when that read is done. Never rejects. */
  refresh(): Promise<void>;
}

export function createRosterSync<T>(deps: RosterSyncDeps<T>): RosterSync {
  const { clock, log } = deps;
  const intervalMs = deps.intervalMs ?? ROSTER_POLL_MS;
  let running = false;
  let generation = 0;
  let timer: TimerHandle | undefined;
  let abort: AbortController | undefined;
  let failures = 0;

  const clear = () => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
  };

  function schedule(ms: number): void {
    clear();
    if (running) timer = clock.setTimeout(() => void poll(), ms);
  }

  function delayAfter(error: AppError | undefined): number {
    if (error === undefined) return intervalMs;
    if (error.code === 'rate-limited') return Math.min(error.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS, MAX_RETRY_AFTER_MS);
    return Math.min(intervalMs * 2 ** Math.max(0, failures - 1), MAX_BACKOFF_MS);
  }

  async function read(): Promise<void> {
    const mine = generation;
    abort = new AbortController();
    let result: RosterResult<T>;
    try {
      result = { ok: true, value: await deps.fetch(abort.signal) };
    } catch (thrown) {
      if (!isAppError(thrown)) log.error('roster read failed', { error: thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown) });
      result = { ok: false, error: isAppError(thrown) ? thrown : new AppError('internal', 'Reading the meeting roster failed inside CallDeck.') };
    }
    // Stopped meanwhile: the view is closed, nobody wants this answer.
    if (mine !== generation) return;
    failures = result.ok ? 0 : failures + 1;
    // Scheduled before reporting, so a listener that throws cannot stop the refresh.
    schedule(delayAfter(result.ok ? undefined : result.error));
    deps.onResult(result);
  }

  // Reads queue behind one another: a refresh during a read waits for it, then reads afresh.
  let chain: Promise<void> = Promise.resolve();
  function poll(): Promise<void> {
    clear();
    chain = chain.then(read).catch((error: unknown) => log.error('roster listener failed', { error: String(error) }));
    return chain;
  }

  return {
    start() {
      if (running) return;
      running = true;
      void poll();
    },
    stop() {
      running = false;
      generation += 1;
      clear();
      abort?.abort();
    },
    get running() {
      return running;
    },
    refresh: () => poll(),
  };
}
