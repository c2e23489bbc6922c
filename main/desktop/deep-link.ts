import { normalizeDestination } from '../calls/index.js';

export type LinkScheme = 'tel' | 'sip' | 'sips' | 'callto';

export const LINK_SCHEMES: readonly LinkScheme[] = ['tel', 'sip', 'sips', 'callto'];

/** Far above any real tel:/sip: link; longer input is refused before it is even looked at. */
export const MAX_LINK_LENGTH = 2048;

/** What a link asks to call, before the number itself is checked. */
export type ParsedLink =
  | { ok: true; scheme: LinkScheme; target: string; extension?: string }
  | { ok: false; reason: string };

/** A link that is ready to dial: what to send to Webex and how to show it. */
export type ReadLink =
  | { ok: true; scheme: LinkScheme; dial: string; display: string; extension?: string }
  | { ok: false; reason: string };

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
/** RFC 3966 visual separators, plus the spaces browsers send as %20. */
const VISUAL_SEPARATORS = /[-.() ]/g;
const GLOBAL_NUMBER = /^\+[0-9]+$/;
const LOCAL_NUMBER = /^[0-9*#]+$/;
const PARAM_NAME = /^[A-Za-z0-9-]+$/;
/** RFC 3966 paramchar after %-decoding: unreserved, param-unreserved ("[]/:&+$") and marks. */
const PARAM_VALUE = /^[A-Za-z0-9\-_.!~*'()[\]/:&+$]+$/;
const DOMAIN = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.?$/;

/**
 * Reads a tel: (RFC 3966), sip:/sips: (RFC 3261) or callto: link as the OS hands it over. A link
 * comes from anywhere on the web, so anything unexpected is refused with a reason rather than
 * repaired: a wrong number dialled is a real phone call.
 */
export function parseLink(raw: string): ParsedLink {
  if (raw.length > MAX_LINK_LENGTH) return fail('That link is too long to be a phone number or address.');
  const text = raw.trim();
  if (hasHiddenCharacters(text)) return fail('That link contains control or invisible characters, so CallDeck will not dial it.');
  const match = SCHEME.exec(text);
  if (!match?.[1]) return fail('That is not a phone link (tel:, sip:, sips: or callto:).');
  const scheme = match[1].toLowerCase();
  if (!isLinkScheme(scheme)) {
    // Named back only when short: the scheme is the sender's text, and the reason is shown in a dialog.
    return fail(`CallDeck opens tel:, sip:, sips: and callto: links${scheme.length <= 16 ? `, not ${scheme}: links` : ''}.`);
  }
  const rest = text.slice(match[0].length);
  switch (scheme) {
    case 'tel':
      return telLink(rest);
    case 'sip':
    case 'sips':
      return sipLink(scheme, rest);
    case 'callto':
      return calltoLink(rest);
  }
}

/** Parses the link and checks the number the way the dialer does, with the user's country. */
export function readLink(raw: string, defaultCountry: string): ReadLink {
  const parsed = parseLink(raw);
  if (!parsed.ok) return parsed;
  const normalized = normalizeDestination(parsed.target, defaultCountry);
  if (!normalized.ok) return fail(normalized.reason);
  return {
    ok: true,
    scheme: parsed.scheme,
    dial: normalized.dial,
    display: normalized.display,
    ...(parsed.extension === undefined ? {} : { extension: parsed.extension }),
  };
}

export function isLinkScheme(scheme: string): scheme is LinkScheme {
  return (LINK_SCHEMES as readonly string[]).includes(scheme);
}

/** True for text that starts with one of our schemes (clipboard text can be a link, too). */
export function looksLikeLink(text: string): boolean {
  const scheme = SCHEME.exec(text.trim())?.[1]?.toLowerCase();
  return scheme !== undefined && isLinkScheme(scheme);
}

// ─── tel: ───────────────────────────────────────────────────────────────────────────────────────

function telLink(rest: string): ParsedLink {
  // "tel://" is not RFC 3966, but some pages and apps write it; the slashes carry nothing.
  const body = rest.replace(/^\/\//, '');
  const [numberPart = '', ...paramParts] = body.split(';');
  const number = decode(numberPart);
  if (number === undefined) return fail('That link has broken %-encoding.');
  if (hasHiddenCharacters(number)) return fail('That link contains control or invisible characters, so CallDeck will not dial it.');
  const params = readParams(paramParts);
  if (!params.ok) return params;

  const compact = number.replace(VISUAL_SEPARATORS, '');
  if (compact === '') return fail('That phone link has no number in it.');
  if (/[A-Za-z]/.test(compact)) return fail('A phone link cannot contain letters.');

  const extension = params.values.get('ext');
  let ext: string | undefined;
  if (extension !== undefined) {
    ext = extension.replace(VISUAL_SEPARATORS, '');
    if (!/^[0-9]{1,15}$/.test(ext)) return fail('The extension in that link (;ext=) must be digits only.');
  }
  const withExt = (target: string): ParsedLink => ({ ok: true, scheme: 'tel', target, ...(ext === undefined ? {} : { extension: ext }) });

  if (compact.startsWith('+')) {
    if (!GLOBAL_NUMBER.test(compact)) return fail('After the +, a phone number has only digits.');
    // RFC 3966 gives a global number no phone-context; one that has it anyway is still global.
    return withExt(compact);
  }
  if (!LOCAL_NUMBER.test(compact)) return fail('A phone number has only digits, and * or # for feature codes.');

  const context = params.values.get('phone-context');
  if (context === undefined) return withExt(compact);
  if (context.startsWith('+')) {
    // As libphonenumber reads RFC 3966: a global-number context is the prefix of the local number.
    const prefix = context.replace(VISUAL_SEPARATORS, '');
    if (!GLOBAL_NUMBER.test(prefix)) return fail('The phone-context in that link is not a valid number prefix.');
    if (/[*#]/.test(compact)) return fail('A feature code cannot follow a number prefix.');
    return withExt(`${prefix}${compact}`);
  }
  // A domain context names a private numbering plan: the local number is dialled as it is.
  if (!DOMAIN.test(context)) return fail('The phone-context in that link is neither a number prefix nor a domain.');
  return withExt(compact);
}

type Params = { ok: true; values: Map<string, string> } | { ok: false; reason: string };

function readParams(parts: readonly string[]): Params {
  const values = new Map<string, string>();
  for (const part of parts) {
    if (part === '') return fail('That link has an empty ;parameter.');
    const eq = part.indexOf('=');
    const name = (eq < 0 ? part : part.slice(0, eq)).toLowerCase();
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    if (!PARAM_NAME.test(name)) return fail('That link has a malformed ;parameter.');
    const value = decode(rawValue);
    if (value === undefined) return fail('That link has broken %-encoding.');
    if (eq >= 0 && !PARAM_VALUE.test(value)) return fail(`The ;${name}= value in that link has characters a phone link cannot use.`);
    // RFC 3966: each parameter at most once. Two differing ";ext=" could dial either.
    if (values.has(name)) return fail(`That link names ;${name} twice.`);
    values.set(name, value);
  }
  return { ok: true, values };
}

// ─── sip: / sips: ───────────────────────────────────────────────────────────────────────────────

function sipLink(scheme: 'sip' | 'sips', rest: string): ParsedLink {
  // Headers ("?subject=…") can carry anything; Webex's dial takes only the address.
  const withoutHeaders = rest.split('?')[0] ?? '';
  const at = withoutHeaders.lastIndexOf('@');
  if (at < 0) return fail('A SIP link needs a user and a domain, like sip:name@example.com.');
  const user = decode(withoutHeaders.slice(0, at));
  if (user === undefined) return fail('That link has broken %-encoding.');
  if (hasHiddenCharacters(user)) return fail('That link contains control or invisible characters, so CallDeck will not dial it.');
  if (user.includes(':')) return fail('That SIP link contains a password; CallDeck will not use it.');
  if (user.includes('@')) return fail('A SIP link has one @, between the user and the domain.');
  const hostAndParams = withoutHeaders.slice(at + 1);
  if (/%/.test(hostAndParams)) return fail('The domain of a SIP link cannot be %-encoded.');
  return { ok: true, scheme, target: `${scheme}:${user}@${hostAndParams}` };
}

// ─── callto: ────────────────────────────────────────────────────────────────────────────────────

function calltoLink(rest: string): ParsedLink {
  const decoded = decode(rest.replace(/^\/\//, ''));
  if (decoded === undefined) return fail('That link has broken %-encoding.');
  if (hasHiddenCharacters(decoded)) return fail('That link contains control or invisible characters, so CallDeck will not dial it.');
  if (decoded.trim() === '') return fail('That callto: link has no number in it.');
  // Skype-era links sometimes append "+type=…" options; a number never has them.
  if (/[;?]/.test(decoded) && !decoded.includes('@')) return fail('That callto: link has options CallDeck cannot use.');
  return { ok: true, scheme: 'callto', target: decoded.trim() };
}

// ─── shared ─────────────────────────────────────────────────────────────────────────────────────

/** Strict %-decoding: a lone "%" or "%zz" is an error, never passed through. */
function decode(text: string): string | undefined {
  if (/%(?![0-9A-Fa-f]{2})/.test(text)) return undefined;
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** Controls (line breaks, NUL), and format marks such as bidi overrides that can disguise a number. */
function hasHiddenCharacters(text: string): boolean {
  return /[\p{Cc}\p{Cf}\u2028\u2029]/u.test(text);
}

function fail(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}
