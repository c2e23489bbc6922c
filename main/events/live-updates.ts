/**
 * Picks the push source that works here (the first of the factories, in order of preference, that
 * starts), turns its signals into refreshes, and watches its health. While a source is live the
 * call poll slows to a safety net; when none is (or the live one goes quiet or down) polling goes
 * back to its normal cadence, and what the person sees says which is in use.
 *
 * A signal is only a reason to refresh: nothing here reads call state out of an event. Signals are
 * deduplicated by the thing's id and eventTime, so a late, repeated or out-of-order event does not
 * cost a request: the refresh after the newer one already read the truth.
 */
import type { LiveSource } from '../../preload/contract.js';
import { isAppError } from '../core/app-error.js';
import type { Clock, Logger, TimerHandle } from '../core/ports.js';
import type { PushSignal, PushSource } from './push-source.js';

/** Makes a source for the line in use, or says it cannot be used here (undefined). */
export type PushSourceFactory = () => PushSource | undefined;

export interface LiveUpdatesTimings {
  /** The call poll's cadence while a source is live. */
  safetyNetMs: number;
  /** A change the poll saw must be followed (or preceded) by a signal within this long. */
  silenceGraceMs: number;
  /** With no source live, try starting them again this often. */
  retryMs: number;
}

export const DEFAULT_LIVE_TIMINGS: LiveUpdatesTimings = { safetyNetMs: 30_000, silenceGraceMs: 25_000, retryMs: 60_000 };

export interface LiveUpdatesDeps {
  sources: readonly PushSourceFactory[];
  clock: Clock;
  log: Logger;
  /** What each topic refreshes. */
  refresh: Record<PushSignal['topic'], () => void>;
  /** Slows the call poll to `ms` while push is live; undefined restores the normal cadence. */
  setSafetyNet(ms: number | undefined): void;
  timings?: Partial<LiveUpdatesTimings>;
}

export interface LiveUpdates {
  /** Starts the preferred source that works; resolves once one is live or polling stays. */
  start(): Promise<void>;
  /** Stops the source and removes what it made at the provider. */
  stop(): Promise<void>;
  /** Stop, then start again (settings changed, another line). */
  restart(): Promise<void>;
  status(): LiveSource;
  onStatus(listener: (status: LiveSource) => void): () => void;
  /** The calls poll saw a change: if no signal announced it, the source may have gone quiet. */
  pollSawChange(): void;
}

/** How many ids are remembered for deduplication. */
const SEEN_LIMIT = 2_000;

