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
import type { PushSignal, PushSource, PushTopic } from './push-source.js';

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
  /** What each topic refreshes; the signal says which thing changed, when it does. */
  refresh: Record<PushSignal['topic'], (signal?: PushSignal) => void>;
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
  /** The person hosts an open meeting (on) or no longer does (off): roster signals follow it where the source can. */
  followRoster(on: boolean): void;
  /** Whether a live source now announces changes of this kind (its poll may then slow down). */
  carries(topic: PushTopic): boolean;
}

/** How many ids are remembered for deduplication. */
const SEEN_LIMIT = 2_000;

export function createLiveUpdates(deps: LiveUpdatesDeps): LiveUpdates {
  const { clock, log } = deps;
  const timings = { ...DEFAULT_LIVE_TIMINGS, ...deps.timings };
  const listeners = new Set<(status: LiveSource) => void>();
  let source: PushSource | undefined;
  let unsubscribe: Array<() => void> = [];
  /** The source's own word that it is down (channel dropped, webhook inactive). */
  let sourceDown: string | undefined;
  /**
   * Set when push failed us (went quiet, or down): it is not trusted again, even after a restart,
   * until a signal proves events flow. The reason stays for the person to read.
   */
  let unproven: string | undefined;
  /** Why no source started, when none did. */
  let problem: string | undefined;
  let lastSignalAt = Number.NEGATIVE_INFINITY;
  let silenceTimer: TimerHandle | undefined;
  let retryTimer: TimerHandle | undefined;
  let status: LiveSource = { source: 'poll' };
  let running = false;
  // Serialises start/stop: a settings change during a start must wait for it.
  let queue: Promise<void> = Promise.resolve();
  const latest = new Map<string, number>();
  let rosterWanted = false;

  const isLive = () => source !== undefined && sourceDown === undefined && unproven === undefined;

  function publish(): void {
    const live = isLive();
    const reason = source === undefined ? (unproven ?? problem) : (sourceDown ?? unproven);
    const next: LiveSource = live && source ? { source: source.kind } : { source: 'poll', ...(reason ? { problem: reason } : {}) };
    if (!live && running) scheduleRecovery();
    if (JSON.stringify(next) === JSON.stringify(status)) return;
    const pollingBefore = status.source === 'poll';
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
    if (unproven !== undefined) {
      unproven = undefined;
      publish();
    }
    if (!isNew(signal)) return;
    try {
      deps.refresh[signal.topic](signal);
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

  /** While push is not live, start the sources afresh now and then: the relay or channel may be back. */
  function scheduleRecovery(): void {
    if (retryTimer !== undefined) return;
    retryTimer = clock.setTimeout(() => {
      retryTimer = undefined;
      if (running && !isLive()) void serial(recover);
    }, timings.retryMs);
  }

  async function recover(): Promise<void> {
    if (!running || isLive()) return;
    // A fresh start makes new webhooks or a new channel; what failed stays unproven until a signal.
    const reason = unproven ?? sourceDown;
    await closeSource();
    await openSource();
    if (source !== undefined && reason !== undefined && lastSignalAt < clock.now()) unproven = reason;
    publish();
  }

  async function openSource(): Promise<void> {
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
      if (rosterWanted) await candidate.followRoster?.(true);
      source = candidate;
      sourceDown = undefined;
      // Starting counts as hearing from it: the quiet watch measures from here.
      lastSignalAt = clock.now();
      unsubscribe = [
        candidate.onSignal(onSignal),
        candidate.onHealth((health) => {
          sourceDown = health.state === 'down' ? health.reason : undefined;
          publish();
        }),
      ];
      return;
    }
  }

  async function closeSource(): Promise<void> {
    for (const off of unsubscribe) off();
    unsubscribe = [];
    const closing = source;
    source = undefined;
    sourceDown = undefined;
    if (silenceTimer !== undefined) clock.clearTimeout(silenceTimer);
    silenceTimer = undefined;
    await closing?.stop();
  }

  async function startNow(): Promise<void> {
    running = true;
    unproven = undefined;
    await openSource();
    publish();
  }

  async function stopNow(): Promise<void> {
    running = false;
    clearTimers();
    unproven = undefined;
    problem = undefined;
    latest.clear();
    const closing = closeSource();
    publish();
    await closing;
  }

  function serial(op: () => Promise<void>): Promise<void> {
    const next = queue.then(op);
    queue = next.catch((error: unknown) => log.error('events: switching live sources failed', { error: String(error) }));
    return queue;
  }

  return {
    start: () => serial(startNow),
    stop: () => serial(stopNow),
    restart: () =>
      serial(async () => {
        await stopNow();
        await startNow();
      }),
    status: () => status,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    carries: (topic) => isLive() && source !== undefined && source.topics.includes(topic),
    followRoster(on) {
      if (on === rosterWanted) return;
      rosterWanted = on;
      void serial(async () => {
        await source?.followRoster?.(rosterWanted);
      });
    },
    pollSawChange() {
      if (source === undefined || !isLive() || silenceTimer !== undefined) return;
      if (clock.now() - lastSignalAt <= timings.silenceGraceMs) return;
      const seenAt = clock.now();
      silenceTimer = clock.setTimeout(() => {
        silenceTimer = undefined;
        if (source === undefined || lastSignalAt >= seenAt) return;
        unproven = quietReason(source);
        publish();
      }, timings.silenceGraceMs);
    },
  };
}
