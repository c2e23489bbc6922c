import type { HistoryEntry } from '../../preload/contract.js';
import { sortNewestFirst } from './call-log.js';
import { sameNumber } from './classify-vanished.js';

/**
 * How far apart Webex's time and ours may be for one call. Ours for a missed call is when a
 * poll saw it gone (a poll interval late at most), and the two clocks may differ a little.
 */
const SAME_CALL_WINDOW_MS = 15_000;

/**
 * Webex's history (20 per type) and CallDeck's own log overlap for every call both saw. Each
 * local entry replaces the Webex record of the same call, since it also knows how the call
 * ended and how long it lasted; Webex records with no local twin (calls from before CallDeck
 * ran, or on another device while it was closed) are kept.
 */
export function mergeHistory(webex: readonly HistoryEntry[], local: readonly HistoryEntry[]): HistoryEntry[] {
  const unmatched = [...webex];
  for (const entry of local) {
    const twin = unmatched.findIndex(
      (record) =>
        record.type === entry.type &&
        // Private calls have no number on either side; the type and time still pair them.
        (record.number === undefined || entry.number === undefined
          ? record.number === entry.number
          : sameNumber(record.number, entry.number)) &&
        Math.abs(Date.parse(record.time) - Date.parse(entry.time)) <= SAME_CALL_WINDOW_MS,
    );
    if (twin >= 0) unmatched.splice(twin, 1);
  }
  return sortNewestFirst([...local, ...unmatched]);
}
