import type { CallAction, CallOutcome, CallState, HistoryEntry, LineStatus, RecordingState } from '../../preload/contract';

export const CALL_STATE_WORDS: Record<CallState, string> = {
  alerting: 'Ringing',
  connecting: 'Calling…',
  connected: 'Connected',
  held: 'On hold',
  remoteHeld: 'Held by other party',
  disconnected: 'Ended',
  unknown: 'Status unknown',
};

/** Words for the recording badge; a stopped recording needs no badge. */
export const RECORDING_WORDS: Record<RecordingState, string | undefined> = {
  pending: 'Starting recording…',
  started: 'Recording',
  paused: 'Recording paused',
  stopped: undefined,
  failed: 'Recording failed',
};

/** Button names, exactly; tests, screen readers and support scripts all rely on them. */
export const ACTION_LABELS: Record<CallAction, string> = {
  answer: 'Answer',
  decline: 'Decline',
  ignore: 'Ignore',
  unavailable: 'Unavailable',
  forward: 'Forward…',
  voicemail: 'Send to voicemail',
  hangup: 'Hang up',
  hold: 'Hold',
  resume: 'Resume',
  mute: 'Mute',
  unmute: 'Unmute',
  transfer: 'Transfer',
  park: 'Park',
  transferToVoicemail: 'Transfer to voicemail',
  keypad: 'Keypad',
  startRecording: 'Start recording',
  pauseRecording: 'Pause recording',
  resumeRecording: 'Resume recording',
  stopRecording: 'Stop recording',
};

/**
 * The order buttons appear in, whatever order main lists them: the likely next step first, the
 * call-ending ones last, so muscle memory works across calls.
 */
export const ACTION_ORDER: readonly CallAction[] = [
  'answer',
  'resume',
  'hold',
  'unmute',
  'mute',
  'transfer',
  'park',
  'keypad',
  'startRecording',
  'pauseRecording',
  'resumeRecording',
  'stopRecording',
  'voicemail',
  'decline',
  'hangup',
];

export const LINE_STATE_WORDS: Record<LineStatus['state'], string> = {
  starting: 'Connecting…',
  ok: 'Online',
  offline: 'Offline',
  'rate-limited': 'Slowed down',
  unauthorized: 'Signed out',
  error: 'Line error',
};

/** What the person did, in the history list, instead of a type Webex would call it by. */
export const OUTCOME_WORDS: Partial<Record<CallOutcome, string>> = {
  declined: 'Declined',
  ignored: 'Ignored',
  forwarded: 'Forwarded',
  voicemail: 'Sent to voicemail',
  cancelled: 'Cancelled',
  'answered-elsewhere': 'Answered elsewhere',
};

export const HISTORY_TYPE_WORDS: Record<HistoryEntry['type'], string> = {
  placed: 'Placed',
  received: 'Received',
  missed: 'Missed',
};
