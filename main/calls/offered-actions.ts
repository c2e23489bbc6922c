import type { CallAction } from '../../preload/contract.js';
import type { WebexCall } from '../providers/webex/schemas.js';

/**
 * What a person can do to a call right now, in a stable order (the order the window shows the
 * buttons in). Main decides this once so the window, the tray and the hotkeys always agree.
 */
export function offeredActions(raw: WebexCall): CallAction[] {
  switch (raw.state) {
    case 'alerting':
      // Only an incoming call can be sent to voicemail; a Click to Dial call rings our own
      // devices on our behalf, so "voicemail" would divert our own outgoing call.
      if (raw.personality === 'terminator') return ['answer', 'decline', 'ignore', 'unavailable', 'forward', 'voicemail'];
      if (raw.personality === 'clickToDial') return ['answer', 'decline'];
      // Webex does not document an alerting originator call; ending it is the only safe offer.
      return ['hangup'];
    case 'connecting':
      return ['hangup'];
    case 'connected':
      return ['hangup', 'hold', 'transfer', 'transferToVoicemail', 'park', 'keypad', ...muteActions(raw), ...recordingActions(raw)];
    case 'held':
      // Attended transfer needs a held call, so transfer stays available here.
      return ['resume', 'hangup', 'transfer', 'transferToVoicemail'];
    case 'remoteHeld':
      return ['hangup', 'hold', ...muteActions(raw)];
    case 'disconnected':
      return [];
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
    case 'pending':
      // Requested but not running yet: stop and pause are "only valid when a call is being
      // recorded", so nothing is offered until it has started.
      return [];
  }
}
