import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { Call, Party } from '../../preload/contract.js';

/**
 * A caller's number as the window's call list shows it (renderer/format/phone.ts), so the tray,
 * popup and notifications read the same: international format for full numbers, everything else
 * (extensions, SIP URIs) exactly as Webex sent it.
 */
export function callerNumber(raw: string, country: string): string {
  const trimmed = raw.trim();
  if (trimmed.includes('@') || /^sips?:/i.test(trimmed) || /[a-z]/i.test(trimmed)) return raw;
  if (trimmed.replace(/\D/g, '').length < 7) return raw;
  const parsed = parsePhoneNumberFromString(trimmed, country as CountryCode);
  return parsed?.isValid() ? parsed.formatInternational() : raw;
}

/** Who a call is with, as the tray, popup and notifications name them. */
export function partyLabel(party: Party, country: string): string {
  if (party.privacy) return party.name ?? 'Private number';
  if (party.name) return party.name;
  if (party.number) return callerNumber(party.number, country);
  return 'Unknown caller';
}

/** The number under the name, unless it is private or already the headline. */
export function partyNumber(party: Party, country: string): string | undefined {
  if (party.privacy || !party.name || !party.number) return undefined;
  return callerNumber(party.number, country);
}

/** Elapsed time as mm:ss, or h:mm:ss from an hour on; clock skew reads 00:00. */
export function formatElapsed(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** Seconds on the call: from the answer, or from creation for calls never answered. */
export function secondsOnCall(call: Call, now: number): number {
  const start = Date.parse(call.answeredAt ?? call.createdAt);
  return Number.isNaN(start) ? 0 : (now - start) / 1000;
}

/** Keeps a line of text within `max` characters, ending in an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
