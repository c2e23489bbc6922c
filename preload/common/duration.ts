/** Elapsed time as mm:ss, or h:mm:ss from an hour on. Negative (clock skew) reads 00:00. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** Seconds between an ISO timestamp and `now` (ms). Unparseable timestamps count as "just now". */
export function secondsSince(iso: string, now: number): number {
  const start = Date.parse(iso);
  return Number.isNaN(start) ? 0 : (now - start) / 1000;
}

/** Seconds on the call: from the answer, or from creation for calls never answered. */
export function secondsOnCall(call: { answeredAt?: string | undefined; createdAt: string }, now: number): number {
  return secondsSince(call.answeredAt ?? call.createdAt, now);
}
