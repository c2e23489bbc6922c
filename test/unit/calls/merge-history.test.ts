import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../preload/contract.js';
import { mergeHistory } from '../../../main/calls/merge-history.js';

const webex = (type: HistoryEntry['type'], number: string | undefined, time: string): HistoryEntry => ({
  type, privacy: number === undefined, time, source: 'webex', ...(number ? { number } : {}),
});
const local = (type: HistoryEntry['type'], number: string | undefined, time: string): HistoryEntry => ({
  ...webex(type, number, time), source: 'local', outcome: 'ended', durationSec: 42,
});

describe('merging Webex history with the local log', () => {
  it('shows a call both saw once, as the local entry (it knows outcome and duration)', () => {
    const merged = mergeHistory(
      [webex('received', '+12015550123', '2026-11-21T10:00:00.000Z')],
      [local('received', '+12015550123', '2026-11-21T10:00:00.000Z')],
    );
    expect(merged).toEqual([expect.objectContaining({ source: 'local', durationSec: 42 })]);
  });

  it('pairs a missed call seen a poll later, and national with international numbers', () => {
    const merged = mergeHistory(
      [webex('missed', '2015550123', '2026-11-21T10:00:00.000Z')],
      [local('missed', '+12015550123', '2026-11-21T10:00:02.000Z')],
    );
    expect(merged).toHaveLength(1);
  });

  it('keeps calls that only one side knows, newest first', () => {
    const merged = mergeHistory(
      [webex('placed', '4102', '2026-11-21T09:00:00.000Z'), webex('missed', '+12015550123', '2026-11-21T10:00:00.000Z')],
      [local('missed', '+12015550123', '2026-11-21T11:00:00.000Z')],
    );
    expect(merged.map((e) => `${e.source}:${e.type}:${e.time.slice(11, 13)}`)).toEqual(['local:missed:11', 'webex:missed:10', 'webex:placed:09']);
  });

  it('does not pair different types, numbers, or two local calls with one Webex record', () => {
    const merged = mergeHistory(
      [webex('received', '+12015550123', '2026-11-21T10:00:00.000Z')],
      [
        local('missed', '+12015550123', '2026-11-21T10:00:00.000Z'),
        local('received', '+12015550999', '2026-11-21T10:00:00.000Z'),
      ],
    );
    expect(merged).toHaveLength(3);
  });

  it('pairs private calls by type and time', () => {
    expect(mergeHistory([webex('missed', undefined, '2026-11-21T10:00:00.000Z')], [local('missed', undefined, '2026-11-21T10:00:01.000Z')])).toHaveLength(1);
  });
});
