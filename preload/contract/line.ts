import { z } from 'zod';
import { channel, None } from './channel.js';

/** The user's own line as Webex's People API knows it (GET /people/me?callingData=true). */
export const MyLine = z.object({
  name: z.string().optional(),
  number: z.string().optional(),
  extension: z.string().optional(),
});
export type MyLine = z.infer<typeof MyLine>;

/** The voicemail box's counts (GET /telephony/voiceMessages/summary); urgent ones are within the totals. */
export const VoicemailWaiting = z.object({
  newMessages: z.number().int().nonnegative(),
  newUrgentMessages: z.number().int().nonnegative(),
  oldMessages: z.number().int().nonnegative(),
});
export type VoicemailWaiting = z.infer<typeof VoicemailWaiting>;

/** null: not known (yet, or the provider would not say); the window then shows nothing rather than a guess. */
export const LineInfo = z.object({
  me: MyLine.nullable(),
  voicemail: VoicemailWaiting.nullable(),
});
export type LineInfo = z.infer<typeof LineInfo>;

export const lineChannels = {
  'line:get': channel(None, LineInfo),
} as const;

export const lineEvents = {
  'line:changed': LineInfo,
} as const;
