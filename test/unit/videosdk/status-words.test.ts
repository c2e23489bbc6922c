import { describe, expect, it } from 'vitest';
import { toSipCall } from '../../../main/videosdk/to-sip-call.js';
import { statusWords } from '../../../main/videosdk/index.js';

describe('SIP call statuses in words', () => {
  it.each([
    ['initiated', 'Dialing', true],
    ['ringing', 'Ringing', true],
    ['answered', 'Answered', true],
    ['transferring', 'Transferring', true],
    ['ended', 'Ended', false],
    ['failed', 'Failed', false],
    ['missed', 'Missed', false],
    ['not-answered', 'Not answered', false],
    ['rejected', 'Rejected', false],
    ['abandoned', 'Abandoned', false],
    ['transferred', 'Transferred', false],
  ])('%s reads "%s" (live: %s)', (status, text, live) => {
    expect(statusWords(status, false)).toEqual({ text, live });
  });

  it('an unknown status is shown in words, live until the call has an end', () => {
    expect(statusWords('on-hold_music', false)).toEqual({ text: 'On hold music', live: true });
    expect(statusWords('on-hold_music', true)).toEqual({ text: 'On hold music', live: false });
    expect(statusWords('', false)).toEqual({ text: 'Unknown', live: true });
    // Not an own key: no prototype lookup.
    expect(statusWords('constructor', false)).toEqual({ text: 'Constructor', live: true });
  });

  it('a call with an end is never live, whatever its status says', () => {
    const call = toSipCall({ id: 'c1', status: 'answered', to: '+14155550123', roomId: 'r', start: '2026-03-02T09:00:00Z', end: '2026-03-02T09:01:00Z' });
    expect(call).toEqual({
      id: 'c1',
      to: '+14155550123',
      roomId: 'r',
      status: 'answered',
      statusText: 'Answered',
      live: false,
      startedAt: '2026-03-02T09:00:00Z',
      endedAt: '2026-03-02T09:01:00Z',
    });
  });
});
