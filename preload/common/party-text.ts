import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

/**
 * How CallDeck names the other side of a call, everywhere: the window's call list, dialogs and
 * messages, and main's tray, popup and notifications. One module so they can never disagree.
 *
 * The "min" metadata set: it formats every country's numbers the same as the larger sets and keeps
 * the renderer bundle small; the extra precision of "max" (number-type patterns) is unused here.
 */

/** The caller fields the text depends on; the contract's Party satisfies it. */
export interface PartyText {
  name?: string | undefined;
  number?: string | undefined;
  privacy: boolean;
}

export const PRIVATE_NUMBER = 'Private number';
export const UNKNOWN_CALLER = 'Unknown caller';

/**
 * A phone number as a person reads it. Only full E.164-style numbers are reformatted: short
 * extensions ("4102"), SIP URIs and anything else stay exactly as the provider sent them, because
 * "helpfully" reformatting those would make them wrong.
 */
export function formatNumber(raw: string, defaultCountry = 'US'): string {
  const trimmed = raw.trim();
  if (trimmed.includes('@') || /^sips?:/i.test(trimmed) || /[a-z]/i.test(trimmed)) return raw;
  // Internal extensions are shorter than any national number.
  if (trimmed.replace(/\D/g, '').length < 7) return raw;
  const parsed = parsePhoneNumberFromString(trimmed, defaultCountry as CountryCode);
  return parsed?.isValid() ? parsed.formatInternational() : raw;
}

/**
 * The headline: the name if known, else the formatted number, else a placeholder. A private
 * caller's number is never shown, even if the provider sent one.
 */
export function partyName(party: PartyText, defaultCountry?: string): string {
  if (party.privacy) return party.name ?? PRIVATE_NUMBER;
  if (party.name) return party.name;
  if (party.number) return formatNumber(party.number, defaultCountry);
  return UNKNOWN_CALLER;
}

/**
 * The line under the name: the number when the name is the headline; for a named private caller,
 * the fact that the number is withheld; otherwise nothing (the headline already says it all).
 */
export function partyDetail(party: PartyText, defaultCountry?: string): string | undefined {
  if (party.privacy) return party.name ? PRIVATE_NUMBER : undefined;
  if (party.name && party.number) return formatNumber(party.number, defaultCountry);
  return undefined;
}
