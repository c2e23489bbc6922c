/**
 * The built-in line's call state machine, as pure functions: (state, input, now) → new state.
 * No clock, no timers, no I/O: line.ts owns time (park recall, dialled parties answering) and
 * routes.ts owns HTTP. This file is what the line's own user does; what callers and colleagues do
 * is in remote-events.ts (re-exported here). A refused transition throws CallStateError carrying
 * the HTTP status Webex would answer with.
 *
 *   dial → connecting ──remote answers──► connected ⇄ held     (remoteHeld when the far end holds)
 *   incoming → alerting ──answer──► connected
 *   anything ──hangup / transfer / park / divert──► gone (disconnected calls leave the list)
 */
import {
  CallStateError,
  addHistory,
  allocate,
  destinationParty,
  endCall,
  endUnanswered,
  findCall,
  holdOthers,
  lowestFreeAppearance,
  removeCalls,
  replaceCall,
  requireAlertingIncoming,
  requireAnswered,
  singleActiveCall,
  DTMF_PATTERN,
  type CallRef,
  type RejectAction,
  type Step,
} from './transition-kit.js';
import type { DivertRecord, DndSettings, IgnoredCall, LineCall, LineState, ParkedCall, PartyInfo } from './line-model.js';
import { leaveVoicemail } from './voicemail-state.js';
import { requireColleagueOnCall, requireExecutiveAssociation, requirePullable, type ColleagueCall } from './preconditions.js';

export { CallStateError, DTMF_PATTERN, toParty, type CallRef, type PartyInput, type RecordingOp, type RejectAction, type Step, type ViaInput } from './transition-kit.js';
export * from './remote-events.js';
export * from './voicemail-state.js';
export { recording, autoRecord, recordingStarted, RECORDING_MODES, type RecordingMode } from './recording-rules.js';
export type { ColleagueCall } from './preconditions.js';

export function dial(state: LineState, destination: string, now: string, opts: { clickToDial?: boolean } = {}): Step<CallRef> {
  const alloc = allocate(state);
  const call: LineCall = {
    id: alloc.id,
    callSessionId: alloc.sessionId,
    personality: opts.clickToDial ? 'clickToDial' : 'originator',
    phase: opts.clickToDial ? 'alerting' : 'connecting',
    localHold: false,
    remoteHold: false,
    remoteParty: destinationParty(destination),
    appearance: lowestFreeAppearance(alloc.state),
    created: now,
    muteCapable: true,
    muted: false,
  };
  let next = opts.clickToDial ? alloc.state : holdOthers(alloc.state);
  next = addHistory({ ...next, calls: [...next.calls, call] }, 'placed', call.remoteParty, now);
  return { state: next, value: { callId: call.id, callSessionId: call.callSessionId } };
}

export function answer(state: LineState, callId: string, now: string): Step {
  const call = findCall(state, callId);
  requireAlertingIncoming(call, 'answer');
  const others = holdOthers(state, call.id);
  if (call.personality === 'clickToDial') {
    // Click to Dial: answering the user's own device places the outgoing call.
    return { state: replaceCall(others, { ...call, personality: 'originator', phase: 'connecting' }), value: undefined };
  }
  let next = replaceCall(others, { ...call, phase: 'answered', answered: now });
  if (call.recall) {
    next = { ...next, parked: next.parked.filter((p) => p.recallCallId !== call.id) };
  } else {
    next = addHistory(next, 'received', call.remoteParty, now);
  }
  return { state: next, value: undefined };
}

/**
 * busy and temporarilyUnavailable end the call at once (the caller hears busy or "unavailable" and
 * goes to the user's busy treatment). ignore only stops the user's devices alerting: the caller
 * keeps hearing ringback until the no-answer timer runs out (line.ts), and only then is it missed.
 */
