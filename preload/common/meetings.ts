/**
 * Meetings rules that main, the built-in line and the window must apply identically. Zod-free,
 * so the renderer can import it without pulling the contract's schemas into its bundle.
 */

/** Webex: "The maximum length is 32 characters." */
export const CALLOUT_DISPLAY_NAME_MAX = 32;

/**
 * A watch lasts this long unless the view renews it (it does every WATCH_RENEW_MS): a window that
 * reloads or crashes without saying "unwatch" cannot keep main polling the roster.
 */
export const WATCH_LEASE_MS = 60_000;
export const WATCH_RENEW_MS = 20_000;

/** Webex stops ringing an unanswered call-out after 30 seconds. */
export const CALLOUT_RING_MS = 30_000;

/** The scopes the Meetings view needs; asked for only when "Use Webex Meetings" is on. */
export const MEETING_SCOPES = ['meeting:participants_read', 'meeting:participants_write', 'meeting:schedules_read'] as const;

/**
 * How the 32 is counted. Webex does not say; the strictest likely count is UTF-16 code units
 * (what JavaScript's and Java's `length` give): an emoji is two, e + combining accent is two
 * unless NFC composes it to é. The window's counter and messages still say "characters". The
 * name is NFC normalised first, the form it is sent in.
 */
export function displayNameLength(name: string): number {
  return name.normalize('NFC').length;
}

/** The name as sent: NFC, trimmed; what the counter counts. */
export function cleanDisplayName(name: string): string {
  return name.normalize('NFC').trim();
}

/** A meeting number as people read it out ("2634 555 1234") to the digits Webex matches on. */
export function meetingNumberDigits(input: string): string | undefined {
  const compact = input.replace(/[\s\-.\u00a0\u2010-\u2015]/gu, '');
  return /^\d{6,15}$/.test(compact) ? compact : undefined;
}

/**
 * A Webex meeting id as List Meetings gives it: 32 hex characters (a series), then `_I_<digits>`
 * (an in-progress or ended instance) or `_<yyyymmdd>T<hhmmss>Z` (a scheduled meeting).
 */
export const WEBEX_MEETING_ID = /^[0-9a-f]{32}(?:_I_\d+|_\d{8}T\d{6}Z)?$/i;

/** Webex's invitationCorrelationId: a UUID with hyphens, letters in lowercase. */
export const CORRELATION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
