import type { CallAction } from '../../preload/contract.js';
import type { WebexCall } from '../providers/webex/schemas.js';

/**
 * What a person can do to a call right now, in a stable order (the order the window shows the
 * buttons in). Main decides this once so the window, the tray and the hotkeys always agree.
 */
export function offeredActions(raw: WebexCall): CallAction[] {
  switch (raw.state) {
    case 'alerting':
      if (raw.personality === 'terminator') return ['answer', 'decline', 'ignore', 'unavailable', 'forward', 'voicemail'];
      // A Click to Dial call alerts our own devices for a call we asked for: the person picks up
      // the phone to place it, or cancels it with hangup (reject is for incoming calls only).
      // An alerting originator is undocumented; ending it is the only safe offer.
      return ['hangup'];
    case 'connecting':
      return ['hangup'];
    case 'connected':
      return ['hangup', 'hold', 'transfer', 'transferToVoicemail', 'park', 'keypad', ...muteActions(raw), ...recordingActions(raw)];
    case 'held':
      // Attended transfer needs a held call, so transfer stays available here.
      return ['resume', 'hangup', 'transfer', 'transferToVoicemail'];
    case 'remoteHeld':
      // The other side's hold does not take the call from us: transfer, park and keypad still work.
      return ['hangup', 'hold', 'transfer', 'transferToVoicemail', 'park', 'keypad', ...muteActions(raw)];
    case 'disconnected':
      return [];
    case 'unknown':
      // A state Webex added after this build: hangup is valid for any call; nothing else is safe to guess.
      return ['hangup'];
  }
}

function muteActions(raw: WebexCall): CallAction[] {
  if (!raw.muteCapable) return [];
  return [raw.muted ? 'unmute' : 'mute'];
}

function recordingActions(raw: WebexCall): CallAction[] {
  switch (raw.recordingState) {
    case undefined:
    case 'stopped':
    case 'failed':
      return ['startRecording'];
    case 'started':
      return ['pauseRecording', 'stopRecording'];
    case 'paused':
      return ['resumeRecording', 'stopRecording'];
    // pending: requested but not running yet; stop and pause are "only valid when a call is being
    // recorded", so nothing is offered until it has started. unknown: nothing is safe to guess.
    case 'pending':
    case 'unknown':
      return [];
  }
}
