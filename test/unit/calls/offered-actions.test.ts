import { describe, expect, it } from 'vitest';
import { offeredActions } from '../../../main/calls/offered-actions.js';
import type { CallAction } from '../../../preload/contract.js';
import type { WebexCall } from '../../../main/providers/webex/schemas.js';
import { webexCall } from '../../fakes/webex-call-fixtures.js';

const connected = (extra: Partial<WebexCall> = {}) =>
  webexCall({ id: 'c', personality: 'originator', state: 'connected', answered: '2026-03-02T09:00:05.000Z', ...extra });

const cases: [string, WebexCall, CallAction[]][] = [
  ['incoming alerting', webexCall({ id: 'a' }), ['answer', 'decline', 'ignore', 'unavailable', 'forward', 'voicemail']],
  ['click-to-dial alerting', webexCall({ id: 'a', personality: 'clickToDial' }), ['answer', 'decline']],
  ['outgoing connecting', webexCall({ id: 'a', personality: 'originator', state: 'connecting' }), ['hangup']],
  [
    '[CC-20] connected outgoing call, not recording: divert (voicemail transfer) is offered too',
    connected(),
    ['hangup', 'hold', 'transfer', 'transferToVoicemail', 'park', 'keypad', 'mute', 'startRecording'],
  ],
  [
    'connected, muted',
    connected({ muted: true }),
    ['hangup', 'hold', 'transfer', 'transferToVoicemail', 'park', 'keypad', 'unmute', 'startRecording'],
  ],
  ['connected, not mute capable', connected({ muteCapable: false }), ['hangup', 'hold', 'transfer', 'transferToVoicemail', 'park', 'keypad', 'startRecording']],
  [
    'connected, recording stopped',
    connected({ recordingState: 'stopped' }),
    ['hangup', 'hold', 'transfer', 'transferToVoicemail', 'park', 'keypad', 'mute', 'startRecording'],
  ],
  [
    'connected, recording failed',
    connected({ recordingState: 'failed' }),
    ['hangup', 'hold', 'transfer', 'transferToVoicemail', 'park', 'keypad', 'mute', 'startRecording'],
  ],
  [
    'connected, recording started',
    connected({ recordingState: 'started' }),
    ['hangup', 'hold', 'transfer', 'transferToVoicemail', 'park', 'keypad', 'mute', 'pauseRecording', 'stopRecording'],
  ],
  [
    'connected, recording paused',
    connected({ recordingState: 'paused' }),
    ['hangup', 'hold', 'transfer', 'transferToVoicemail', 'park', 'keypad', 'mute', 'resumeRecording', 'stopRecording'],
  ],
  [
    '[CC-25] connected, recording pending: no Stop (nor Pause) until it has started',
    connected({ recordingState: 'pending' }),
    ['hangup', 'hold', 'transfer', 'transferToVoicemail', 'park', 'keypad', 'mute'],
  ],
  ['held', connected({ state: 'held' }), ['resume', 'hangup', 'transfer', 'transferToVoicemail']],
  ['held, muted and recording (no mute/recording controls while held)', connected({ state: 'held', muted: true, recordingState: 'started' }), ['resume', 'hangup', 'transfer', 'transferToVoicemail']],
  [
    '[CC-20] incoming connected: can go into someone\'s voicemail, like an outgoing one',
    connected({ personality: 'terminator' }),
    ['hangup', 'hold', 'transfer', 'transferToVoicemail', 'park', 'keypad', 'mute', 'startRecording'],
  ],
  ['incoming held', connected({ personality: 'terminator', state: 'held' }), ['resume', 'hangup', 'transfer', 'transferToVoicemail']],
  ['remote held', connected({ state: 'remoteHeld' }), ['hangup', 'hold', 'mute']],
  ['remote held, muted', connected({ state: 'remoteHeld', muted: true }), ['hangup', 'hold', 'unmute']],
  ['remote held, not mute capable', connected({ state: 'remoteHeld', muteCapable: false }), ['hangup', 'hold']],
  ['disconnected', connected({ state: 'disconnected' }), []],
];

describe('offeredActions', () => {
  it.each(cases)('%s', (_name, raw, expected) => {
    expect(offeredActions(raw)).toEqual(expected);
  });

  it('never offers answer/decline/voicemail outside an alerting call', () => {
    for (const state of ['connecting', 'connected', 'held', 'remoteHeld', 'disconnected'] as const) {
      const actions = offeredActions(webexCall({ id: 'x', state }));
      expect(actions).not.toContain('answer');
      expect(actions).not.toContain('decline');
      expect(actions).not.toContain('voicemail');
    }
  });
});
