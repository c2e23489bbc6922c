/**
 * What "Call to" accepts for a VideoSDK SIP call: a SIP URI or a phone number, read the same way in
 * the window (to refuse before sending) and in main (to refuse whatever gets past the window).
 * Zod-free so the renderer can import it. Phone numbers go out in E.164, as VideoSDK expects.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

export type SipTarget = { ok: true; value: string; kind: 'sip' | 'phone' } | { ok: false; reason: string };

export const MAX_SIP_TARGET_LENGTH = 256;

const SIP_USER = /^[A-Za-z0-9\-_.!~*'()&=+$,;?/%]+$/;
const SIP_HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;
const SIP_PARAMS = /^(?:;[A-Za-z0-9\-_.!~*'()%]+(?:=[A-Za-z0-9\-_.!~*'()%[\]/:&+$]+)?)*$/;
const NUMBER_CHARS = /^[0-9+\s\-.()/]*$/;

function sipUri(text: string): SipTarget {
  const scheme = /^sips?:/i.exec(text)?.[0].toLowerCase() ?? 'sip:';
  const rest = /^sips?:/i.test(text) ? text.slice(scheme.length) : text;
  const at = rest.lastIndexOf('@');
  const user = at > 0 ? rest.slice(0, at) : '';
  const hostAndParams = at > 0 ? rest.slice(at + 1) : '';
  const semi = hostAndParams.indexOf(';');
  const host = semi === -1 ? hostAndParams : hostAndParams.slice(0, semi);
  const params = semi === -1 ? '' : hostAndParams.slice(semi);
  if (!SIP_USER.test(user) || !SIP_HOST.test(host) || !SIP_PARAMS.test(params)) {
    return { ok: false, reason: 'That is not a SIP address. Use the form sip:user@host, like sip:+14155550123@sip.example.com.' };
  }
  return { ok: true, value: `${scheme}${user}@${host}${params}`, kind: 'sip' };
}

export function readSipTarget(input: string, defaultCountry: string): SipTarget {
  if (input.length > MAX_SIP_TARGET_LENGTH) return { ok: false, reason: `That is too long: at most ${MAX_SIP_TARGET_LENGTH} characters.` };
  // Invisible marks ride along when numbers are copied from web pages; they are never part of it.
  const text = input.replace(/\p{Cf}/gu, '').trim();
  if (text === '') return { ok: false, reason: 'Enter a phone number or a SIP address.' };
  if (/\p{Cc}/u.test(text)) return { ok: false, reason: 'That contains a line break or tab. Enter just the number or address.' };
  if (/^sips?:/i.test(text) || text.includes('@')) return sipUri(text);
  if (/\p{L}/u.test(text)) return { ok: false, reason: 'A phone number cannot contain letters. For a SIP address, write sip:user@host.' };
  if (!NUMBER_CHARS.test(text) || text.lastIndexOf('+') > 0) {
    return { ok: false, reason: 'That is not a phone number. Use digits, with + only at the start, like +14155550123.' };
  }
  const parsed = parsePhoneNumberFromString(text, defaultCountry as CountryCode);
  if (!parsed?.isValid()) return { ok: false, reason: 'That is not a valid phone number. Use the international form, like +14155550123.' };
  return { ok: true, value: parsed.number, kind: 'phone' };
}
