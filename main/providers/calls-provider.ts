import type { WebexCall, WebexCallRef, WebexDoNotDisturb, WebexHistoryRecord, WebexParty } from '../providers/webex/schemas.js';

export type RejectAction = 'busy' | 'temporarilyUnavailable' | 'ignore';
export type RecordingOp = 'start' | 'stop' | 'pause' | 'resume';

/**
 * Which of the user's devices (`endpointId`) and which line (`lineOwnerId`: a secondary line on
 * one of the user's devices) a request is about. Absent: Webex's default, the user's own line and
 * primary device. Every method takes it last and optional, so callers that know neither are unchanged.
 */
export interface CallTarget {
  endpointId?: string;
  lineOwnerId?: string;
}

/**
 * What the call engine needs from a phone line. The Webex client implements it over HTTP; the
 * built-in line is the same client pointed at the sandbox server. Every method throws AppError
 * on failure, with the provider's message and trackingId preserved.
 */
export interface CallsProvider {
  listCalls(signal?: AbortSignal, on?: CallTarget): Promise<WebexCall[]>;
  getCall(callId: string, signal?: AbortSignal, on?: CallTarget): Promise<WebexCall>;
  history(type?: 'placed' | 'missed' | 'received', signal?: AbortSignal): Promise<WebexHistoryRecord[]>;

  dial(destination: string, on?: CallTarget): Promise<WebexCallRef>;
  answer(callId: string, on?: CallTarget): Promise<void>;
  reject(callId: string, action?: RejectAction, on?: CallTarget): Promise<void>;
  hangup(callId: string, on?: CallTarget): Promise<void>;
  hold(callId: string, on?: CallTarget): Promise<void>;
  resume(callId: string, on?: CallTarget): Promise<void>;
  mute(callId: string, on?: CallTarget): Promise<void>;
  unmute(callId: string, on?: CallTarget): Promise<void>;
  /**
   * To a destination, to the user's own voicemail (`toVoicemail` alone), or to the destination's
   * voicemail (both).
   */
  divert(callId: string, target: { destination: string; toVoicemail?: boolean } | { destination?: undefined; toVoicemail: true }, on?: CallTarget): Promise<void>;
  /** Attended (callId1 + callId2) answers 204; mute transfer (callId1 + destination) answers 201. */
  transfer(
    args: { callId1: string; callId2: string } | { callId1: string; destination: string },
    on?: CallTarget,
  ): Promise<WebexCallRef | undefined>;
  /** Without a destination (and not group park) the call is parked against the user. */
  park(callId: string, where?: { destination?: string; isGroupPark?: boolean }, on?: CallTarget): Promise<{ parkedAgainst: WebexParty }>;
  /** Without a destination, the call parked against the user is retrieved. */
  retrieve(destination?: string, on?: CallTarget): Promise<WebexCallRef>;
  pickup(target?: string, on?: CallTarget): Promise<WebexCallRef>;
  bargeIn(target: string, on?: CallTarget): Promise<WebexCallRef>;
  recording(callId: string, op: RecordingOp, on?: CallTarget): Promise<void>;
  transmitDtmf(callId: string, dtmf: string, on?: CallTarget): Promise<void>;

  /** Assistant → executive (204); absent where the provider has no executive assistant. */
  push?(callId: string, on?: CallTarget): Promise<void>;
  /** Moves the user's active call to `on.endpointId` (201); absent where the provider cannot. */
  pull?(on?: CallTarget): Promise<WebexCallRef>;

  getDoNotDisturb(signal?: AbortSignal): Promise<WebexDoNotDisturb>;
  setDoNotDisturb(enabled: boolean): Promise<void>;
}
