/**
 * The built-in line's data: what a Webex Calling user's line holds at one instant, and how that is
 * shown on the wire. Plain immutable data; the transitions live in call-state.ts.
 */
import type { z } from 'zod';
import type {
  WebexCallState,
  WebexHistoryRecord,
  WebexPersonality,
  WebexRecordingState,
  WebexRedirectionReason,
} from '../providers/webex/schemas.js';

export type CallType = 'location' | 'organization' | 'external' | 'emergency' | 'repair' | 'other';
// The wire's enums, as the client's schemas take them from Cisco's contract.
export type Personality = z.infer<typeof WebexPersonality>;
export type WireCallState = z.infer<typeof WebexCallState>;
export type RecordingState = z.infer<typeof WebexRecordingState>;
export type RedirectionReason = z.infer<typeof WebexRedirectionReason>;
export type HistoryType = WebexHistoryRecord['type'];

export interface PartyInfo {
  readonly name?: string;
  readonly number?: string;
  readonly privacyEnabled: boolean;
  readonly callType: CallType;
}

export interface Redirection {
  readonly reason: RedirectionReason;
  readonly redirectingParty: PartyInfo;
}

/**
 * `phase` plus the two hold flags, rather than a stored wire state: the user and the remote party
 * hold independently, and resuming one side must reveal the other's hold.
 */
export type Phase = 'alerting' | 'connecting' | 'answered';

export interface LineCall {
  readonly id: string;
  readonly callSessionId: string;
  readonly personality: Personality;
  readonly phase: Phase;
  readonly localHold: boolean;
  readonly remoteHold: boolean;
  readonly remoteParty: PartyInfo;
  readonly appearance: number;
  readonly created: string;
  readonly answered?: string;
  readonly redirections?: readonly Redirection[];
  readonly recall?: { readonly type: 'park'; readonly party: PartyInfo };
  readonly recordingState?: RecordingState;
  readonly muteCapable: boolean;
  readonly muted: boolean;
  /** A mute transfer: when this call's destination answers, it takes over the call with this id. */
  readonly transferOf?: string;
  /** An executive-assistant call: the executive push sends it to (never on the wire). */
  readonly executive?: PartyInfo;
}

export interface ParkedCall {
  /** The id the call had before it was parked, so a remote hangup can still find it. */
  readonly callId: string;
  readonly callSessionId: string;
  readonly caller: PartyInfo;
  readonly parkedAgainst: PartyInfo;
  /** Set once the recall rings back on the user's line. */
  readonly recallCallId?: string;
}

/** A call ringing on a colleague's phone in the user's pickup group. */
export interface GroupCall {
  readonly id: string;
  readonly callSessionId: string;
  readonly caller: PartyInfo;
  readonly ringing: PartyInfo;
  readonly created: string;
}

export interface HistoryRecord {
  readonly type: HistoryType;
  readonly name?: string;
  readonly number?: string;
  readonly privacyEnabled: boolean;
  readonly time: string;
}

export interface DndSettings {
  readonly enabled: boolean;
  readonly ringSplashEnabled: boolean;
  readonly webexGoOverrideEnabled: boolean;
}

/**
 * An incoming call the user ignored: their devices stopped alerting, but the caller still hears
 * ringback (and other devices on a shared line or group keep ringing) until no one answers.
 */
export interface IgnoredCall {
  readonly callId: string;
  readonly callSessionId: string;
  readonly caller: PartyInfo;
  readonly ignoredAt: string;
}

/** Where a divert sent a call, so a test (or a curious developer) can see it. */
export interface DivertRecord {
  readonly callId: string;
  readonly caller: PartyInfo;
  readonly destination?: string;
  readonly toVoicemail: boolean;
}

/** A message in the user's own voicemail box. */
export interface VoiceMessage {
  readonly id: string;
  readonly from: PartyInfo;
  readonly urgent: boolean;
  readonly read: boolean;
  readonly time: string;
}

export interface DtmfSent {
  readonly callId: string;
  readonly digits: string;
}

