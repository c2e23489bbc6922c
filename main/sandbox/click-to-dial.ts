/**
 * The user picks up a Click to Dial leg on their own device. Dial, retrieve, pickup, barge-in and
 * pull all start with one ("Alerts occur on all the devices belonging to a user … When a user
 * answers an alerting device, an outbound call is placed from that device to the destination").
 *
 * The contract says "the call's personality is updated to originator", so by default the call
 * keeps its id. It is silent on whether the id survives; `newCall` models the less convenient
 * reading (the leg leaves the list and an originator call with a new id, same session, appears)
 * so the app is tested against both.
 */
import { CallStateError, addHistory, allocate, findCall, holdOthers, removeCalls, replaceCall, type Step } from './transition-kit.js';
import type { LineCall, LineState } from './line-model.js';

/** Returns the id of the call the user is now on (undefined after a pull: the pulled call continues). */
export function userPicksUp(state: LineState, callId: string, now: string, opts: { newCall?: boolean } = {}): Step<string | undefined> {
  const leg = findCall(state, callId);
  if (leg.personality !== 'clickToDial' || leg.phase !== 'alerting') {
    throw new CallStateError(400, `Call ${callId} is not a Click to Dial call alerting the user's devices.`);
  }
  if (leg.onPickUp === 'release') {
    // Pull: the device joins the pulled call and "the new call created for the call pull is released".
    return { state: removeCalls(state, leg.id), value: undefined };
  }
  const join = leg.onPickUp === 'join';
  const { onPickUp: _done, ...rest } = leg;
  const outgoing: LineCall = join
    ? { ...rest, personality: 'originator', phase: 'answered', answered: now }
    : { ...rest, personality: 'originator', phase: 'connecting' };
  let next = holdOthers(state, leg.id);
  if (opts.newCall) {
    const alloc = allocate(removeCalls(next, leg.id));
    next = { ...alloc.state, calls: [...alloc.state.calls, { ...outgoing, id: alloc.id, created: now }] };
  } else {
    next = replaceCall(next, outgoing);
  }
  if (!join) next = addHistory(next, 'placed', leg.remoteParty, now);
  const id = opts.newCall ? (next.calls.at(-1)?.id ?? leg.id) : leg.id;
  return { state: next, value: id };
}
