import { normalizeDestination } from '../calls/index.js';
import type { WebexAddressType } from '../providers/webex/meetings-schemas.js';

export type CalloutAddress =
  | { ok: true; address: string; addressType: WebexAddressType; display: string }
  | { ok: false; reason: string };

/**
 * What a person typed into "SIP address or number", as Webex's call-out takes it: a SIP URI
 * (sip:/sips:, added when only user@host was typed) or a phone number in E.164 with addressType
 * phoneNumber (seed 000). Extensions and feature codes only mean something on a Calling line.
 */
export function calloutAddress(input: string, defaultCountry: string): CalloutAddress {
  const read = normalizeDestination(input, defaultCountry);
  if (!read.ok) return { ok: false, reason: read.reason };
  switch (read.kind) {
    case 'sip':
      return { ok: true, address: /^sips?:/i.test(read.dial) ? read.dial : `sip:${read.dial}`, addressType: 'sipAddress', display: read.display };
    case 'phone':
      return { ok: true, address: read.dial, addressType: 'phoneNumber', display: read.display };
    case 'extension':
    case 'feature-code':
      return {
        ok: false,
        reason: 'A meeting calls out to a full phone number or a SIP address, not an extension. Enter the number with its area code, or sip:name@example.com.',
      };
  }
}
