/**
 * What the rest of the world does to the user's line, as pure transitions: callers ring, hang up
 * or get answered elsewhere; colleagues' phones ring in the pickup group; dialled parties answer
 * and hold. The sandbox's control API drives these.
 */
import {
  CallStateError,
  addHistory,
  allocate,
  endCall,
  endUnanswered,
  findCall,
  lowestFreeAppearance,
  removeCalls,
  replaceCall,
  requireAlertingIncoming,
  requireAnswered,
  toParty,
  type PartyInput,
  type Step,
  type ViaInput,
} from './transition-kit.js';
import type { GroupCall, LineCall, LineState } from './line-model.js';

export interface IncomingInput {
  from: PartyInput;
  via?: ViaInput | undefined;
  /** Line appearance the call arrives on; the lowest free one when absent. */
  line?: number | undefined;
  muteCapable?: boolean | undefined;
  /** The executive this call is associated with (the user is their assistant); push needs one. */
  executive?: PartyInput | undefined;
}

export function incomingCall(state: LineState, input: IncomingInput, now: string): Step<string> {
  const alloc = allocate(state);
  const caller = toParty(input.from);
  if (alloc.state.dnd.enabled) {
    // Do Not Disturb: the user's devices never alert; the caller ends up in missed calls.
    return { state: addHistory(alloc.state, 'missed', caller, now), value: alloc.id };
  }
  const call: LineCall = {
    id: alloc.id,
    callSessionId: alloc.sessionId,
    personality: 'terminator',
    phase: 'alerting',
    localHold: false,
    remoteHold: false,
    remoteParty: caller,
    appearance: input.line ?? lowestFreeAppearance(alloc.state),
    created: now,
    muteCapable: input.muteCapable ?? true,
    muted: false,
    ...(input.executive ? { executive: toParty(input.executive) } : {}),
  };
  const withVia: LineCall = input.via
    ? {
        ...call,
        redirections: [
          {
            reason: input.via.reason,
            redirectingParty: {
              name: input.via.name,
              ...(input.via.number !== undefined ? { number: input.via.number } : {}),
              privacyEnabled: false,
              callType: 'location',
            },
          },
        ],
      }
    : call;
  return { state: { ...alloc.state, calls: [...alloc.state.calls, withVia] }, value: call.id };
}

export const DEFAULT_COLLEAGUE: PartyInput = { name: 'Sam Rivera', number: '1002' };

export function ringInGroup(state: LineState, input: { from: PartyInput; colleague?: PartyInput | undefined }, now: string): Step<string> {
  const alloc = allocate(state);
  const ringing: GroupCall = {
    id: alloc.id,
    callSessionId: alloc.sessionId,
    caller: toParty(input.from),
    ringing: toParty(input.colleague ?? DEFAULT_COLLEAGUE),
    created: now,
  };
  return { state: { ...alloc.state, group: [...alloc.state.group, ringing] }, value: ringing.id };
}

export function remoteAnswer(state: LineState, callId: string, now: string): Step {
  const call = findCall(state, callId);
  if (call.phase !== 'connecting') {
    throw new CallStateError(400, `Call ${callId} is not waiting for the remote party to answer.`);
  }
  if (call.transferOf !== undefined && state.calls.some((c) => c.id === call.transferOf)) {
    // The mute transfer completes: the transferred party and the destination are joined; both leave this line.
    return { state: removeCalls(state, call.id, call.transferOf), value: undefined };
  }
  const { transferOf: _ignored, ...rest } = call;
  return { state: replaceCall(state, { ...rest, phase: 'answered', answered: now }), value: undefined };
}

export function setRemoteHold(state: LineState, callId: string, held: boolean): Step {
  const call = findCall(state, callId);
  requireAnswered(call, held ? 'remote-hold' : 'remote-resume');
  return { state: replaceCall(state, { ...call, remoteHold: held }), value: undefined };
}

export function remoteHangup(state: LineState, callId: string, now: string): Step {
  const groupCall = state.group.find((g) => g.id === callId);
  if (groupCall) return { state: { ...state, group: state.group.filter((g) => g !== groupCall) }, value: undefined };
  const ignored = state.ignored.find((i) => i.callId === callId);
  if (ignored) {
    // The caller gave up while it still rang for them: missed, with no message left.
    return { state: addHistory({ ...state, ignored: state.ignored.filter((i) => i !== ignored) }, 'missed', ignored.caller, now), value: undefined };
  }
  const parked = state.parked.find((p) => p.callId === callId);
  if (parked) {
    let next: LineState = { ...state, parked: state.parked.filter((p) => p !== parked) };
    if (parked.recallCallId !== undefined) next = removeCalls(next, parked.recallCallId);
    return { state: next, value: undefined };
  }
  const call = findCall(state, callId);
  return { state: endUnanswered(state, call, now, call.phase === 'alerting'), value: undefined };
}

export function answeredElsewhere(state: LineState, callId: string): Step {
  const groupCall = state.group.find((g) => g.id === callId);
  if (groupCall) return { state: { ...state, group: state.group.filter((g) => g !== groupCall) }, value: undefined };
  const ignored = state.ignored.find((i) => i.callId === callId);
  if (ignored) return { state: { ...state, ignored: state.ignored.filter((i) => i !== ignored) }, value: undefined };
  const call = findCall(state, callId);
  requireAlertingIncoming(call, 'mark answered elsewhere');
  return { state: endCall(state, call), value: undefined };
}
