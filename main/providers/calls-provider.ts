import type { WebexCall, WebexCallRef, WebexDoNotDisturb, WebexHistoryRecord, WebexParty } from '../providers/webex/schemas.js';

export type RejectAction = 'busy' | 'temporarilyUnavailable' | 'ignore';
export type RecordingOp = 'start' | 'stop' | 'pause' | 'resume';

/**
 * What the call engine needs from a phone line. The Webex client implements it over HTTP; the
 * built-in line is the same client pointed at the sandbox server. Every method throws AppError
 * on failure, with the provider's message and trackingId preserved.
 */
export interface CallsProvider {
  listCalls(signal?: AbortSignal): Promise<WebexCall[]>;
  getCall(callId: string, signal?: AbortSignal): Promise<WebexCall>;
  history(type?: 'placed' | 'missed' | 'received', signal?: AbortSignal): Promise<WebexHistoryRecord[]>;

  dial(destination: string): Promise<WebexCallRef>;
  answer(callId: string): Promise<void>;
  reject(callId: string, action?: RejectAction): Promise<void>;
  hangup(callId: string): Promise<void>;
  hold(callId: string): Promise<void>;
  resume(callId: string): Promise<void>;
  mute(callId: string): Promise<void>;
  unmute(callId: string): Promise<void>;
  /**
   * To a destination, to the user's own voicemail (`toVoicemail` alone), or to the destination's
   * voicemail (both).
   */
  divert(callId: string, target: { destination: string; toVoicemail?: boolean } | { destination?: undefined; toVoicemail: true }): Promise<void>;
  /** Attended (callId1 + callId2) answers 204; mute transfer (callId1 + destination) answers 201. */
  transfer(
    args: { callId1: string; callId2: string } | { callId1: string; destination: string },
  ): Promise<WebexCallRef | undefined>;
  /** Without a destination (and not group park) the call is parked against the user. */
  park(callId: string, where?: { destination?: string; isGroupPark?: boolean }): Promise<{ parkedAgainst: WebexParty }>;
  /** Without a destination, the call parked against the user is retrieved. */
  retrieve(destination?: string): Promise<WebexCallRef>;
  pickup(target?: string): Promise<WebexCallRef>;
  bargeIn(target: string): Promise<WebexCallRef>;
  recording(callId: string, op: RecordingOp): Promise<void>;
  transmitDtmf(callId: string, dtmf: string): Promise<void>;

  getDoNotDisturb(signal?: AbortSignal): Promise<WebexDoNotDisturb>;
  setDoNotDisturb(enabled: boolean): Promise<void>;
}
