import type { Call, CallOutcome, CallsSnapshot, LineStatus } from '../../preload/contract.js';
import { isAppError } from '../core/app-error.js';
import type { Clock, Logger, TimerHandle } from '../core/ports.js';
import type { WebexCall } from '../providers/webex/schemas.js';
import type { CallsProvider } from '../providers/calls-provider.js';
import { orderCalls } from './call-order.js';
import { createMissedCallClassifier, outcomeWithoutHistory, type ClassifyVanished, type VanishedCall } from './classify-vanished.js';
import { toCall } from './to-call.js';

export interface CallSyncDeps {
  provider: CallsProvider;
  clock: Clock;
  log: Logger;
  /** Read before every scheduling decision, so a settings change applies from the next poll. */
  intervals: () => { activeMs: number; idleMs: number };
  lineLabel: () => string;
  onSnapshot: (snapshot: CallsSnapshot) => void;
  /** How a ringing call that vanished unanswered ended; by default one look at the missed history. */
  classifyVanished?: ClassifyVanished;
  /** Takes off actions this line is known to refuse (e.g. recording controls its mode forbids). */
  offerFilter?: (actions: Call['actions']) => Call['actions'];
}

export interface CallSync {
  start(): void;
  stop(): void;
  /** Polls as soon as allowed and resolves when a poll started after this call has finished. Never rejects. */
  refresh(): Promise<void>;
  snapshot(): CallsSnapshot;
  setOnline(online: boolean): void;
}

/** Webex's guidance when a 429 carries no Retry-After, and the longest we are willing to wait. */
export const DEFAULT_RETRY_AFTER_MS = 5_000;
export const MAX_RETRY_AFTER_MS = 60_000;
/** Failures back off by doubling from the normal interval up to this. */
export const MAX_FAILURE_BACKOFF_MS = 15_000;
/** While the OS says we are offline, probe this often in case it is wrong (VPNs, captive portals). */
export const OFFLINE_PROBE_MS = 15_000;
/** A slow API must not turn polling into a back-to-back loop. */
export const MIN_GAP_MS = 100;
const MIN_INTERVAL_MS = 250;

const ANSWERED_STATES: ReadonlySet<WebexCall['state']> = new Set(['connected', 'held', 'remoteHeld']);

/** What we remember about a call across polls, to tell how it ended once it is gone. */
interface Tracked {
  /** Seen ringing here as an incoming call. */
  rang: boolean;
  viaGroup: boolean;
  answered: boolean;
}

type Ended = CallsSnapshot['ended'][number];

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
}

/**
 * Keeps the line's live calls in step with Webex by adaptive polling (Webex offers no push a
 * desktop app can use). One list request at a time; emits a snapshot only when something a person
 * could see has changed.
 */