export function reject(state: LineState, callId: string, action: RejectAction, now: string): Step {
  const call = findCall(state, callId);
  requireAlertingIncoming(call, 'reject');
  if (action === 'ignore' && call.personality === 'terminator') {
    const ignored: IgnoredCall = { callId: call.id, callSessionId: call.callSessionId, caller: call.remoteParty, ignoredAt: now };
    return { state: { ...endCall(state, call), ignored: [...state.ignored, ignored] }, value: undefined };
  }
  return { state: endUnanswered(state, call, now, call.personality === 'terminator'), value: undefined };
}

/** An ignored call nobody answered: the caller reaches the user's voicemail; it counts as missed. */
export function ignoredTimedOut(state: LineState, callId: string, now: string): Step {
  const entry = state.ignored.find((i) => i.callId === callId);
  if (!entry) return { state, value: undefined };
  const next: LineState = { ...state, ignored: state.ignored.filter((i) => i !== entry) };
  return { state: leaveVoicemail(addHistory(next, 'missed', entry.caller, now), entry.caller, now), value: undefined };
}

export function hangup(state: LineState, callId: string, now: string): Step {
  const call = findCall(state, callId);
  // Webex: hanging up an unanswered incoming call rejects it (sent to busy).
  return { state: endUnanswered(state, call, now, call.phase === 'alerting'), value: undefined };
}

export function hold(state: LineState, callId: string): Step {
  const call = findCall(state, callId);
  requireAnswered(call, 'hold');
  if (call.localHold) throw new CallStateError(400, `Call ${callId} is already held.`);
  return { state: replaceCall(state, { ...call, localHold: true }), value: undefined };
}

export function resume(state: LineState, callId: string): Step {
  const call = findCall(state, callId);
  if (call.phase !== 'answered' || !call.localHold) {
    throw new CallStateError(400, `Cannot resume call ${callId}: the call is not held.`);
  }
  return { state: replaceCall(holdOthers(state, call.id), { ...call, localHold: false }), value: undefined };
}

export function setMuted(state: LineState, callId: string, muted: boolean): Step {
  const call = findCall(state, callId);
  const verb = muted ? 'mute' : 'unmute';
  if (!call.muteCapable) throw new CallStateError(400, `Call ${callId} is not mute capable.`);
  requireAnswered(call, verb);
  return { state: replaceCall(state, { ...call, muted }), value: undefined };
}

export function divert(
  state: LineState,
  input: { callId: string; destination?: string | undefined; toVoicemail?: boolean | undefined },
  now: string,
): Step {
  const call = findCall(state, input.callId);
  if (!input.toVoicemail && (input.destination === undefined || input.destination.trim() === '')) {
    throw new CallStateError(400, 'destination is required when toVoicemail is not true.');
  }
  const destination = input.destination?.trim() || undefined;
  const toVoicemail = input.toVoicemail === true;
  const record: DivertRecord = { callId: call.id, caller: call.remoteParty, toVoicemail, ...(destination ? { destination } : {}) };
  let next: LineState = { ...endCall(state, call), diverts: [...state.diverts, record] };
  // Only the user's own box is on this line; a colleague's voicemail is theirs.
  if (toVoicemail && destination === undefined) next = leaveVoicemail(next, call.remoteParty, now);
  return { state: next, value: undefined };
}

