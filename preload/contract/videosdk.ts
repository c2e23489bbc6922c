import { z } from 'zod';
import { channel, Done } from './channel.js';
import { ErrorValue } from './errors.js';

/**
 * VideoSDK SIP calls: dial a phone or SIP endpoint into a VideoSDK room, follow it, end it.
 * No token or secret crosses here: main mints a token per request and keeps it.
 */

/** Trimmed and non-empty; an ID with spaces inside is no ID. */
const Id = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${what}.`)
    .max(128, `The ${what} is at most 128 characters.`)
    .regex(/^\S+$/, `The ${what} has no spaces.`);

/** Checked again in main with the shared reader (preload/common/sip-target.ts). */
const CallTo = z.string().trim().min(1, 'Enter a phone number or a SIP address.').max(256, 'That is too long: at most 256 characters.');

export const StartSipCallArgs = z.discriminatedUnion('route', [
  z.object({
    route: z.literal('trunk'),
    roomId: Id('room ID'),
    to: CallTo,
    trunkId: Id('trunk ID'),
    displayName: z.string().trim().min(1, 'Enter a display name.').max(64),
    /** One of the trunk's numbers; absent: VideoSDK uses the trunk's first. */
    from: z.string().trim().min(1).max(32).optional(),
  }),
  z.object({
    route: z.literal('gateway'),
    roomId: Id('room ID'),
    to: CallTo,
    gatewayId: Id('gateway ID'),
  }),
]);
export type StartSipCallArgs = z.infer<typeof StartSipCallArgs>;

export const StartedSipCall = z.object({
  /** A trunk call answers the SIP participant's ID. */
  participantId: z.string().optional(),
  /** A gateway call answers the call's ID. */
  callId: z.string().optional(),
});
export type StartedSipCall = z.infer<typeof StartedSipCall>;

export const SipCall = z.object({
  id: z.string(),
  /** Where the call goes: a SIP URI or an E.164 number. */
  to: z.string(),
  roomId: z.string(),
  from: z.string().optional(),
  /** VideoSDK's status, e.g. "not-answered". */
  status: z.string(),
  /** The status in words, e.g. "Not answered". */
  statusText: z.string(),
  /** Still going: it can be ended, and its duration ticks. */
  live: z.boolean(),
  /** ISO timestamps. */
  startedAt: z.string().optional(),
  endedAt: z.string().optional(),
});
export type SipCall = z.infer<typeof SipCall>;

/**
 * A trunk call placed from this window (seed 001's POST /v2/sip/outbound-call) that VideoSDK's call
 * list does not show: kept visible with its participant ID; it cannot be ended from here.
 */
export const TrunkCall = z.object({
  participantId: z.string(),
  to: z.string(),
  roomId: z.string(),
  startedAt: z.string(),
});
export type TrunkCall = z.infer<typeof TrunkCall>;

export const VideoSdkSnapshot = z.object({
  /** Whether there is a VideoSDK account to call with, and which. */
  account: z.object({
    available: z.boolean(),
    source: z.enum(['saved', 'environment', 'demo']).optional(),
    /** On the demo line: a trunk and a gateway that exist there, so a newcomer knows what to type. */
    demo: z.object({ trunkId: z.string(), gatewayId: z.string(), roomId: z.string().optional() }).optional(),
  }),
  /** Newest first. */
  calls: z.array(SipCall),
  /** False until the list first loaded. */
  loaded: z.boolean(),
  /** Why the list could not be refreshed the last time it was tried. */
  problem: ErrorValue.optional(),
  /** Trunk calls the list does not show (newest first). */
  trunkCalls: z.array(TrunkCall).optional(),
});
export type VideoSdkSnapshot = z.infer<typeof VideoSdkSnapshot>;

export const videosdkChannels = {
  /**
   * The window shows the list (open) or stopped showing it. Main polls VideoSDK only while it is
   * shown; an open lasts a minute unless repeated, so a window that vanished stops the polling.
   */
  'videosdk:watch': channel(z.object({ open: z.boolean() }), VideoSdkSnapshot),
  'videosdk:start': channel(StartSipCallArgs, StartedSipCall),
  'videosdk:end': channel(z.object({ callId: Id('call ID') }), Done),
} as const;

export const videosdkEvents = {
  'videosdk:changed': VideoSdkSnapshot,
} as const;
