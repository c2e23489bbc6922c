import type { WebexCall } from '../providers/webex/schemas.js';

/**
 * The order calls are shown in, stable from poll to poll so rows do not jump: by appearance (the
 * order the user's desk phone shows its line keys in), then by creation time, then by id.
 * Calls without an appearance come after those with one.
 */
export function orderCalls(calls: readonly WebexCall[]): WebexCall[] {
  return [...calls].sort(compareCalls);
}

export function compareCalls(a: WebexCall, b: WebexCall): number {
  const byAppearance = (a.appearance ?? Number.POSITIVE_INFINITY) - (b.appearance ?? Number.POSITIVE_INFINITY);
  if (byAppearance !== 0 && !Number.isNaN(byAppearance)) return byAppearance;
  const byCreated = createdMs(a) - createdMs(b);
  if (byCreated !== 0) return byCreated;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function createdMs(call: WebexCall): number {
  const ms = Date.parse(call.created);
  return Number.isNaN(ms) ? 0 : ms;
}
