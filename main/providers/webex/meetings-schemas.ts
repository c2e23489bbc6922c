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
});
export type WebexMeetingParticipant = z.infer<typeof WebexMeetingParticipant>;

export const WebexParticipantList = z.looseObject({ items: z.array(WebexMeetingParticipant) });

/** What the callout body may carry; the contract lists only sipAddress, seed 000 documents phoneNumber too. */
export const WebexAddressType = z.enum(['sipAddress', 'phoneNumber']);
export type WebexAddressType = z.infer<typeof WebexAddressType>;

export const WebexCalloutResponse = z.looseObject({
  participantId: z.string().min(1),
  invitationCorrelationId: z.string().optional(),
  meetingNumber: z.string().optional(),
  meetingId: z.string().optional(),
  address: z.string().optional(),
  addressType: WebexAddressType.optional(),
  displayName: z.string().optional(),
  state: z.literal('pending').optional(),
});
export type WebexCalloutResponse = z.infer<typeof WebexCalloutResponse>;

export const WebexMeeting = z.looseObject({
  id: z.string().min(1),
  meetingNumber: z.string().optional(),
  title: z.string(),
  meetingType: z.enum(['meetingSeries', 'scheduledMeeting', 'meeting']),
  state: z.enum(['active', 'scheduled', 'ready', 'lobby', 'inProgress', 'ended', 'missed', 'expired']),
  hostEmail: z.string().optional(),
});
export type WebexMeeting = z.infer<typeof WebexMeeting>;

export const WebexMeetingList = z.looseObject({ items: z.array(WebexMeeting) });
