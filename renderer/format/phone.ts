import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { CountryCode } from 'libphonenumber-js';
import type { Party } from '../../preload/contract';

/**
 * A phone number as a person reads it. Only full E.164-style numbers are reformatted: short
 * extensions ("4102"), SIP URIs and anything else stay exactly as the provider sent them, because
 * "helpfully" reformatting those would make them wrong.
 */
export function formatNumber(raw: string, defaultCountry = 'US'): string {
  const trimmed = raw.trim();
  if (trimmed.includes('@') || /^sips?:/i.test(trimmed) || /[a-z]/i.test(trimmed)) return raw;
  const digits = trimmed.replace(/\D/g, '');
  // Internal extensions are shorter than any national number.
  if (digits.length < 7) return raw;
  const parsed = parsePhoneNumberFromString(trimmed, defaultCountry as CountryCode);
  return parsed?.isValid() ? parsed.formatInternational() : raw;
}

/** The party's name if known, else the formatted number, else a privacy-aware placeholder. */
export function partyName(party: Party, defaultCountry?: string): string {
  if (party.privacy) return party.name ?? 'Private number';
  if (party.name) return party.name;
  if (party.number) return formatNumber(party.number, defaultCountry);
  return 'Unknown caller';
}

/** The line under the name: the number, unless it is private or already the headline. */
export function partyDetail(party: Party, defaultCountry?: string): string | undefined {
  if (party.privacy) return party.name ? 'Private number' : undefined;
  if (party.name && party.number) return formatNumber(party.number, defaultCountry);
  return undefined;
}
