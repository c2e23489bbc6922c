import { z } from 'zod';
import { channel, Done, None } from './channel.js';

/** Webex's states, plus 'unknown' for a value Webex added after this build (shown, not acted on). */
export const CallState = z.enum(['connecting', 'alerting', 'connected', 'held', 'remoteHeld', 'disconnected', 'unknown']);
export type CallState = z.infer<typeof CallState>;

/** clickToDial: the user's own devices alerting for a call they asked for; never an incoming call. */
export const Personality = z.enum(['originator', 'terminator', 'clickToDial', 'unknown']);
export type Personality = z.infer<typeof Personality>;

export const RecordingState = z.enum(['pending', 'started', 'paused', 'stopped', 'failed']);
export type RecordingState = z.infer<typeof RecordingState>;

/** What a person can do to a call right now; main decides, so window, tray and hotkeys agree. */
export const CallAction = z.enum([
  'answer',
  'decline',
  /** Reject with `ignore`: this line stops ringing; the caller keeps hearing ringing until no one answers. */
  'ignore',
  /** Reject with `temporarilyUnavailable`. */
  'unavailable',
  /** Divert a ringing call to a number, or to someone's voicemail. */
  'forward',
  'voicemail',
  'hangup',
  'hold',
  'resume',
  'mute',
  'unmute',
  'transfer',
  'park',
  /** An answered call can be diverted into someone's voicemail (divert works on any call). */
  'transferToVoicemail',
  'keypad',
  'startRecording',
  'pauseRecording',
  'resumeRecording',
  'stopRecording',
]);
export type CallAction = z.infer<typeof CallAction>;

export const Party = z.object({
  name: z.string().optional(),
  number: z.string().optional(),
  privacy: z.boolean(),
});
export type Party = z.infer<typeof Party>;

export const Call = z.object({
  id: z.string(),
  sessionId: z.string(),
  personality: Personality,
  state: CallState,
  remote: Party,
  /** Why it rings, in words, e.g. "via Sales hunt group"; present while alerting. */
  via: z.string().optional(),
  /** Set when this is a recall, e.g. "Recall: parked on 4102". */
  recall: z.string().optional(),
  createdAt: z.string(),
  answeredAt: z.string().optional(),
  recording: RecordingState.optional(),
  muteCapable: z.boolean(),
  muted: z.boolean(),
  actions: z.array(CallAction),
  /** The secondary line this call is on, named by its owner; absent on my own line. */
  line: z.object({ id: z.string(), name: z.string() }).optional(),
  /** Webex would take "Push to executive" for this call (an assistant's call on an executive's line). */
  pushable: z.boolean().optional(),
});
export type Call = z.infer<typeof Call>;

/**
 * How a call that left the list ended, as far as this app can tell, and nothing more: what the
 * user did (declined, ignored, forwarded, voicemail, cancelled their own dial), else Webex's
 * missed-call record (missed), else a neutral 'ended'. 'answered-elsewhere' is no longer produced
 * (Webex never says so); it stays readable in saved call logs.
 */
export const CallOutcome = z.enum(['ended', 'answered-elsewhere', 'missed', 'declined', 'ignored', 'forwarded', 'voicemail', 'cancelled']);
export type CallOutcome = z.infer<typeof CallOutcome>;

export const LineStatus = z.object({
  state: z.enum(['starting', 'ok', 'offline', 'rate-limited', 'unauthorized', 'error']),
  /** Human-readable, e.g. "Demo line — no account connected". */
  label: z.string(),
  message: z.string().optional(),
  retryAt: z.string().optional(),
});
export type LineStatus = z.infer<typeof LineStatus>;

export const CallsSnapshot = z.object({
  calls: z.array(Call),
  line: LineStatus,
  /** Calls that left the list since the previous snapshot, with how they ended. */
  ended: z.array(z.object({ call: Call, outcome: CallOutcome })),
});
export type CallsSnapshot = z.infer<typeof CallsSnapshot>;