export interface LineState {
  readonly me: PartyInfo;
  readonly calls: readonly LineCall[];
  readonly parked: readonly ParkedCall[];
  readonly group: readonly GroupCall[];
  /** Newest first, at most HISTORY_PER_TYPE of each type. */
  readonly history: readonly HistoryRecord[];
  readonly dnd: DndSettings;
  readonly dtmf: readonly DtmfSent[];
  readonly ignored: readonly IgnoredCall[];
  readonly diverts: readonly DivertRecord[];
  readonly voicemail: readonly VoiceMessage[];
  /** Feeds ids; survives reset so an app polling across a reset never sees an id reused. */
  readonly seq: number;
}

export const HISTORY_PER_TYPE = 20;

/** The line's own user; calls parked "on me" are parked against this extension. */
export const DEFAULT_ME: PartyInfo = { name: 'Alex Morgan', number: '4142', privacyEnabled: false, callType: 'location' };

export function initialLineState(seq = 0, me: PartyInfo = DEFAULT_ME): LineState {
  return {
    me,
    calls: [],
    parked: [],
    group: [],
    history: [],
    dnd: { enabled: false, ringSplashEnabled: false, webexGoOverrideEnabled: false },
    dtmf: [],
    ignored: [],
    diverts: [],
    voicemail: [],
    seq,
  };
}

export function wireState(call: LineCall): WireCallState {
  if (call.phase === 'alerting') return 'alerting';
  if (call.phase === 'connecting') return 'connecting';
  if (call.localHold) return 'held';
  if (call.remoteHold) return 'remoteHeld';
  return 'connected';
}

/** Webex omits name and number when the party has privacy on. */
export function wireParty(party: PartyInfo): PartyInfo {
  if (!party.privacyEnabled) return party;
  return { privacyEnabled: true, callType: party.callType };
}

/** The Call object as GET /telephony/calls shows it (the contract's `Call` schema). */
export interface WireCall {
  id: string;
  callSessionId: string;
  personality: Personality;
  state: WireCallState;
  remoteParty: PartyInfo;
  appearance: number;
  created: string;
  answered?: string;
  redirections?: Redirection[];
  recall?: { type: 'park'; party: PartyInfo };
  recordingState?: RecordingState;
  muteCapable: boolean;
  muted: boolean;
}

export interface WireHistoryRecord {
  type: HistoryType;
  name?: string;
  number?: string;
  privacyEnabled: boolean;
  time: string;
}

export function toWireCall(call: LineCall): WireCall {
  const wire: WireCall = {
    id: call.id,
    callSessionId: call.callSessionId,
    personality: call.personality,
    state: wireState(call),
    remoteParty: wireParty(call.remoteParty),
    appearance: call.appearance,
    created: call.created,
    muteCapable: call.muteCapable,
    muted: call.muted,
  };
  if (call.answered !== undefined) wire.answered = call.answered;
  // Webex documents redirections as present only while the incoming call is alerting.
  if (call.redirections && call.redirections.length > 0 && call.phase === 'alerting') {
    wire.redirections = call.redirections.map((r) => ({ reason: r.reason, redirectingParty: wireParty(r.redirectingParty) }));
  }
  if (call.recall) wire.recall = { type: call.recall.type, party: wireParty(call.recall.party) };
  if (call.recordingState !== undefined) wire.recordingState = call.recordingState;
  return wire;
}

export function toWireHistory(record: HistoryRecord): WireHistoryRecord {
  const wire: WireHistoryRecord = { type: record.type, privacyEnabled: record.privacyEnabled, time: record.time };
  if (!record.privacyEnabled) {
    if (record.name !== undefined) wire.name = record.name;
    if (record.number !== undefined) wire.number = record.number;
  }
  return wire;
}

/** Short internal numbers are colleagues; anything else is outside the organisation. */
export function guessCallType(number: string | undefined): CallType {
  if (number === undefined) return 'external';
  if (/^(911|112|999)$/.test(number)) return 'emergency';
  return /^\d{2,6}$/.test(number) ? 'location' : 'external';
}
