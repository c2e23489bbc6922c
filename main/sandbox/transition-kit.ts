/**
 * What the sandbox's pure transitions share: the Step shape, the error a refused transition throws,
 * and the small immutable helpers both the user's actions (call-state.ts) and the outside world's
 * events (remote-events.ts) are built from.
 */
import {
  HISTORY_PER_TYPE,
  guessCallType,
  type CallType,
  type HistoryType,
  type LineCall,
  type LineState,
  type PartyInfo,
  type RedirectionReason,
} from './line-model.js';

export class CallStateError extends Error {
  readonly status: 400 | 404 | 409;
  constructor(status: 400 | 404 | 409, message: string) {
    super(message);
    this.name = 'CallStateError';
    this.status = status;
  }
}

export interface Step<T = undefined> {
  readonly state: LineState;
  readonly value: T;
}

export interface CallRef {
  readonly callId: string;
  readonly callSessionId: string;
}

export interface PartyInput {
  name?: string | undefined;
  number: string;
  privacy?: boolean | undefined;
  callType?: CallType | undefined;
}

export interface ViaInput {
  reason: RedirectionReason;
  name: string;
  number?: string | undefined;
}

export type { RejectAction, RecordingOp } from '../providers/calls-provider.js';

export const DTMF_PATTERN = /^[0-9*#ABCD,]+$/;

export function toParty(input: PartyInput): PartyInfo {
  const party: { name?: string; number: string; privacyEnabled: boolean; callType: CallType } = {
    number: input.number,
    privacyEnabled: input.privacy ?? false,
    callType: input.callType ?? guessCallType(input.number),
  };
  if (input.name !== undefined) party.name = input.name;
  return party;
}

export function destinationParty(destination: string): PartyInfo {
  return { number: destination, privacyEnabled: false, callType: guessCallType(destination) };
}

export function encodeId(kind: string, seq: number): string {
  return Buffer.from(`ciscospark://us/${kind}/SANDBOX/${seq}`).toString('base64url');
}

export function allocate(state: LineState): { state: LineState; id: string; sessionId: string } {
  const seq = state.seq + 1;
  return { state: { ...state, seq }, id: encodeId('CALL', seq), sessionId: encodeId('SESSION', seq) };
}

export function findCall(state: LineState, callId: string): LineCall {
  const call = state.calls.find((c) => c.id === callId);
  if (!call) throw new CallStateError(404, `Call ${callId} was not found.`);
  return call;
}

export function replaceCall(state: LineState, call: LineCall): LineState {
  return { ...state, calls: state.calls.map((c) => (c.id === call.id ? call : c)) };
}

export function removeCalls(state: LineState, ...ids: string[]): LineState {
  return { ...state, calls: state.calls.filter((c) => !ids.includes(c.id)) };
}

/** A phone has one active call: taking another one puts the active call on hold. */
export function holdOthers(state: LineState, exceptId?: string): LineState {
  return {
    ...state,
    calls: state.calls.map((c) =>
      c.id !== exceptId && c.phase === 'answered' && !c.localHold ? { ...c, localHold: true } : c,
    ),
  };
}

export function lowestFreeAppearance(state: LineState): number {
  const used = new Set(state.calls.map((c) => c.appearance));
  let n = 1;
  while (used.has(n)) n += 1;
  return n;
}

export function addHistory(state: LineState, type: HistoryType, party: PartyInfo, now: string): LineState {
  const record = {
    type,
    ...(party.name !== undefined ? { name: party.name } : {}),
    ...(party.number !== undefined ? { number: party.number } : {}),
    privacyEnabled: party.privacyEnabled,
    time: now,
  };
  const sameType = state.history.filter((h) => h.type === type);
  const dropped = new Set(sameType.slice(HISTORY_PER_TYPE - 1));
  return { ...state, history: [record, ...state.history.filter((h) => !dropped.has(h))] };
}

export function requireAnswered(call: LineCall, action: string): void {
  if (call.phase !== 'answered') {
    throw new CallStateError(400, `Cannot ${action} call ${call.id}: the call has not been answered.`);
  }
}

export function requireAlertingIncoming(call: LineCall, action: string): void {
  if (call.phase !== 'alerting') {
    throw new CallStateError(400, `Cannot ${action} call ${call.id}: the call is not alerting.`);
  }
}

export function requireIncoming(call: LineCall, action: string): void {
  if (call.personality !== 'terminator') {
    throw new CallStateError(400, `Cannot ${action} call ${call.id}: it is not an incoming call.`);
  }
}

/** Drops a call and whatever referred to it: a park recall's parked entry, a pending mute transfer. */
export function endCall(state: LineState, call: LineCall): LineState {
  let next = removeCalls(state, call.id);
  if (call.recall) next = { ...next, parked: next.parked.filter((p) => p.recallCallId !== call.id) };
  return next;
}

/** Missed means: an incoming call that rang and ended without being answered here. */
export function endUnanswered(state: LineState, call: LineCall, now: string, missed: boolean): LineState {
  const next = endCall(state, call);
  return missed && call.personality === 'terminator' && !call.recall ? addHistory(next, 'missed', call.remoteParty, now) : next;
}

export function singleActiveCall(state: LineState, callId: string | undefined, action: string): LineCall {
  if (callId !== undefined) return findCall(state, callId);
  const active = state.calls.filter((c) => c.phase === 'answered' && !c.localHold);
  if (active.length !== 1 || !active[0]) {
    throw new CallStateError(400, `Cannot ${action}: callId is required unless exactly one call is connected.`);
  }
  return active[0];
}
