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

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Characters as a person counts them: "é" typed as e + combining accent is one, a thumbs-up with
 * a skin tone is one, a family emoji is one. Never bytes, never UTF-16 units. The name is NFC
 * normalised first, the form it is sent in.
 */
export function displayNameLength(name: string): number {
  let count = 0;
  for (const _ of segmenter.segment(name.normalize('NFC'))) count += 1;
  return count;
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

/** Webex's invitationCorrelationId: a UUID with hyphens, letters in lowercase. */
export const CORRELATION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