export function transfer(
  state: LineState,
  input: { callId1?: string | undefined; callId2?: string | undefined; destination?: string | undefined },
  now: string,
): Step<CallRef | undefined> {
  const { callId1, callId2, destination } = input;
  if (callId1 === undefined && callId2 === undefined && destination === undefined) {
    // Webex picks the two calls itself when the user has exactly two.
    const answered = state.calls.filter((c) => c.phase === 'answered');
    if (answered.length !== 2 || !answered[0] || !answered[1]) {
      throw new CallStateError(400, 'callId1 and callId2 are required unless the user has exactly two calls.');
    }
    return { state: removeCalls(state, answered[0].id, answered[1].id), value: undefined };
  }
  if (callId1 === undefined) throw new CallStateError(400, 'callId1 is required when callId2 or destination is given.');
  const first = findCall(state, callId1);
  if (first.phase === 'alerting') {
    throw new CallStateError(400, 'Unanswered incoming calls cannot be transferred; use divert instead.');
  }
  if (callId2 !== undefined) {
    if (callId2 === callId1) throw new CallStateError(400, 'callId1 and callId2 must be different calls.');
    const second = findCall(state, callId2);
    requireAnswered(first, 'transfer');
    requireAnswered(second, 'transfer');
    return { state: removeCalls(state, first.id, second.id), value: undefined };
  }
  if (destination === undefined || destination.trim() === '') {
    throw new CallStateError(400, 'callId2 or destination is required with callId1.');
  }
  requireAnswered(first, 'transfer');
  // Mute transfer: a new call to the destination; the transfer completes when it answers.
  const placed = dial(state, destination, now);
  const withLink = placed.state.calls.map((c) => (c.id === placed.value.callId ? { ...c, transferOf: first.id } : c));
  return { state: { ...placed.state, calls: withLink }, value: placed.value };
}

const GROUP_PARK_SLOTS = ['4101', '4102', '4103', '4104', '4105'];

export function park(
  state: LineState,
  input: { callId: string; destination?: string | undefined; isGroupPark?: boolean | undefined },
): Step<{ parkedAgainst: PartyInfo }> {
  const call = findCall(state, input.callId);
  requireAnswered(call, 'park');
  const occupied = new Set(state.parked.map((p) => p.parkedAgainst.number));
  let against: PartyInfo;
  if (input.isGroupPark) {
    // Webex ignores destination for group park and selects a member itself.
    const slot = GROUP_PARK_SLOTS.find((n) => !occupied.has(n));
    if (slot === undefined) throw new CallStateError(409, 'Every member of the call park group has a parked call.');
    against = { name: `Park ${slot.slice(-1)}`, number: slot, privacyEnabled: false, callType: 'location' };
  } else if (input.destination !== undefined && input.destination.trim() !== '') {
    against = { number: input.destination.trim(), privacyEnabled: false, callType: 'location' };
  } else {
    against = state.me;
  }
  if (occupied.has(against.number)) {
    throw new CallStateError(409, `A call is already parked against ${against.number ?? 'that destination'}.`);
  }
  const entry: ParkedCall = {
    callId: call.id,
    callSessionId: call.callSessionId,
    caller: call.remoteParty,
    parkedAgainst: against,
  };
  return {
    state: { ...removeCalls(state, call.id), parked: [...state.parked, entry] },
    value: { parkedAgainst: against },
  };
}

/** The park timer ran out: the call rings back on the parker's line. */
export function recallParked(state: LineState, parkedCallId: string, now: string): Step<string | undefined> {
  const entry = state.parked.find((p) => p.callId === parkedCallId);
  if (!entry || entry.recallCallId !== undefined) return { state, value: undefined };
  const alloc = allocate(state);
  const call: LineCall = {
    id: alloc.id,
    callSessionId: entry.callSessionId,
    personality: 'terminator',
    phase: 'alerting',
    localHold: false,
    remoteHold: false,
    remoteParty: entry.caller,
    appearance: lowestFreeAppearance(alloc.state),
    created: now,
    recall: { type: 'park', party: entry.parkedAgainst },
    muteCapable: true,
    muted: false,
  };
  const parked = alloc.state.parked.map((p) => (p === entry ? { ...p, recallCallId: call.id } : p));
  return { state: { ...alloc.state, parked, calls: [...alloc.state.calls, call] }, value: call.id };
}

export function retrieve(state: LineState, destination: string | undefined, now: string): Step<CallRef> {
  const target = destination === undefined || destination.trim() === '' ? state.me.number : destination.trim();
  const entry = state.parked.find((p) => p.parkedAgainst.number === target);
  if (!entry) throw new CallStateError(404, `No call is parked against ${target ?? 'the user'}.`);
  let next: LineState = { ...state, parked: state.parked.filter((p) => p !== entry) };
  if (entry.recallCallId !== undefined) next = removeCalls(next, entry.recallCallId);
  return connectNewCall(next, entry.caller, now, entry.callSessionId, 'originator');
}

