import { z } from 'zod';
import { channel, Done, None } from './channel.js';
import { ErrorValue } from './errors.js';

/**
 * Webex Meetings: open an in-progress meeting, watch its roster while the view is open, act on
 * participants, and call people in. Main keeps the state (roster, pending call-outs with their
 * 30-second countdown) and sends it whole as `meetings:changed`.
 */

/** Whether this line can use Webex Meetings, and if not, what the person should do. */
export const MeetingsAccess = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ready') }),
  z.object({
    state: z.literal('needs-scopes'),
    /** The scopes to add to the integration, e.g. meeting:participants_read. */
    scopes: z.array(z.string()),
    /** What to do, in words: turn on "Use Webex Meetings", sign in again. */
    howTo: z.string(),
  }),
]);
export type MeetingsAccess = z.infer<typeof MeetingsAccess>;

export const MeetingParticipant = z.object({
  id: z.string(),
  displayName: z.string(),
  email: z.string().optional(),
  host: z.boolean(),
  coHost: z.boolean(),
  muted: z.boolean(),
  video: z.enum(['on', 'off', 'unknown']),
  /** People who left (Webex state `end`) are not listed. */
  state: z.enum(['lobby', 'joined', 'breakoutSession']),
  /** The signed-in user's own row (Webex shows the roster only to the host): no Expel there. */
  you: z.boolean().optional(),
});
export type MeetingParticipant = z.infer<typeof MeetingParticipant>;

/** A call-out Webex does not list: tracked here from the POST until it joins or stops ringing. */
export const PendingCallout = z.object({
  /** Webex's participantId; when the answer had none, a local key (`invitation:<uuid>`). */
  participantId: z.string(),
  /** False when Webex's answer gave no participantId: nothing to cancel with. */
  canCancel: z.boolean().optional(),
  displayName: z.string(),
  /** As a person reads it, e.g. "(415) 555-0123" or "boardroom@example.com". */
  address: z.string(),
  startedAt: z.string(),
  /** When Webex stops ringing (30 s after the call-out). */
  endsAt: z.string(),
  state: z.enum(['ringing', 'no-answer']),
});
export type PendingCallout = z.infer<typeof PendingCallout>;

export const OpenMeeting = z.object({
  id: z.string(),
  /** Digits as Webex has them; absent when opened by ID. */
  number: z.string().optional(),
  title: z.string(),
  /**
   * Opened by number: whether List Meetings showed the running instance. False: Webex does not
   * list it yet ("may take longer"), so the roster is read through the scheduled meeting and
   * call-outs go by meeting number.
   */
  listed: z.boolean().optional(),
});
export type OpenMeeting = z.infer<typeof OpenMeeting>;

export const MeetingsSnapshot = z.object({
  access: MeetingsAccess,
  meeting: OpenMeeting.nullable(),
  participants: z.array(MeetingParticipant),
  /** How many have left (state end); they are not in `participants`. */
  leftCount: z.number().int().nonnegative(),
  callouts: z.array(PendingCallout),
  /** The roster refresh: ok with its time, or the failure the view should show. */
  sync: z.object({
    state: z.enum(['idle', 'ok', 'error']),
    updatedAt: z.string().optional(),
    error: ErrorValue.optional(),
  }),
  /** True while the Meetings view is open, the only time the roster is polled. */
  watching: z.boolean(),
  /**
   * Webex refused the roster (403: only the host or an admin may list it). The view keeps what a
   * cohost can do (Call out, the "Calling out" list) and shows this instead of the participants.
   */
  rosterHidden: ErrorValue.optional(),
});
export type MeetingsSnapshot = z.infer<typeof MeetingsSnapshot>;

const ParticipantRef = z.object({ participantId: z.string().min(1).max(512) });

export const CalloutArgs = z.object({
  address: z.string().max(256),
  /** Checked in main against CALLOUT_DISPLAY_NAME_MAX, counted in UTF-16 code units. */
  displayName: z.string().max(512),
});
export type CalloutArgs = z.infer<typeof CalloutArgs>;

export const meetingsChannels = {
  /** The Meetings view opened: start polling the open meeting's roster. */
  'meetings:watch': channel(None, MeetingsSnapshot),
  /** The view closed: stop polling. */
  'meetings:unwatch': channel(None, Done),
  'meetings:open': channel(z.object({ meeting: z.string().max(256) }), MeetingsSnapshot),
  'meetings:mute': channel(ParticipantRef, Done),
  'meetings:unmute': channel(ParticipantRef, Done),
  'meetings:admit': channel(ParticipantRef, Done),
  'meetings:expel': channel(ParticipantRef, Done),
  /** Admits everyone in the lobby (Webex's bulk admit, 100 a request). */
  'meetings:admitAll': channel(None, Done),
  'meetings:callout': channel(CalloutArgs, z.object({ participantId: z.string() })),
  'meetings:cancelCallout': channel(ParticipantRef, Done),
  /** Removes a call-out that ended with no answer from the list. */
  'meetings:dismissCallout': channel(ParticipantRef, Done),
} as const;

export const meetingsEvents = {
  'meetings:changed': MeetingsSnapshot,
} as const;