export const HistoryEntry = z.object({
  type: z.enum(['placed', 'missed', 'received']),
  name: z.string().optional(),
  number: z.string().optional(),
  privacy: z.boolean(),
  time: z.string(),
  /** "webex" for the provider's history (20 per type), "local" for CallDeck's own log. */
  source: z.enum(['webex', 'local']),
  outcome: CallOutcome.optional(),
  durationSec: z.number().int().nonnegative().optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

const CallRef = z.object({ callId: z.string().min(1).max(512) });
/** A number or SIP URI as typed by a person; main validates and normalises it. */
const Destination = z.string().trim().min(1, 'Enter a number').max(256);

export const TransferArgs = z.union([
  /** Blind transfer: Webex's divert, at once, without waiting for anyone to answer. */
  z.object({ callId: z.string().min(1), mode: z.literal('blind'), destination: Destination }),
  /**
   * Mute transfer: Webex rings the destination and transfers only if it responds; otherwise the
   * call stays with the user. Answers with the new call to the destination.
   */
  z.object({ callId: z.string().min(1), mode: z.literal('mute'), destination: Destination }),
  z.object({ callId: z.string().min(1), mode: z.literal('attended'), otherCallId: z.string().min(1) }),
  /** Into the destination's voicemail (divert with toVoicemail). */
  z.object({ callId: z.string().min(1), mode: z.literal('voicemail'), destination: Destination }),
]);
export type TransferArgs = z.infer<typeof TransferArgs>;

/** `busy` is Decline; the other two are in the call's menu. */
export const RejectAction = z.enum(['busy', 'temporarilyUnavailable', 'ignore']);
export type RejectAction = z.infer<typeof RejectAction>;

export const ForwardArgs = CallRef.extend({ destination: Destination, toVoicemail: z.boolean().optional() });
export type ForwardArgs = z.infer<typeof ForwardArgs>;

export const ParkArgs = CallRef.extend({ destination: Destination.optional(), isGroupPark: z.boolean().optional() });
export type ParkArgs = z.infer<typeof ParkArgs>;

export const DtmfDigits = z.string().regex(/^[0-9*#ABCD,]{1,64}$/, 'Only 0-9, *, #, A-D and , (pause)');

export const callsChannels = {
  'calls:list': channel(None, CallsSnapshot),
  'calls:dial': channel(z.object({ destination: Destination }), z.object({ callId: z.string() })),
  'calls:answer': channel(CallRef, Done),
  'calls:decline': channel(CallRef.extend({ action: RejectAction.optional() }), Done),
  'calls:forward': channel(ForwardArgs, Done),
  'calls:voicemail': channel(CallRef, Done),
  'calls:hangup': channel(CallRef, Done),
  'calls:hold': channel(CallRef, Done),
  'calls:resume': channel(CallRef, Done),
  'calls:mute': channel(CallRef, Done),
  'calls:unmute': channel(CallRef, Done),
  /** callId: a mute transfer's new call to the destination (Webex's 201); absent for the others. */
  'calls:transfer': channel(TransferArgs, z.object({ callId: z.string().optional() })),
  /** parkedAgainst: where to retrieve it from; absent when Webex did not say (e.g. a private party). */
  'calls:park': channel(ParkArgs, z.object({ parkedAgainst: z.string().optional() })),
  /** No destination: the call parked against the user's own line. */
  'calls:retrieve': channel(z.object({ destination: Destination.optional() }), z.object({ callId: z.string() })),
  'calls:pickup': channel(z.object({ target: Destination.optional() }), z.object({ callId: z.string() })),
  'calls:bargeIn': channel(z.object({ target: Destination }), z.object({ callId: z.string() })),
  'calls:recording': channel(
    CallRef.extend({ op: z.enum(['start', 'stop', 'pause', 'resume']) }),
    Done,
  ),
  'calls:dtmf': channel(CallRef.extend({ digits: DtmfDigits }), Done),
  'calls:history': channel(None, z.array(HistoryEntry)),
} as const;

export const callsEvents = {
  'calls:changed': CallsSnapshot,
} as const;
