/**
 * Webex Meetings payloads as Cisco's contracts define them (webex-meeting-participants and
 * webex-meetings-list in ../shared/contracts). Responses are parsed with these at the edge.
 * Objects are `loose`: Webex adds fields over time and the roster must not break when it does.
 */
import { z } from 'zod';

export const WebexParticipantState = z.enum(['lobby', 'end', 'joined', 'breakoutSession']);

export const WebexMeetingParticipant = z.looseObject({
  id: z.string().min(1),
  host: z.boolean().optional(),
  coHost: z.boolean().optional(),
  email: z.string().optional(),
  displayName: z.string().optional(),
  muted: z.boolean().optional(),
  video: z.enum(['on', 'off']).optional(),
  state: WebexParticipantState.optional(),
  meetingId: z.string().optional(),
  joinedTime: z.string().optional(),
  leftTime: z.string().optional(),
  /** Only each device's correlationId is used (to recognise a call-out that joined); a misfit is dropped, not fatal. */
  devices: z.array(z.looseObject({ correlationId: z.string().optional() })).optional().catch(undefined),
});
export type WebexMeetingParticipant = z.infer<typeof WebexMeetingParticipant>;

export const WebexParticipantList = z.looseObject({ items: z.array(WebexMeetingParticipant) });

/** What the callout body may carry; the contract lists only sipAddress, seed 000 documents phoneNumber too. */
export const WebexAddressType = z.enum(['sipAddress', 'phoneNumber']);
export type WebexAddressType = z.infer<typeof WebexAddressType>;

/**
 * The call-out answer, read as leniently as can be: a 2xx means the phone is ringing, so no new
 * field or new value may turn it into a failure. Each documented field is kept only when it is a
 * non-empty string; anything else is dropped (the schema never rejects).
 */
const FIELDS = ['participantId', 'invitationCorrelationId', 'meetingNumber', 'meetingId', 'state'] as const;
export const WebexCalloutResponse = z.unknown().transform((body) => {
  const record = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const read: Partial<Record<(typeof FIELDS)[number], string>> = {};
  for (const field of FIELDS) {
    const value = record[field];
    if (typeof value === 'string' && value !== '') read[field] = value;
  }
  return read;
});
export type WebexCalloutResponse = z.infer<typeof WebexCalloutResponse>;

/**
 * A List Meetings item. With a number Webex answers the scheduled meeting (or the series), never
 * the running instance, so type and state are read as text and judged by the caller.
 */
export const WebexMeeting = z.looseObject({
  id: z.string().min(1),
  meetingSeriesId: z.string().optional(),
  meetingNumber: z.string().optional(),
  title: z.string().optional(),
  meetingType: z.string().optional(),
  state: z.string().optional(),
  hostEmail: z.string().optional(),
});
export type WebexMeeting = z.infer<typeof WebexMeeting>;

export const WebexMeetingList = z.looseObject({ items: z.array(WebexMeeting) });