function connectNewCall(
  state: LineState,
  remoteParty: PartyInfo,
  now: string,
  sessionId: string | undefined,
  personality: 'originator' | 'terminator',
): Step<CallRef> {
  const alloc = allocate(holdOthers(state));
  const call: LineCall = {
    id: alloc.id,
    callSessionId: sessionId ?? alloc.sessionId,
    personality,
    phase: 'answered',
    localHold: false,
    remoteHold: false,
    remoteParty,
    appearance: lowestFreeAppearance(alloc.state),
    created: now,
    answered: now,
    muteCapable: true,
    muted: false,
  };
  return {
    state: { ...alloc.state, calls: [...alloc.state.calls, call] },
    value: { callId: call.id, callSessionId: call.callSessionId },
  };
}

export function pickup(state: LineState, target: string | undefined, now: string): Step<CallRef> {
  const wanted = target?.trim();
  const ringing = state.group.find((g) => !wanted || g.ringing.number === wanted);
  if (!ringing) {
    throw new CallStateError(404, wanted ? `No call is ringing for ${wanted}.` : 'No call is ringing in your pickup group.');
  }
  const picked = connectNewCall(
    { ...state, group: state.group.filter((g) => g !== ringing) },
    ringing.caller,
    now,
    ringing.callSessionId,
    'terminator',
  );
  return { state: addHistory(picked.state, 'received', ringing.caller, now), value: picked.value };
}

export function bargeIn(state: LineState, target: string, now: string, colleagueCalls: readonly ColleagueCall[] = []): Step<CallRef> {
  if (target.trim() === '') throw new CallStateError(400, 'target is required.');
  requireColleagueOnCall(colleagueCalls, target);
  return connectNewCall(state, destinationParty(target.trim()), now, undefined, 'originator');
}

export function push(state: LineState, callId: string | undefined): Step {
  const call = singleActiveCall(state, callId, 'push');
  if (call.personality !== 'terminator' || call.phase === 'connecting') {
    throw new CallStateError(400, `Cannot push call ${call.id}: only an incoming call can be pushed to the executive.`);
  }
  requireExecutiveAssociation(call);
  return { state: endCall(state, call), value: undefined };
}

/** The call moves to the requesting device; the temporary call Webex creates for that is released at once. */
export function pull(state: LineState, endpointId?: string, endpointIds: readonly string[] = []): Step<CallRef> {
  const call = requirePullable(state, endpointId, endpointIds);
  const alloc = allocate(state);
  return { state: alloc.state, value: { callId: alloc.id, callSessionId: call.callSessionId } };
}

export function transmitDtmf(state: LineState, callId: string | undefined, digits: string): Step {
  if (!DTMF_PATTERN.test(digits)) {
    throw new CallStateError(400, 'dtmf may contain only 0-9, *, #, A, B, C, D and , (pause).');
  }
  const call = singleActiveCall(state, callId, 'send DTMF');
  if (call.phase !== 'answered' || call.localHold) {
    throw new CallStateError(400, `Cannot send DTMF on call ${call.id}: the call is not connected.`);
  }
  return { state: { ...state, dtmf: [...state.dtmf, { callId: call.id, digits }] }, value: undefined };
}

export function updateDnd(state: LineState, patch: Partial<DndSettings>): Step {
  const dnd = { ...state.dnd };
  if (patch.enabled !== undefined) dnd.enabled = patch.enabled;
  if (patch.ringSplashEnabled !== undefined) dnd.ringSplashEnabled = patch.ringSplashEnabled;
  if (patch.webexGoOverrideEnabled !== undefined) dnd.webexGoOverrideEnabled = patch.webexGoOverrideEnabled;
  return { state: { ...state, dnd }, value: undefined };
}
