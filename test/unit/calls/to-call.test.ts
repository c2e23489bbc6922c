import { describe, expect, it } from 'vitest';
import { toCall } from '../../../main/calls/to-call.js';
import type { WebexCall } from '../../../main/providers/webex/schemas.js';
import { party, webexCall } from '../../fakes/webex-call-fixtures.js';

type Redirections = NonNullable<WebexCall['redirections']>;
const redirect = (reason: Redirections[number]['reason'], who: Partial<Parameters<typeof party>[0]> = {}) => ({
  reason,
  redirectingParty: party({ callType: 'location', ...who }),
});

describe('toCall', () => {
  it('maps the fields a person sees', () => {
    const call = toCall(
      webexCall({
        id: 'c1',
        callSessionId: 's1',
        personality: 'originator',
        state: 'connected',
        created: '2026-03-02T09:00:00.000Z',
        answered: '2026-03-02T09:00:04.000Z',
        recordingState: 'started',
        muted: true,
      }),
    );
    expect(call).toEqual({
      id: 'c1',
      sessionId: 's1',
      personality: 'originator',
      state: 'connected',
      remote: { name: 'Ana Silva', number: '+12015550123', privacy: false },
      createdAt: '2026-03-02T09:00:00.000Z',
      answeredAt: '2026-03-02T09:00:04.000Z',
      recording: 'started',
      muteCapable: true,
      muted: true,
      actions: ['hangup', 'hold', 'transfer', 'transferToVoicemail', 'park', 'keypad', 'unmute', 'pauseRecording', 'stopRecording'],
    });
  });

  it('leaves absent optional fields out instead of setting them to undefined', () => {
    const call = toCall(webexCall({ id: 'c1' }));
    expect(Object.keys(call)).not.toContain('answeredAt');
    expect(Object.keys(call)).not.toContain('via');
    expect(Object.keys(call)).not.toContain('recall');
    expect(Object.keys(call)).not.toContain('recording');
  });

  it('hides the name and number of a private caller even if Webex sent them', () => {
    const call = toCall(webexCall({ id: 'c1', remoteParty: party({ name: 'Secret', number: '+12015550199', privacyEnabled: true }) }));
    expect(call.remote).toEqual({ privacy: true });
  });

  it('keeps a number without a name', () => {
    expect(toCall(webexCall({ id: 'c1', remoteParty: party({ number: '4102' }) })).remote).toEqual({ number: '4102', privacy: false });
  });

  const viaCases: [string, Redirections, string][] = [
    ['hunt group', [redirect('huntGroup', { name: 'Sales' })], 'via Sales hunt group'],
    ['hunt group already named so', [redirect('huntGroup', { name: 'Sales Hunt Group' })], 'via Sales Hunt Group'],
    ['hunt group without name', [redirect('huntGroup', { number: '5000' })], 'via hunt group 5000'],
    ['hunt group, private', [redirect('huntGroup', { privacyEnabled: true })], 'via a hunt group'],
    ['call queue', [redirect('callQueue', { name: 'Support' })], 'via Support call queue'],
    ['call queue already named so', [redirect('callQueue', { name: 'Support Queue' })], 'via Support Queue'],
    ['forward always', [redirect('unconditional', { name: 'Ana Silva' })], 'forwarded by Ana Silva'],
    ['forward busy', [redirect('busy', { name: 'Ana Silva' })], 'forwarded by Ana Silva (busy)'],
    ['forward no answer', [redirect('noAnswer', { number: '4102' })], 'forwarded by 4102 (no answer)'],
    ['business continuity', [redirect('unavailable', { name: 'Ana Silva' })], 'forwarded by Ana Silva (unavailable)'],
    ['selective forwarding', [redirect('timeOfDay', { name: 'Front desk' })], 'forwarded by Front desk (schedule)'],
    ['divert', [redirect('divert', { name: 'Bo Chen' })], 'diverted by Bo Chen'],
    ['simultaneous ring', [redirect('followMe', { name: 'Bo Chen' })], 'simultaneous ring for Bo Chen'],
    ['unknown', [redirect('unknown', { name: 'Bo Chen' })], 'redirected by Bo Chen'],
    ['private redirector', [redirect('divert', { name: 'X', privacyEnabled: true })], 'diverted by a private number'],
    ['nameless redirector', [redirect('divert')], 'diverted by someone'],
    [
      'most recent redirection wins (Webex lists newest first)',
      [redirect('divert', { name: 'Bo Chen' }), redirect('huntGroup', { name: 'Sales' })],
      'diverted by Bo Chen',
    ],
  ];

  it.each(viaCases)('via: %s', (_name, redirections, expected) => {
    expect(toCall(webexCall({ id: 'c1', redirections })).via).toBe(expected);
  });

  it('says "via" only while the call is ringing', () => {
    const call = toCall(webexCall({ id: 'c1', state: 'connected', redirections: [redirect('huntGroup', { name: 'Sales' })] }));
    expect(call.via).toBeUndefined();
  });

  it.each([
    ['parked on a number', { type: 'park', party: party({ name: 'Park 1', number: '4102' }) }, 'Recall: parked on 4102'],
    ['parked on a name', { type: 'park', party: party({ name: 'Reception' }) }, 'Recall: parked on Reception'],
    ['parked, no party', { type: 'park' }, 'Recall: parked call'],
    ['future recall type', { type: 'somethingNew' }, 'Recall'],
  ] as const)('recall: %s', (_name, recall, expected) => {
    expect(toCall(webexCall({ id: 'c1', recall: { ...recall } })).recall).toBe(expected);
  });
});
