import type { Call, CallOutcome } from '../../preload/contract.js';
import type { Logger } from '../core/ports.js';
import type { WebexHistoryRecord } from '../providers/webex/schemas.js';
import type { CallsProvider } from '../providers/calls-provider.js';

/** An incoming call that stopped ringing and left the list without ever being answered on this line. */
export interface VanishedCall {
  /** As last seen. */
  call: Call;
  /** It rang here through a hunt group or call queue, so someone else may well have taken it. */
  viaGroup: boolean;
  /** Our clock (epoch ms) when a poll first found it gone. */
  goneAt: number;
}

/** One outcome per vanished call, same order. Must not throw for an expected failure. */
export type ClassifyVanished = (calls: readonly VanishedCall[], signal: AbortSignal) => Promise<CallOutcome[]>;

/** Webex stamps both `created` and the missed record's `time`; a little slack for rounding. */
const BEFORE_CREATED_MS = 2_000;
/** `goneAt` is our clock, the record's time is Webex's: allow for clock skew and poll delay. */
const AFTER_GONE_MS = 120_000;
/** Remember this many used records so two missed calls from one number match one record each. */
const REMEMBERED_RECORDS = 200;

/**
 * The list only shows that the call left. Webex's history says "missed" for "an incoming call to
 * the user that was not answered"; it never says "answered elsewhere". So: a matching missed
 * record makes it missed; no record (yet), or no history at all, is a neutral "ended". We do not
 * invent an outcome the contract does not state.
 */
export function outcomeWithoutHistory(_vanished: VanishedCall): CallOutcome {
  return 'ended';
}

export function createMissedCallClassifier(deps: { provider: Pick<CallsProvider, 'history'>; log: Logger }): ClassifyVanished {
  const used: string[] = [];

  return async (calls, signal) => {
    let records: WebexHistoryRecord[];
    try {
      records = await deps.provider.history('missed', signal);
    } catch (error) {
      deps.log.warn('calls: could not read missed-call history to classify a call that stopped ringing', {
        code: (error as { code?: unknown }).code,
      });
      return calls.map(outcomeWithoutHistory);
    }
    return calls.map((vanished) => {
      const record = records.find((candidate) => !used.includes(recordKey(candidate)) && matchesMissedRecord(vanished, candidate));
      if (record === undefined) return 'ended';
      used.push(recordKey(record));
      if (used.length > REMEMBERED_RECORDS) used.shift();
      return 'missed';
    });
  };
}

/** Pure: is this missed-call record the trace of that vanished call? */
export function matchesMissedRecord(vanished: VanishedCall, record: WebexHistoryRecord): boolean {
  const recordTime = Date.parse(record.time);
  const created = Date.parse(vanished.call.createdAt);
  if (Number.isNaN(recordTime)) return false;
  if (!Number.isNaN(created) && recordTime < created - BEFORE_CREATED_MS) return false;
  if (recordTime > vanished.goneAt + AFTER_GONE_MS) return false;

  const remote = vanished.call.remote;
  if (remote.privacy || record.privacyEnabled) return remote.privacy && record.privacyEnabled;
  if (remote.number === undefined || record.number === undefined) return true;
  return sameNumber(remote.number, record.number);
}

/** "+12015550123" and "2015550123" are the same caller; URIs compare without scheme or case. */
export function sameNumber(a: string, b: string): boolean {
  if (a.includes('@') || b.includes('@')) return stripScheme(a) === stripScheme(b);
  const da = a.replace(/\D/g, '');
  const db = b.replace(/\D/g, '');
  if (da === '' || db === '') return a.trim() === b.trim();
  if (da === db) return true;
  const [shorter, longer] = da.length < db.length ? [da, db] : [db, da];
  // A national number inside its international form; short extensions must match exactly.
  return shorter.length >= 7 && longer.endsWith(shorter);
}

function stripScheme(uri: string): string {
  return uri.trim().toLowerCase().replace(/^sips?:/, '');
}

function recordKey(record: WebexHistoryRecord): string {
  return `${record.time}|${record.number ?? ''}|${record.name ?? ''}`;
}
