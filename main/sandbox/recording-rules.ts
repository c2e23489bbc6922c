/**
 * Call recording on the built-in line, by the user's recording mode, as Cisco's contract words it:
 *
 *   startRecording  "only valid when the user's call recording mode is set to 'On Demand'"
 *   stopRecording   "only valid when a call is being recorded and … 'On Demand'"
 *   pauseRecording  "only valid when a call is being recorded and … 'On Demand' or 'Always with Pause/Resume'"
 *   resumeRecording "only valid when a call's recording is paused and … 'On Demand' or 'Always with Pause/Resume'"
 *   recordingState  "Only present when the user's call recording has been invoked during the life of the call."
 *
 * The contract says nothing of how fast a requested recording starts; the line takes the less
 * convenient side: a start (and an Always mode's automatic start) shows `pending` first and only
 * becomes `started` later (line.ts owns that timer). A pending recording is not yet "being
 * recorded", so stop and pause are refused until it has started.
 */
import { CallStateError, replaceCall, requireAnswered, singleActiveCall, type RecordingOp, type Step } from './transition-kit.js';
import type { LineCall, LineState, RecordingState } from './line-model.js';

export const RECORDING_MODES = ['never', 'always', 'alwaysPauseResume', 'onDemand'] as const;
export type RecordingMode = (typeof RECORDING_MODES)[number];

/** The words Webex's user settings use for each mode, for refusals a person can read. */
export const RECORDING_MODE_NAMES: Record<RecordingMode, string> = {
  never: 'Never',
  always: 'Always',
  alwaysPauseResume: 'Always with Pause/Resume',
  onDemand: 'On Demand',
};

/** Webex's recording platform takes a moment to join the call; the line makes the app wait. */
export const RECORDING_START_MS = 1_500;

const MODES_FOR: Record<RecordingOp, readonly RecordingMode[]> = {
  start: ['onDemand'],
  stop: ['onDemand'],
  pause: ['onDemand', 'alwaysPauseResume'],
  resume: ['onDemand', 'alwaysPauseResume'],
};

const NEEDS: Record<RecordingOp, { from: ReadonlyArray<RecordingState | undefined>; what: string; to: RecordingState }> = {
  start: { from: [undefined, 'stopped', 'failed'], what: 'not being recorded', to: 'pending' },
  stop: { from: ['started', 'paused'], what: 'being recorded', to: 'stopped' },
  pause: { from: ['started'], what: 'being recorded', to: 'paused' },
  resume: { from: ['paused'], what: 'paused', to: 'started' },
};

const OPERATION: Record<RecordingOp, string> = {
  start: 'startRecording',
  stop: 'stopRecording',
  pause: 'pauseRecording',
  resume: 'resumeRecording',
};

export function recording(state: LineState, callId: string | undefined, op: RecordingOp, mode: RecordingMode): Step {
  const call = singleActiveCall(state, callId, `${op} recording`);
  requireAnswered(call, `${op} recording on`);
  const modes = MODES_FOR[op];
  if (!modes.includes(mode)) {
    const allowed = modes.map((m) => `"${RECORDING_MODE_NAMES[m]}"`).join(' or ');
    throw new CallStateError(
      400,
      `${OPERATION[op]} is only valid when the user's call recording mode is ${allowed}; it is "${RECORDING_MODE_NAMES[mode]}".`,
    );
  }
  const rule = NEEDS[op];
  if (!rule.from.includes(call.recordingState)) {
    throw new CallStateError(400, `Cannot ${op} recording on call ${call.id}: the call is ${call.recordingState === 'pending' ? 'not recorded yet (pending)' : `not ${rule.what}`}.`);
  }
  return { state: replaceCall(state, { ...call, recordingState: rule.to }), value: undefined };
}

/**
 * "Always" and "Always with Pause/Resume" record every answered call without anyone asking: the
 * recording is invoked when the call is answered (and shows `pending` until it starts).
 */
export function autoRecord(state: LineState, mode: RecordingMode): LineState {
  if (mode !== 'always' && mode !== 'alwaysPauseResume') return state;
  const unrecorded = (c: LineCall) => c.phase === 'answered' && c.recordingState === undefined;
  if (!state.calls.some(unrecorded)) return state;
  return { ...state, calls: state.calls.map((c) => (unrecorded(c) ? { ...c, recordingState: 'pending' as const } : c)) };
}

/** The recording platform has joined: a pending recording is now running. */
export function recordingStarted(state: LineState, callId: string): Step {
  const call = state.calls.find((c) => c.id === callId);
  if (!call || call.recordingState !== 'pending') return { state, value: undefined };
  return { state: replaceCall(state, { ...call, recordingState: 'started' }), value: undefined };
}
