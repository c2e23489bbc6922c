import { describe, expect, it } from 'vitest';
import { resolveIntent, type Intent, type IntentTarget } from '../../../main/calls/hotkey-target.js';
import { toCall } from '../../../main/calls/to-call.js';
import type { WebexCall } from '../../../main/providers/webex/schemas.js';
import type { Call } from '../../../preload/contract.js';
import { webexCall } from '../../fakes/webex-call-fixtures.js';

const at = (seconds: number) => new Date(Date.parse('2026-03-02T09:00:00.000Z') + seconds * 1000).toISOString();

const ringing = (id: string, createdSec: number) => toCall(webexCall({ id, created: at(createdSec) }));
const clickToDial = (id: string) => toCall(webexCall({ id, personality: 'clickToDial', created: at(0) }));
const dialling = (id: string) => toCall(webexCall({ id, personality: 'originator', state: 'connecting', created: at(0) }));
const talking = (id: string, answeredSec: number, extra: Partial<WebexCall> = {}) =>
  toCall(webexCall({ id, state: 'connected', created: at(answeredSec - 5), answered: at(answeredSec), ...extra }));
const held = (id: string, answeredSec: number) =>
  toCall(webexCall({ id, state: 'held', created: at(answeredSec - 5), answered: at(answeredSec) }));
const offline = (call: Call): Call => ({ ...call, actions: [] });

const act = (callId: string, action: string): IntentTarget => ({ kind: 'act', callId, action } as IntentTarget);

type Case = [name: string, intent: Intent, calls: Call[], expected: IntentTarget | RegExp];
const cases: Case[] = [
  ['answer: nothing rings', 'answer', [talking('t', 10)], /No call is ringing/],
  ['answer: the one ringing call', 'answer', [ringing('r1', 5)], act('r1', 'answer')],
  ['answer: the caller who waited longest', 'answer', [ringing('new', 20), ringing('old', 5), ringing('mid', 10)], act('old', 'answer')],
  ['[CC-01] [CC-05] answer: a click-to-dial call alerting our phone is our own dial, not a call to answer', 'answer', [clickToDial('c2d')], /No call is ringing/],
  ['[CC-04] hangup: cancels our own click-to-dial with hangup, never reject', 'hangupDecline', [clickToDial('c2d')], act('c2d', 'hangup')],
  ['[CC-04] hangup: a click-to-dial call comes before declining a real ringing call', 'hangupDecline', [ringing('r', 20), clickToDial('c2d')], act('c2d', 'hangup')],
  ['answer: not an outgoing call', 'answer', [dialling('out')], /No call is ringing/],
  ['answer: offline (no actions) does nothing', 'answer', [offline(ringing('r1', 5))], /cannot be answered/],

  ['hold: holds the connected call', 'holdResume', [talking('t', 10), held('h', 5)], act('t', 'hold')],
  ['hold: holds a remote-held call too', 'holdResume', [toCall(webexCall({ id: 'rh', state: 'remoteHeld', answered: at(1) }))], act('rh', 'hold')],
  ['hold: resumes the most recently held call', 'holdResume', [held('older', 5), held('newer', 30)], act('newer', 'resume')],
  ['hold: a ringing call is not held', 'holdResume', [ringing('r', 1)], /No call to hold or resume/],
  ['hold: nothing at all', 'holdResume', [], /No call to hold or resume/],

  ['hangup: ends the connected call, not the ringing one', 'hangupDecline', [ringing('r', 20), talking('t', 10)], act('t', 'hangup')],
  ['hangup: only a ringing call → decline it', 'hangupDecline', [ringing('r', 20)], act('r', 'decline')],
  ['hangup: declines the same call answer would take', 'hangupDecline', [ringing('new', 20), ringing('old', 5)], act('old', 'decline')],
  ['hangup: cancels a call we are dialling', 'hangupDecline', [dialling('out'), ringing('r', 1)], act('out', 'hangup')],
  ['hangup: prefers a ringing call over a held one', 'hangupDecline', [held('h', 5), ringing('r', 20)], act('r', 'decline')],
  ['hangup: never hangs up a held caller blind', 'hangupDecline', [held('h', 5)], /on hold/],
  ['hangup: the most recently answered of two connected calls', 'hangupDecline', [talking('a', 10), talking('b', 20)], act('b', 'hangup')],

  ['mute: mutes the connected call', 'muteUnmute', [talking('t', 10)], act('t', 'mute')],
  ['mute: unmutes a muted call', 'muteUnmute', [talking('t', 10, { muted: true })], act('t', 'unmute')],
  ['[CC-12] mute: not mute capable', 'muteUnmute', [talking('t', 10, { muteCapable: false })], /cannot be muted from CallDeck/],
  ['mute: only a held call', 'muteUnmute', [held('h', 5)], /No connected call/],
  ['mute: offline', 'muteUnmute', [offline(talking('t', 10))], /cannot be muted right now/],
];

describe('resolveIntent', () => {
  it.each(cases)('%s', (_name, intent, calls, expected) => {
    const result = resolveIntent(intent, calls);
    if (expected instanceof RegExp) {
      expect(result.kind).toBe('nothing');
      if (result.kind === 'nothing') expect(result.reason).toMatch(expected);
    } else {
      expect(result).toEqual(expected);
    }
  });

  it('does not depend on the order the calls are listed in', () => {
    const calls = [ringing('b', 10), ringing('a', 10), held('h1', 3), held('h2', 4)];
    for (const intent of ['answer', 'holdResume', 'hangupDecline'] as const) {
      expect(resolveIntent(intent, [...calls].reverse())).toEqual(resolveIntent(intent, calls));
    }
  });
});
