import { describe, expect, it } from 'vitest';
import { matchesMissedRecord, sameNumber, type VanishedCall } from '../../../main/calls/classify-vanished.js';
import { toCall } from '../../../main/calls/to-call.js';
import { missedRecord, party, webexCall } from '../../fakes/webex-call-fixtures.js';

describe('sameNumber', () => {
  it.each([
    ['+12015550123', '2015550123', true],
    ['+12015550123', '+1 (201) 555-0123', true],
    ['+12015550123', '+12015550124', false],
    ['4102', '4102', true],
    ['4102', '14102', false], // short numbers must match exactly
    ['sip:Alice@Example.com', 'alice@example.com', true],
    ['alice@example.com', 'bob@example.com', false],
    ['*73', '*73', true],
  ])('%s vs %s → %s', (a, b, expected) => {
    expect(sameNumber(a, b)).toBe(expected);
  });
});

describe('matchesMissedRecord', () => {
  const vanished = (extra: Parameters<typeof webexCall>[0] = { id: 'r1' }): VanishedCall => ({
    call: toCall(webexCall({ created: '2026-03-02T09:00:00.000Z', ...extra })),
    viaGroup: false,
    goneAt: Date.parse('2026-03-02T09:00:20.000Z'),
  });

  it.each([
    ['same caller, while it rang', missedRecord({ time: '2026-03-02T09:00:19.000Z' }), true],
    ['same caller, Webex clock slightly ahead of ours', missedRecord({ time: '2026-03-02T09:01:30.000Z' }), true],
    ['same caller, an earlier call', missedRecord({ time: '2026-03-02T08:59:00.000Z' }), false],
    ['same caller, far later', missedRecord({ time: '2026-03-02T09:10:00.000Z' }), false],
    ['another caller', missedRecord({ time: '2026-03-02T09:00:19.000Z', number: '+442079460958' }), false],
    ['private record for a known caller', { type: 'missed' as const, privacyEnabled: true, time: '2026-03-02T09:00:19.000Z' }, false],
    ['record without number', { type: 'missed' as const, privacyEnabled: false, time: '2026-03-02T09:00:19.000Z' }, true],
    ['unreadable time', missedRecord({ time: 'yesterday' }), false],
  ])('%s → %s', (_name, record, expected) => {
    expect(matchesMissedRecord(vanished(), record)).toBe(expected);
  });

  it('a private caller matches only a private record', () => {
    const hidden = vanished({ id: 'p', remoteParty: party({ privacyEnabled: true }) });
    expect(matchesMissedRecord(hidden, { type: 'missed', privacyEnabled: true, time: '2026-03-02T09:00:19.000Z' })).toBe(true);
    expect(matchesMissedRecord(hidden, missedRecord({ time: '2026-03-02T09:00:19.000Z' }))).toBe(false);
  });
});
