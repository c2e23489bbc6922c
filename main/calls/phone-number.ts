import {
  isSupportedCountry,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type CountryCode,
} from 'libphonenumber-js/max';

export type DestinationKind = 'phone' | 'extension' | 'feature-code' | 'sip';

export type NormalizedDestination =
  | { ok: true; dial: string; display: string; kind: DestinationKind }
  | { ok: false; reason: string };

/** Matches the contract's Destination schema; longer input is never a real destination. */
export const MAX_DESTINATION_LENGTH = 256;

/** Webex Calling extensions are 2–8 digits here; anything longer is read as a phone number. */
const EXTENSION = /^\d{2,8}$/;
const FEATURE_CODE = /^[*#][0-9*#]{1,30}$/;
/** What people put between digits: spaces, dashes (incl. typographic ones), dots, parentheses, slashes. */
const SEPARATORS = /[\s\-.()/\u2010-\u2015]/gu;
const ALLOWED_IN_NUMBER = /^[0-9+*#\s\-.()/\u2010-\u2015]*$/u;

const SIP_USER = /^[A-Za-z0-9\-_.!~*'()&=+$,;?/%]+$/;
const HOST_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const IPV6_LITERAL = /^\[[0-9A-Fa-f:.]+\]$/;
const SIP_PARAMS = /^(?:;[A-Za-z0-9\-_.!~*'()%]+(?:=[A-Za-z0-9\-_.!~*'()%[\]/:&+$]+)?)*$/;

/**
 * Reads a destination as a person typed or pasted it and returns what to send to Webex (`dial`)
 * and how to show it (`display`), or a reason a person can act on. Nothing is ever guessed into
 * a different number: when in doubt, it is rejected.
 */
export function normalizeDestination(input: string, defaultCountry: string): NormalizedDestination {
  if (input.length > MAX_DESTINATION_LENGTH) {
    return fail(`That is too long: a number or address has at most ${MAX_DESTINATION_LENGTH} characters.`);
  }
  // Right-to-left overrides, embeddings and isolates change the order digits are shown in, so what
  // the person saw would not be what is dialled. (The left-to-right ones Outlook adds are harmless.)
  if (/[\u202B\u202E\u2067]/u.test(input)) {
    return fail('That contains right-to-left formatting that changes how the number looks. Type or paste just the number.');
  }
  // Invisible formatting marks (bidi and zero-width) ride along when numbers are copied from
  // Outlook, Teams or web pages; they are never part of the number. Leading/trailing whitespace
  // (a pasted line's newline included) is dropped like the contract's `trim()` does.
  const text = input.replace(/\p{Cf}/gu, '').trim();
  if (text === '') return fail('Enter a number, an extension or a SIP address.');
  if (/\p{Cc}/u.test(text)) {
    return fail('That contains control characters (such as a line break or tab). Enter just the number.');
  }
  if (/^sips?:/i.test(text) || text.includes('@')) return sipAddress(text);
  if (/^tel:/i.test(text)) return phoneLike(text.slice('tel:'.length), defaultCountry);
  return phoneLike(text, defaultCountry);
}

/**
 * A number from Webex (E.164, extension, feature code or URI) as a person reads it: national
 * format for the user's own country, international otherwise. Anything else comes back unchanged.
 */
export function formatForDisplay(number: string, defaultCountry: string): string {
  const trimmed = number.trim();
  if (!trimmed.startsWith('+')) return number;
  const parsed = parsePhoneNumberFromString(trimmed);
  if (parsed === undefined || !parsed.isValid()) return number;
  return parsed.country === defaultCountry ? parsed.formatNational() : parsed.formatInternational();
}

function phoneLike(raw: string, defaultCountry: string): NormalizedDestination {
  // NFKC turns full-width digits and plus signs (common from CJK input methods) into ASCII.
  const text = raw.normalize('NFKC').trim();
  if (/\p{L}/u.test(text)) return fail('A phone number cannot contain letters.');
  if (!ALLOWED_IN_NUMBER.test(text)) {
    const bad = [...text].find((ch) => !ALLOWED_IN_NUMBER.test(ch)) ?? '';
    return fail(`"${bad}" is not allowed in a phone number. Use digits, and + only at the start.`);
  }
  const compact = text.replace(SEPARATORS, '');
  if (compact === '') return fail('Enter a number, an extension or a SIP address.');

  if (compact.startsWith('*') || compact.startsWith('#')) {
    if (FEATURE_CODE.test(compact)) return { ok: true, dial: compact, display: compact, kind: 'feature-code' };
    return fail('A feature code is * or # followed by digits, like *73.');
  }
  if (/[*#]/.test(compact)) return fail('* and # only go at the start of a feature code, like *73.');
  if (compact.lastIndexOf('+') > 0) return fail('+ can only be the first character of a number.');

  if (compact.startsWith('+')) return phoneNumber(compact, undefined, defaultCountry);
  if (compact.length < 2) return fail('That is too short: extensions have at least 2 digits.');
  if (EXTENSION.test(compact)) return { ok: true, dial: compact, display: compact, kind: 'extension' };
  if (!isSupportedCountry(defaultCountry)) {
    return fail('Numbers without + need a country: choose yours in Settings, or start the number with + and the country code.');
  }
  return phoneNumber(compact, defaultCountry, defaultCountry);
}

function phoneNumber(compact: string, country: CountryCode | undefined, defaultCountry: string): NormalizedDestination {
  const where = country === undefined ? 'for that country code' : `for your country (${countryName(country)})`;
  const elsewhere = country === undefined ? '' : ' Numbers in other countries start with + and the country code.';
  switch (validatePhoneNumberLength(compact, country)) {
    case 'INVALID_COUNTRY':
      return fail(
        country === undefined
          ? 'That country code does not exist. Check the digits after +.'
          : 'Numbers without + need a country: choose yours in Settings, or start the number with + and the country code.',
      );
    case 'NOT_A_NUMBER':
      return fail('That is not a phone number.');
    case 'TOO_SHORT':
      return fail(`That number is too short ${where}.`);
    case 'TOO_LONG':
      return fail(`That number is too long ${where}.${elsewhere}`);
    case 'INVALID_LENGTH':
      return fail(`That number has the wrong number of digits ${where}.${elsewhere}`);
    case undefined:
      break;
  }
  const parsed = parsePhoneNumberFromString(compact, country);
  if (parsed === undefined || !parsed.isValid()) return fail(`That is not a valid number ${where}.${elsewhere}`);
  const display = parsed.country === defaultCountry ? parsed.formatNational() : parsed.formatInternational();
  return { ok: true, dial: parsed.number, display, kind: 'phone' };
}

function sipAddress(text: string): NormalizedDestination {
  const example = 'A SIP address looks like sip:name@example.com or name@example.com.';
  if (/\s/u.test(text)) return fail('A SIP address cannot contain spaces.');
  const scheme = /^sips?:/i.exec(text)?.[0]?.toLowerCase();
  const rest = scheme === undefined ? text : text.slice(scheme.length);
  const at = rest.indexOf('@');
  if (at < 0) return fail(example);
  const user = rest.slice(0, at);
  const afterAt = rest.slice(at + 1);
  if (user === '') return fail(`The part before @ is missing. ${example}`);
  if (!SIP_USER.test(user)) return fail(`The part before @ has characters a SIP address cannot use. ${example}`);

  // URI parameters (";transport=tls") only make sense on a written-out sip: URI.
  const semi = afterAt.indexOf(';');
  const hostPort = semi < 0 ? afterAt : afterAt.slice(0, semi);
  const params = semi < 0 ? '' : afterAt.slice(semi);
  if (params !== '' && (scheme === undefined || !SIP_PARAMS.test(params))) return fail(example);
  if (hostPort === '') return fail(`The part after @ is missing. ${example}`);
  if (!validHostPort(hostPort)) return fail(`"${hostPort}" is not a valid domain. ${example}`);

  const address = `${user}@${afterAt}`;
  return { ok: true, dial: scheme === undefined ? address : `${scheme}${address}`, display: address, kind: 'sip' };
}

function validHostPort(hostPort: string): boolean {
  const portMatch = /^(.*?)(?::(\d{1,5}))?$/.exec(hostPort);
  const host = portMatch?.[1] ?? '';
  const port = portMatch?.[2];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return false;
  if (IPV6_LITERAL.test(host)) return true;
  if (host.length > 253) return false;
  const labels = host.split('.');
  // A single-label host ("alice@example") is almost always a typo; Webex routes by domain.
  return labels.length >= 2 && labels.every((label) => HOST_LABEL.test(label));
}

function countryName(country: CountryCode): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(country) ?? country;
  } catch {
    // Node without full ICU data: the code is still meaningful.
    return country;
  }
}

function fail(reason: string): NormalizedDestination {
  return { ok: false, reason };
}
