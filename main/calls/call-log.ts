import { z } from 'zod';
import { HistoryEntry, type Call, type CallOutcome } from '../../preload/contract.js';
import { createCoalescedSave } from '../core/coalesced-save.js';
import type { Clock, Logger, SettingsStore } from '../core/ports.js';

export const DEFAULT_CALL_LOG_LIMIT = 1000;
/**
 * How long a save waits for more calls to end: one write for a burst, and what a crash can lose
 * (a quit loses nothing: it flushes). Shorter than a poll, so each snapshot's calls go together.
 */
export const CALL_LOG_SAVE_DELAY_MS = 250;

/** The document on disk. Versioned so a later shape can migrate instead of being thrown away. */
const LocalEntry = HistoryEntry.extend({ source: z.literal('local') });
const CallLogDocument = z.object({
  version: z.literal(1),
  entries: z.array(LocalEntry),
});
type CallLogDocument = z.infer<typeof CallLogDocument>;

export interface CallLog {
  /** Records a call the sync engine saw end, and saves it soon (see createCoalescedSave); never throws. */
  record(call: Call, outcome: CallOutcome): void;
  /** Newest first. */
  entries(): HistoryEntry[];
  /** Saves what is not saved yet, at once and on this thread: for quitting. Never throws. */
  flush(): void;
  /** Resolves once no write is in flight. */
  settled(): Promise<void>;
}

export interface CallLogDeps {
  store: SettingsStore;
  clock: Clock;
  log: Logger;
  /** Oldest entries are dropped beyond this. */
  limit?: number;
  saveDelayMs?: number;
}

/**
 * CallDeck's own log of the calls it saw end. Webex keeps only 20 records per type and cannot
 * say "answered elsewhere"; this log can, and it survives restarts.
 */
export function createCallLog(deps: CallLogDeps): CallLog {
  const limit = Math.max(1, deps.limit ?? DEFAULT_CALL_LOG_LIMIT);
  const loaded = load(deps.store, deps.log);
  // Oldest first in memory, so appending and trimming are cheap.
  let entries = loaded.entries.slice(-limit);
  const persist = loaded.persist;
  // Rewriting the whole log (with an fsync) for every call that ends held the main process for
  // milliseconds each time, far longer on a busy disk; now a burst of calls ending is one write,
  // off the thread. A failed write is logged and the entries stay in memory for the next one.
  const save = createCoalescedSave({
    store: deps.store,
    clock: deps.clock,
    log: deps.log,
    document: (): CallLogDocument => ({ version: 1, entries }),
    delayMs: deps.saveDelayMs ?? CALL_LOG_SAVE_DELAY_MS,
    what: 'call log',
  });

  return {
    record(call, outcome) {
      entries = [...entries, toEntry(call, outcome, deps.clock.now())].slice(-limit);
      if (persist) save.changed();
    },
    entries() {
      return sortNewestFirst(entries);
    },
    flush: () => save.flush(),
    settled: () => save.settled(),
  };
}

/** Pure: the log line for a call that ended `endedAtMs` (our clock) with `outcome`. */
export function toEntry(call: Call, outcome: CallOutcome, endedAtMs: number): HistoryEntry & { source: 'local' } {
  const incoming = call.personality === 'terminator';
  const answered = call.answeredAt !== undefined;
  const type = !incoming ? 'placed' : answered && outcome === 'ended' ? 'received' : 'missed';
  const endedAt = new Date(endedAtMs).toISOString();
  // Same meaning of "time" as Webex's history, so the merged list sorts sensibly: placed → when
  // dialled, received → when answered, missed → when it stopped ringing.
  const time = type === 'placed' ? call.createdAt : type === 'received' ? (call.answeredAt ?? endedAt) : endedAt;
  const entry: HistoryEntry & { source: 'local' } = {
    type,
    privacy: call.remote.privacy,
    time,
    source: 'local',
    outcome,
  };
  if (call.remote.name !== undefined) entry.name = call.remote.name;
  if (call.remote.number !== undefined) entry.number = call.remote.number;
  if (call.answeredAt !== undefined) {
    const answeredMs = Date.parse(call.answeredAt);
    if (!Number.isNaN(answeredMs)) entry.durationSec = Math.max(0, Math.round((endedAtMs - answeredMs) / 1000));
  }
  return entry;
}

export function sortNewestFirst<T extends { time: string }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => timeMs(b.time) - timeMs(a.time));
}

function load(store: SettingsStore, log: Logger): { entries: CallLogDocument['entries']; persist: boolean } {
  const read = store.read();
  if (read.ok && isEmptyDocument(read.data)) return { entries: [], persist: true };
  const parsed = read.ok ? CallLogDocument.safeParse(read.data) : undefined;
  if (parsed?.success) return { entries: parsed.data.entries, persist: true };

  const reason = read.ok ? 'invalid call log document' : read.reason;
  // One bad entry (or a version we do not know) must not cost the person every other call.
  const entries = read.ok ? salvageEntries(read.data) : [];
  const keptAt = store.keepAside();
  log.warn('call log: stored log was damaged; kept the entries that were readable', { reason, keptAt, kept: entries.length });
  // If the damaged file could not be moved aside, do not overwrite it: it may still be recoverable.
  const persist = keptAt !== undefined;
  if (persist && entries.length > 0) {
    try {
      store.write({ version: 1, entries } satisfies CallLogDocument);
    } catch (error) {
      log.warn('call log: could not save the recovered log', { error: String(error) });
    }
  }
  return { entries, persist };
}

function salvageEntries(data: unknown): CallLogDocument['entries'] {
  const list = data !== null && typeof data === 'object' ? (data as { entries?: unknown }).entries : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry: unknown) => {
    const parsed = LocalEntry.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/** A store that was never written reads as nothing or an empty object. */
function isEmptyDocument(data: unknown): boolean {
  if (data === undefined || data === null) return true;
  return typeof data === 'object' && !Array.isArray(data) && Object.keys(data).length === 0;
}

function timeMs(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : ms;
}