export function createCallSync(deps: CallSyncDeps): CallSync {
  const { provider, clock, log } = deps;
  const classify = deps.classifyVanished ?? createMissedCallClassifier({ provider, log });

  let running = false;
  // Bumped by stop(): results of work started before it are dropped.
  let generation = 0;
  let timer: TimerHandle | undefined;
  let inFlight = false;
  let listAbort: AbortController | undefined;
  let classifyAbort = new AbortController();
  // refresh() callers waiting for the next poll to start and finish; a poll takes them all.
  let waiters: Deferred | undefined;
  let online = true;
  let consecutiveFailures = 0;
  // No list request before this (epoch ms): the 429 back-off.
  let holdUntil = 0;

  let raw: WebexCall[] = [];
  const tracked = new Map<string, Tracked>();
  let line: Omit<LineStatus, 'label'> = { state: 'starting' };
  let lastEmitted: { calls: Call[]; line: LineStatus } = { calls: [], line: currentLine() };
  // The emitted calls as JSON, kept rather than re-serialised on every poll (a bench hot spot).
  let lastCallsJson = '[]';

  function currentLine(): LineStatus {
    return { ...line, label: deps.lineLabel() };
  }

  /** The last list can be shown while the line is down, but not acted on: it may be stale. */
  function controllable(): boolean {
    return line.state === 'ok' || line.state === 'rate-limited' || line.state === 'starting';
  }

  function visibleCalls(): Call[] {
    const filter = deps.offerFilter;
    const calls = filter ? raw.map((r) => { const call = toCall(r); return { ...call, actions: filter(call.actions) }; }) : raw.map(toCall);
    return controllable() ? calls : calls.map((call) => ({ ...call, actions: [] }));
  }

  function emitIfChanged(ended: Ended[]): void {
    const next = { calls: visibleCalls(), line: currentLine() };
    // toCall builds keys in a fixed order and omits absent ones, so JSON equality is structural.
    const callsJson = JSON.stringify(next.calls);
    const callsChanged = callsJson !== lastCallsJson;
    // retryAt alone moving (a second 429) is not worth a snapshot: that is how error storms start.
    const lineChanged = lineKey(next.line) !== lineKey(lastEmitted.line);
    if (!callsChanged && !lineChanged && ended.length === 0) return;
    lastEmitted = next;
    lastCallsJson = callsJson;
    try {
      deps.onSnapshot({ calls: next.calls, line: next.line, ended });
    } catch (error) {
      log.error('calls: snapshot listener threw', { error: String(error) });
    }
  }

  function setLine(next: Omit<LineStatus, 'label'>, logFields?: Record<string, unknown>): void {
    if (next.state !== line.state || next.message !== line.message) {
      const fields = { from: line.state, to: next.state, ...logFields };
      if (next.state === 'ok') log.info('calls: line ok', fields);
      else log.warn('calls: line status changed', fields);
    }
    line = next;
  }

  function applySuccess(list: WebexCall[]): void {
    const now = clock.now();
    consecutiveFailures = 0;
    holdUntil = 0;
    // A successful request is better evidence than the OS's idea of connectivity.
    online = true;

    const ordered = orderCalls(list);
    const present = new Set(ordered.map((call) => call.id));
    const ended: Ended[] = [];
    const toClassify: VanishedCall[] = [];
    for (const gone of raw) {
      if (present.has(gone.id)) continue;
      const memory = tracked.get(gone.id);
      tracked.delete(gone.id);
      const call: Call = { ...toCall(gone), actions: [] };
      if (memory !== undefined && memory.rang && !memory.answered) {
        toClassify.push({ call, viaGroup: memory.viaGroup, goneAt: now });
      } else {
        ended.push({ call, outcome: 'ended' });
      }
    }
    for (const call of ordered) {
      const memory = tracked.get(call.id) ?? { rang: false, viaGroup: false, answered: false };
      if (call.state === 'alerting' && call.personality === 'terminator') memory.rang = true;
      if (call.redirections?.some((r) => r.reason === 'huntGroup' || r.reason === 'callQueue')) memory.viaGroup = true;
      if (call.answered !== undefined || ANSWERED_STATES.has(call.state)) memory.answered = true;
      tracked.set(call.id, memory);
    }

    raw = ordered;
    setLine({ state: 'ok' });
    emitIfChanged(ended);
    if (toClassify.length > 0) void classifyAndReport(toClassify);
  }

  async function classifyAndReport(vanished: VanishedCall[]): Promise<void> {
    const started = generation;
    let outcomes: CallOutcome[];
    try {
      outcomes = await classify(vanished, classifyAbort.signal);
    } catch (error) {
      log.warn('calls: classifying a call that stopped ringing failed', { error: String(error) });
      outcomes = vanished.map(outcomeWithoutHistory);
    }
    if (started !== generation) return;
    emitIfChanged(vanished.map((item, i) => ({ call: item.call, outcome: outcomes[i] ?? outcomeWithoutHistory(item) })));
  }

  function applyFailure(error: unknown): void {
    const now = clock.now();
    const fields = isAppError(error)
      ? { code: error.code, status: error.status, trackingId: error.trackingId }
      : { error: String(error) };

    if (isAppError(error) && error.code === 'rate-limited') {
      const wait = Math.min(Math.max(error.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS, MIN_GAP_MS), MAX_RETRY_AFTER_MS);
      holdUntil = now + wait;
      setLine(
        {
          state: 'rate-limited',
          message: 'Webex asked CallDeck to slow down; calls will update again shortly.',
          retryAt: new Date(holdUntil).toISOString(),
        },
        fields,
      );
      emitIfChanged([]);
      return;
    }

    consecutiveFailures += 1;
    if (!isAppError(error)) {
      log.error('calls: unexpected failure while listing calls', fields);
      setLine({ state: 'error', message: 'Something went wrong while updating calls. Retrying.' }, fields);
    } else if (error.code === 'network' || error.code === 'timeout') {
      setLine({ state: 'offline', message: offlineMessage() }, fields);
    } else if (error.code === 'unauthorized' || error.code === 'not-signed-in') {
      setLine({ state: 'unauthorized', message: 'Sign in again to see and control your calls.' }, fields);
    } else if (error.code === 'forbidden') {
      setLine(
        { state: 'error', message: 'This account is not allowed to control calls (Webex Calling licence or permission missing).' },
        fields,
      );
    } else {
      // Fixed wording per state: a varying provider message would emit a snapshot per failure.
      setLine({ state: 'error', message: 'Webex could not list your calls. Retrying.' }, fields);
    }
    emitIfChanged([]);
  }

  function offlineMessage(): string {
    return online
      ? 'Cannot reach Webex. Showing the last known calls.'
      : 'No network connection. Showing the last known calls.';
  }

  function intervalFor(): number {
    const { activeMs, idleMs } = deps.intervals();
    return Math.max(raw.length > 0 ? activeMs : idleMs, MIN_INTERVAL_MS);
  }

  /** Delay from now until the next poll, given when the last one started. */
  function nextDelay(startedAt: number): number {
    const now = clock.now();
    if (holdUntil > now) return holdUntil - now;
    if (consecutiveFailures > 0) {
      return Math.min(intervalFor() * 2 ** (consecutiveFailures - 1), MAX_FAILURE_BACKOFF_MS);
    }
    if (!online) return OFFLINE_PROBE_MS;
    // Measured start to start, so "every second" really is sixty requests a minute.
    return Math.max(startedAt + intervalFor() - now, MIN_GAP_MS);
  }

  function clearTimer(): void {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
  }

  function schedule(delay: number): void {
    clearTimer();
    timer = clock.setTimeout(() => {
      timer = undefined;
      if (running && !inFlight) void poll();
    }, delay);
  }

  async function poll(): Promise<void> {
    const started = generation;
    const mine = waiters;
    waiters = undefined;
    clearTimer();
    inFlight = true;
    const startedAt = clock.now();
    const abort = new AbortController();
    listAbort = abort;
    let result: { ok: true; calls: WebexCall[] } | { ok: false; error: unknown };
    try {
      result = { ok: true, calls: await provider.listCalls(abort.signal) };
    } catch (error) {
      result = { ok: false, error };
    }
    inFlight = false;
    listAbort = undefined;
    if (started !== generation) {
      // Stopped meanwhile; if started again, its first poll waited for this one to finish.
      mine?.resolve();
      if (running) kick();
      return;
    }
    if (result.ok) applySuccess(result.calls);
    else applyFailure(result.error);
    mine?.resolve();
    if (!running) return;
    // Someone asked for fresh state while this poll was out: poll again now, unless Webex said wait.
    if (waiters !== undefined && clock.now() >= holdUntil) void poll();
    else schedule(nextDelay(startedAt));
  }

  /** Poll now if nothing is in flight and Webex has not asked us to wait; otherwise leave it queued. */
  function kick(): void {
    if (!running || inFlight) return;
    if (clock.now() < holdUntil) {
      if (timer === undefined) schedule(holdUntil - clock.now());
      return;
    }
    void poll();
  }

  function refresh(): Promise<void> {
    if (!running) return Promise.resolve();
    waiters ??= deferred();
    const { promise } = waiters;
    kick();
    return promise;
  }

  return {
    start() {
      if (running) return;
      running = true;
      classifyAbort = new AbortController();
      kick();
    },

    stop() {
      if (!running) return;
      running = false;
      generation += 1;
      clearTimer();
      listAbort?.abort();
      classifyAbort.abort();
      waiters?.resolve();
      waiters = undefined;
    },

    refresh,

    snapshot() {
      return { calls: visibleCalls(), line: currentLine(), ended: [] };
    },

    setOnline(isOnline) {
      if (isOnline) {
        online = true;
        void refresh();
        return;
      }
      online = false;
      if (line.state !== 'rate-limited') setLine({ state: 'offline', message: offlineMessage() });
      emitIfChanged([]);
      // Drop the fast cadence; a probe, a refresh or the OS saying we are back will tell.
      if (running && !inFlight && holdUntil <= clock.now()) schedule(OFFLINE_PROBE_MS);
    },
  };
}

function lineKey(line: LineStatus): string {
  return `${line.state}\u0000${line.label}\u0000${line.message ?? ''}`;
}

function deferred(): Deferred {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
