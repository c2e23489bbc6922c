/**
 * Webex People API payloads as ../shared/contracts/webex-people.openapi.json defines them (only
 * the fields CallDeck reads). Loose: Webex adds fields freely, and unknown ones are kept.
 */
import { z } from 'zod';

export const WebexPhoneNumber = z.looseObject({
  type: z.enum(['work', 'work_extension', 'mobile', 'fax']).optional(),
  value: z.string().optional(),
  primary: z.boolean().optional(),
});

export const WebexPerson = z.looseObject({
  id: z.string().optional(),
  displayName: z.string().optional(),
  nickName: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  emails: z.array(z.string()).optional(),
  phoneNumbers: z.array(WebexPhoneNumber).optional(),
  /** Only with callingData=true, and only for a person with a Webex Calling licence. */
  extension: z.string().optional(),
  locationId: z.string().optional(),
  orgId: z.string().optional(),
});
export type WebexPerson = z.infer<typeof WebexPerson>;

export const WebexPersonList = z.looseObject({ items: z.array(WebexPerson) });

/**
 * GET /telephony/voiceMessages/summary, as Webex documents it (not in the contracts folder):
 * counts of new and old messages, urgent ones also counted on their own.
 */
export const WebexVoicemailSummary = z.looseObject({
  newMessages: z.number().int().nonnegative(),
  oldMessages: z.number().int().nonnegative(),
  newUrgentMessages: z.number().int().nonnegative(),
  oldUrgentMessages: z.number().int().nonnegative(),
});
export type WebexVoicemailSummary = z.infer<typeof WebexVoicemailSummary>;