export function createLiveUpdates(deps: LiveUpdatesDeps): LiveUpdates {
  const { clock, log } = deps;
  const timings = { ...DEFAULT_LIVE_TIMINGS, ...deps.timings };
  const listeners = new Set<(status: LiveSource) => void>();
  let source: PushSource | undefined;
  let unsubscribe: Array<() => void> = [];
  let sourceDown: string | undefined;
  let silent = false;
  let problem: string | undefined;
  let lastSignalAt = Number.NEGATIVE_INFINITY;
  let silenceTimer: TimerHandle | undefined;
  let retryTimer: TimerHandle | undefined;
  let status: LiveSource = { source: 'poll' };
  let running = false;
  // Serialises start/stop: a settings change during a start must wait for it.
  let queue: Promise<void> = Promise.resolve();
  const latest = new Map<string, number>();

  function publish(): void {
    const live = source !== undefined && sourceDown === undefined && !silent;
    const reason = source === undefined ? problem : (sourceDown ?? (silent ? quietReason(source) : undefined));
    const next: LiveSource = live && source ? { source: source.kind } : { source: 'poll', ...(reason ? { problem: reason } : {}) };
    const pollingBefore = status.source === 'poll';
    if (JSON.stringify(next) === JSON.stringify(status)) return;
    status = next;
    deps.setSafetyNet(live ? timings.safetyNetMs : undefined);
    // Falling back: read now rather than wait for the safety net's next tick.
    if (!live && !pollingBefore) deps.refresh.calls();
    log.info('events: live source', { source: next.source, ...(next.problem ? { problem: next.problem } : {}) });
    for (const listener of listeners) listener(next);
  }

  function quietReason(s: PushSource): string {
    return s.kind === 'webhooks' ? 'No webhook deliveries arrived while calls changed (is the relay running?).' : 'No XSI events arrived while calls changed.';
  }

  function isNew(signal: PushSignal): boolean {
    if (signal.id === undefined || signal.eventTime === undefined) return true;
    const key = `${signal.topic}\u0000${signal.id}`;
    const before = latest.get(key);
    if (before !== undefined && signal.eventTime <= before) return false;
    latest.delete(key);
    latest.set(key, signal.eventTime);
    if (latest.size > SEEN_LIMIT) latest.delete(latest.keys().next().value as string);
    return true;
  }

  function onSignal(signal: PushSignal): void {
    lastSignalAt = clock.now();
    if (silenceTimer !== undefined) {
      clock.clearTimeout(silenceTimer);
      silenceTimer = undefined;
    }
    if (silent) {
      silent = false;
      publish();
    }
    if (!isNew(signal)) return;
    try {
      deps.refresh[signal.topic]();
    } catch (error) {
      log.warn('events: a refresh failed to start', { topic: signal.topic, error: String(error) });
    }
  }

  function clearTimers(): void {
    if (silenceTimer !== undefined) clock.clearTimeout(silenceTimer);
    if (retryTimer !== undefined) clock.clearTimeout(retryTimer);
    silenceTimer = undefined;
    retryTimer = undefined;
  }

  async function startNow(): Promise<void> {
    running = true;
    problem = undefined;
    for (const make of deps.sources) {
      let candidate: PushSource | undefined;
      try {
        candidate = make();
        if (candidate === undefined) continue;
        await candidate.start();
      } catch (error) {
        const message = isAppError(error) ? error.message : String(error);
        log.warn('events: a push source could not start', { kind: candidate?.kind, error: message });
        problem ??= `${candidate?.kind === 'xsi' ? 'XSI events' : 'Webhooks'}: ${message}`;
        continue;
      }
      if (!running) {
        await candidate.stop();
        return;
      }
      source = candidate;
      sourceDown = undefined;
      silent = false;
      // Starting counts as hearing from it: the quiet watch measures from here.
      lastSignalAt = clock.now();
      unsubscribe = [
        candidate.onSignal(onSignal),
        candidate.onHealth((health) => {
          sourceDown = health.state === 'down' ? health.reason : undefined;
          publish();
        }),
      ];
      publish();
      return;
    }
    publish();
    // Nothing works now; the relay, the network or the provider may be back later.
    if (running && problem !== undefined) {
      retryTimer = clock.setTimeout(() => {
        retryTimer = undefined;
        if (running && source === undefined) void serial(startNow);
      }, timings.retryMs);
    }
  }

  async function stopNow(): Promise<void> {
    running = false;
    clearTimers();
    for (const off of unsubscribe) off();
    unsubscribe = [];
    const closing = source;
    source = undefined;
    sourceDown = undefined;
    silent = false;
    problem = undefined;
    latest.clear();
    publish();
    await closing?.stop();
  }

  function serial(op: () => Promise<void>): Promise<void> {
    const next = queue.then(op);
    queue = next.catch((error: unknown) => log.error('events: switching live sources failed', { error: String(error) }));
    return queue;
  }

  return {
    start: () => serial(startNow),
    stop: () => serial(stopNow),
    restart: () => serial(async () => {
      await stopNow();
      await startNow();
    }),
    status: () => status,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    pollSawChange() {
      if (source === undefined || silent || silenceTimer !== undefined) return;
      if (clock.now() - lastSignalAt <= timings.silenceGraceMs) return;
      silenceTimer = clock.setTimeout(() => {
        silenceTimer = undefined;
        if (source === undefined || clock.now() - lastSignalAt <= timings.silenceGraceMs) return;
        silent = true;
        publish();
      }, timings.silenceGraceMs);
    },
  };
}
