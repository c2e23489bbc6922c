/**
 * The mute transfer's other half. Cisco's contract: a transfer to a destination waits "for the
 * destination to respond prior to transferring the call. If the destination does not respond, the
 * call is not transferred." The answer side is remoteAnswer (remote-events.ts); this is the
 * silence: the line gives the destination as long as an unanswered call rings (line.ts's
 * no-answer timer), then drops the new call and leaves the original with the user, still held.
 */
import { removeCalls, type Step } from './transition-kit.js';
import type { LineState } from './line-model.js';

export function muteTransferUnanswered(state: LineState, legId: string): Step {
  const leg = state.calls.find((c) => c.id === legId);
  if (!leg || leg.transferOf === undefined || leg.phase !== 'connecting') return { state, value: undefined };
  return { state: removeCalls(state, leg.id), value: undefined };
}
