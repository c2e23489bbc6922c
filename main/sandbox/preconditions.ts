/**
 * What must already be true on the line (or around it) before barge-in, pull and push can work,
 * each from the contract's own words. Pure checks that throw the refusal Webex documents (4xx);
 * the transitions in call-state.ts call them first.
 *
 *   bargeIn "Barge-in on another user's answered call."
 *   pull    "Pull a call from one device to another." endpointId "must be one of the endpointIds
 *           returned by the Get Preferred Answer Endpoint API"
 *   push    "Use of this API is only valid when the assistant's call is associated with an executive."
 */
import { CallStateError } from './transition-kit.js';
import type { LineCall, LineState, PartyInfo } from './line-model.js';

/** A colleague's answered call, somewhere else in the organisation: what barge-in joins. */
export interface ColleagueCall {
  readonly id: string;
  readonly colleague: PartyInfo;
  readonly with: PartyInfo;
}

export function requireColleagueOnCall(colleagueCalls: readonly ColleagueCall[], target: string): ColleagueCall {
  const wanted = target.trim();
  const found = colleagueCalls.find((c) => c.colleague.number === wanted);
  if (!found) {
    throw new CallStateError(400, `Cannot barge in on ${wanted}: that user has no answered call.`);
  }
  return found;
}

export function requirePullable(state: LineState, endpointId: string | undefined, endpointIds: readonly string[]): LineCall {
  if (endpointId !== undefined && !endpointIds.includes(endpointId)) {
    throw new CallStateError(400, 'endpointId must be one of the endpoints returned by Get Preferred Answer Endpoint.');
  }
  const call = state.calls.find((c) => c.phase === 'answered');
  if (!call) throw new CallStateError(400, 'There is no call on another of your devices to pull.');
  return call;
}

export function requireExecutiveAssociation(call: LineCall): void {
  if (call.executive === undefined) {
    throw new CallStateError(400, `Cannot push call ${call.id}: the call is not associated with an executive.`);
  }
}
