/**
 * What recording controls can work on this line. The user's call recording mode is a user setting
 * Call Controls cannot read, and Webex refuses what the mode forbids:
 *
 *   start / stop     "only valid when the user's call recording mode is set to 'On Demand'"
 *   pause / resume   "… 'On Demand' or 'Always with Pause/Resume'"
 *
 * So CallDeck offers them until Webex refuses one, then takes that control (and its twin, which
 * the same sentence governs) off every call on this line. A refusal is a 400 or 403 answer; a 404
 * (the call ended), a rate limit or a network failure says nothing about the mode.
 */
import type { CallAction } from '../../preload/contract.js';
import { isAppError } from '../core/app-error.js';
import type { RecordingOp } from '../providers/calls-provider.js';

export interface RecordingLimits {
  /** Learns from a failed recording request; true when it was the mode's refusal. */
  learn(op: RecordingOp, error: unknown): boolean;
  /** The offered actions without the controls this line's mode has refused. */
  filter(actions: CallAction[]): CallAction[];
}

const GOVERNED_TOGETHER: Record<RecordingOp, readonly CallAction[]> = {
  start: ['startRecording', 'stopRecording'],
  stop: ['startRecording', 'stopRecording'],
  pause: ['pauseRecording', 'resumeRecording'],
  resume: ['pauseRecording', 'resumeRecording'],
};

export function isModeRefusal(error: unknown): boolean {
  return isAppError(error) && (error.status === 400 || error.status === 403);
}

export function createRecordingLimits(): RecordingLimits {
  const refused = new Set<CallAction>();
  return {
    learn(op, error) {
      if (!isModeRefusal(error)) return false;
      for (const action of GOVERNED_TOGETHER[op]) refused.add(action);
      return true;
    },
    filter(actions) {
      return refused.size === 0 ? actions : actions.filter((a) => !refused.has(a));
    },
  };
}
