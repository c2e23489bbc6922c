import { describe, expect, test } from 'vitest';
import type { CallsSnapshot, MeetingParticipant, MeetingsSnapshot } from '../../../preload/contract';
import { createAppStore } from '../../../renderer/store/app-store';
import { keepUnchanged, sameValue } from '../../../renderer/store/keep-unchanged';
import { DEMO_LINE, NO_MEETING, makeCall } from './fake-api';

/** What the bridge delivers: a fresh copy of every call, as JSON over IPC does. */
const overTheWire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('keepUnchanged', () => {
  const a = makeCall({ id: 'a' });
  const b = makeCall({ id: 'b', state: 'held', actions: ['resume', 'hangup'] });
  const c = makeCall({ id: 'c' });
  const previous = overTheWire([a, b, c]);

  test('keeps the previous object for every call equal in value, and the same array when nothing changed', () => {
    const next = keepUnchanged(previous, overTheWire([a, b, c]));
    expect(next).toBe(previous);
  });

  test('a changed call is the new object; the others stay the previous ones', () => {
    const next = keepUnchanged(previous, overTheWire([a, { ...b, recording: 'started' as const }, c]));
    expect(next).not.toBe(previous);
    expect(next[0]).toBe(previous[0]);
    expect(next[1]).not.toBe(previous[1]);
    expect(next[1]?.recording).toBe('started');
    expect(next[2]).toBe(previous[2]);
  });

  test('follows the new order and membership: moved calls are kept, gone ones dropped, new ones added', () => {
    const d = makeCall({ id: 'd' });
    const next = keepUnchanged(previous, overTheWire([c, a, d]));
    expect(next.map((call) => call.id)).toEqual(['c', 'a', 'd']);
    expect(next[0]).toBe(previous[2]);
    expect(next[1]).toBe(previous[0]);
  });

  test('a change deep inside a call (an action, the remote party) counts as a change', () => {
    const fewerActions = keepUnchanged(previous, overTheWire([{ ...a, actions: ['hold', 'hangup'] }, b, c]));
    expect(fewerActions[0]).not.toBe(previous[0]);
    const renamed = keepUnchanged(previous, overTheWire([{ ...a, remote: { ...a.remote, name: 'Someone Else' } }, b, c]));
    expect(renamed[0]).not.toBe(previous[0]);
  });
});

describe('sameValue', () => {
  test('compares JSON-shaped values structurally', () => {
    expect(sameValue({ x: [1, { y: 'z' }] }, { x: [1, { y: 'z' }] })).toBe(true);
    expect(sameValue({ x: [1, 2] }, { x: [2, 1] })).toBe(false);
    expect(sameValue({ x: 1 }, { x: 1, y: 2 })).toBe(false);
    expect(sameValue({ x: 1, y: undefined }, { x: 1, z: undefined })).toBe(false);
    expect(sameValue([1], { 0: 1 })).toBe(false);
    expect(sameValue(null, {})).toBe(false);
  });
});

describe('the calls slice', () => {
  test('a snapshot that changes one call replaces only that call in the store', () => {
    const store = createAppStore();
    const snapshot = (calls: CallsSnapshot['calls']): CallsSnapshot => overTheWire({ calls, line: DEMO_LINE, ended: [] });
    const a = makeCall({ id: 'a' });
    const b = makeCall({ id: 'b' });
    store.getState().calls.applySnapshot(snapshot([a, b]));
    const [firstA, firstB] = store.getState().calls.list;

    store.getState().calls.applySnapshot(snapshot([a, { ...b, muted: true }]));
    const [nextA, nextB] = store.getState().calls.list;
    expect(nextA).toBe(firstA);
    expect(nextB).not.toBe(firstB);
    expect(nextB?.muted).toBe(true);
  });
});

describe('the meetings slice', () => {
  test('a roster refresh that changes one participant replaces only that participant in the store', () => {
    const store = createAppStore();
    const person = (id: string, muted = false): MeetingParticipant => ({ id, displayName: id, host: false, coHost: false, muted, video: 'off', state: 'joined' });
    const roster = (participants: MeetingParticipant[]): MeetingsSnapshot =>
      overTheWire({ ...NO_MEETING, meeting: { id: 'm1', title: 'All hands' }, participants, watching: true });
    store.getState().meetings.apply(roster([person('a'), person('b')]));
    const [firstA, firstB] = store.getState().meetings.snapshot?.participants ?? [];

    store.getState().meetings.apply(roster([person('a'), person('b', true)]));
    const [nextA, nextB] = store.getState().meetings.snapshot?.participants ?? [];
    expect(nextA).toBe(firstA);
    expect(nextB).not.toBe(firstB);
    expect(nextB?.muted).toBe(true);
  });
});
