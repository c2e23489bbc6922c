import { describe, expect, it } from 'vitest';
import * as m from '../../../main/sandbox/call-state.js';
import { CallStateError } from '../../../main/sandbox/call-state.js';
import { initialLineState, toWireCall, wireState, type LineState } from '../../../main/sandbox/line-model.js';

const T0 = '2026-03-02T09:00:00.000Z';
const T1 = '2026-03-02T09:00:05.000Z';
const T2 = '2026-03-02T09:00:09.000Z';

function call(state: LineState, id: string) {
  const found = state.calls.find((c) => c.id === id);
  if (!found) throw new Error(`no call ${id}`);
  return found;
}

function stateOf(state: LineState, id: string) {
  return wireState(call(state, id));
}

function refused(run: () => unknown, status: number): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(CallStateError);
  expect((caught as CallStateError).status).toBe(status);
}

function ringing(state: LineState = initialLineState(), from = { name: 'Priya', number: '+12125550142' }) {
  const step = m.incomingCall(state, { from }, T0);
  return { state: step.state, id: step.value };
}

function connected(state?: LineState) {
  const r = ringing(state);
  return { state: m.answer(r.state, r.id, T1).state, id: r.id };
}

describe('incoming calls', () => {
  it('alert as terminator, answer to connected with both timestamps and a received record', () => {
    const r = ringing();
    expect(stateOf(r.state, r.id)).toBe('alerting');
    expect(call(r.state, r.id)).toMatchObject({ personality: 'terminator', created: T0, appearance: 1 });
    const answered = m.answer(r.state, r.id, T1).state;
    expect(call(answered, r.id)).toMatchObject({ answered: T1, phase: 'answered' });
    expect(stateOf(answered, r.id)).toBe('connected');
    expect(answered.history).toEqual([{ type: 'received', name: 'Priya', number: '+12125550142', privacyEnabled: false, time: T1 }]);
  });

  it('show redirections only while alerting', () => {
    const step = m.incomingCall(initialLineState(), { from: { number: '+1555' }, via: { reason: 'huntGroup', name: 'Sales', number: '2100' } }, T0);
    expect(toWireCall(call(step.state, step.value)).redirections).toEqual([
      { reason: 'huntGroup', redirectingParty: { name: 'Sales', number: '2100', privacyEnabled: false, callType: 'location' } },
    ]);
    const answered = m.answer(step.state, step.value, T1).state;
    expect(toWireCall(call(answered, step.value))).not.toHaveProperty('redirections');
  });

  it('hide name and number of a private caller, in the call and in history', () => {
    const step = m.incomingCall(initialLineState(), { from: { name: 'Secret', number: '+1555', privacy: true } }, T0);
    expect(toWireCall(call(step.state, step.value)).remoteParty).toEqual({ privacyEnabled: true, callType: 'external' });
  });

  it('take the lowest free appearance unless a line is given', () => {
    let s = ringing().state;
    const second = m.incomingCall(s, { from: { number: '1002' } }, T0);
    s = second.state;
    expect(call(s, second.value).appearance).toBe(2);
    const onLine2 = m.incomingCall(initialLineState(), { from: { number: '1003' }, line: 2 }, T0);
    expect(call(onLine2.state, onLine2.value).appearance).toBe(2);
  });

  it('become missed when the caller hangs up, rejected or hung up while alerting', () => {
    const gaveUp = ringing();
    const afterHangup = m.remoteHangup(gaveUp.state, gaveUp.id, T2).state;
    expect(afterHangup.calls).toEqual([]);
    expect(afterHangup.history[0]).toMatchObject({ type: 'missed', time: T2 });

    const rejected = ringing();
    expect(m.reject(rejected.state, rejected.id, 'busy', T2).state.history[0]?.type).toBe('missed');
    const hungUp = ringing();
    expect(m.hangup(hungUp.state, hungUp.id, T2).state.history[0]?.type).toBe('missed');
  });

  it('leave no trace when answered elsewhere', () => {
    const r = ringing();
    const s = m.answeredElsewhere(r.state, r.id).state;
    expect(s.calls).toEqual([]);
    expect(s.history).toEqual([]);
  });

  it('do not alert under Do Not Disturb; they become missed at once', () => {
    const dnd = m.updateDnd(initialLineState(), { enabled: true }).state;
    const step = m.incomingCall(dnd, { from: { name: 'Priya', number: '+1555' } }, T0);
    expect(step.state.calls).toEqual([]);
    expect(step.state.history).toEqual([{ type: 'missed', name: 'Priya', number: '+1555', privacyEnabled: false, time: T0 }]);
  });
});

describe('state rules', () => {
  it('hold and resume only a connected / held call', () => {
    const r = ringing();
    refused(() => m.hold(r.state, r.id), 400);
    const c = connected();
    const held = m.hold(c.state, c.id).state;
    expect(stateOf(held, c.id)).toBe('held');
    refused(() => m.hold(held, c.id), 400);
    refused(() => m.resume(c.state, c.id), 400);
    expect(stateOf(m.resume(held, c.id).state, c.id)).toBe('connected');
  });

  it('keeps the remote hold visible under and after the local hold', () => {
    const c = connected();
    const remote = m.setRemoteHold(c.state, c.id, true).state;
    expect(stateOf(remote, c.id)).toBe('remoteHeld');
    const both = m.hold(remote, c.id).state;
    expect(stateOf(both, c.id)).toBe('held');
    expect(stateOf(m.resume(both, c.id).state, c.id)).toBe('remoteHeld');
  });

  it('answering a second call holds the first', () => {
    const first = connected();
    const second = ringing(first.state, { name: 'Two', number: '1002' });
    const s = m.answer(second.state, second.id, T2).state;
    expect(stateOf(s, first.id)).toBe('held');
    expect(stateOf(s, second.id)).toBe('connected');
  });

  it('refuses unknown calls with 404 and answering a connected call with 400', () => {
    refused(() => m.answer(initialLineState(), 'nope', T0), 404);
    const c = connected();
    refused(() => m.answer(c.state, c.id, T1), 400);
  });

  it('mutes only mute-capable answered calls', () => {
    const c = connected();
    expect(call(m.setMuted(c.state, c.id, true).state, c.id).muted).toBe(true);
    const r = ringing();
    refused(() => m.setMuted(r.state, r.id, true), 400);
    const incapable = m.incomingCall(initialLineState(), { from: { number: '1002' }, muteCapable: false }, T0);
    const answered = m.answer(incapable.state, incapable.value, T1).state;
    refused(() => m.setMuted(answered, incapable.value, true), 400);
  });

  it('validates DTMF digits and needs a connected call', () => {
    const c = connected();
    expect(m.transmitDtmf(c.state, c.id, '1,23*#ABCD').state.dtmf).toEqual([{ callId: c.id, digits: '1,23*#ABCD' }]);
    refused(() => m.transmitDtmf(c.state, c.id, '12x'), 400);
    refused(() => m.transmitDtmf(m.hold(c.state, c.id).state, c.id, '1'), 400);
  });

  it('walks the recording states (On Demand): pending until the recording starts', () => {
    const c = connected();
    refused(() => m.recording(c.state, c.id, 'pause', 'onDemand'), 400);
    let s = m.recording(c.state, c.id, 'start', 'onDemand').state;
    expect(call(s, c.id).recordingState).toBe('pending');
    refused(() => m.recording(s, c.id, 'stop', 'onDemand'), 400);
    s = m.recordingStarted(s, c.id).state;
    expect(call(s, c.id).recordingState).toBe('started');
    s = m.recording(s, c.id, 'pause', 'onDemand').state;
    expect(call(s, c.id).recordingState).toBe('paused');
    refused(() => m.recording(s, c.id, 'pause', 'onDemand'), 400);
    s = m.recording(s, c.id, 'resume', 'onDemand').state;
    s = m.recording(s, c.id, 'stop', 'onDemand').state;
    expect(call(s, c.id).recordingState).toBe('stopped');
  });
});

describe('outgoing calls', () => {
  it('dial: connecting originator with a placed record; remote answer connects', () => {
    const step = m.dial(initialLineState(), '+14155550110', T0);
    const id = step.value.callId;
    expect(call(step.state, id)).toMatchObject({ personality: 'originator', created: T0 });
    expect(stateOf(step.state, id)).toBe('connecting');
    expect(step.state.history[0]).toMatchObject({ type: 'placed', number: '+14155550110' });
    const answered = m.remoteAnswer(step.state, id, T1).state;
    expect(stateOf(answered, id)).toBe('connected');
    expect(call(answered, id).answered).toBe(T1);
  });

  it('click to dial alerts the user first, then becomes an originator', () => {
    const step = m.dial(initialLineState(), '1002', T0, { clickToDial: true });
    expect(call(step.state, step.value.callId)).toMatchObject({ personality: 'clickToDial', phase: 'alerting' });
    const answered = m.answer(step.state, step.value.callId, T1).state;
    expect(call(answered, step.value.callId)).toMatchObject({ personality: 'originator', phase: 'connecting' });
  });
});

describe('transfer', () => {
  function twoCalls() {
    const a = connected();
    const b = m.dial(a.state, '1002', T1);
    const s = m.remoteAnswer(b.state, b.value.callId, T2).state;
    return { state: s, a: a.id, b: b.value.callId };
  }

  it('attended: both calls leave, no new call', () => {
    const t = twoCalls();
    const step = m.transfer(t.state, { callId1: t.a, callId2: t.b }, T2);
    expect(step.value).toBeUndefined();
    expect(step.state.calls).toEqual([]);
  });

  it('selects the two calls itself when none are given', () => {
    const t = twoCalls();
    expect(m.transfer(t.state, {}, T2).state.calls).toEqual([]);
  });

  it('mute transfer: a new call to the destination; the transfer completes when it answers', () => {
    const a = connected();
    const step = m.transfer(a.state, { callId1: a.id, destination: '1005' }, T2);
    expect(step.value?.callId).toBeDefined();
    const newId = step.value?.callId ?? '';
    expect(stateOf(step.state, newId)).toBe('connecting');
    expect(stateOf(step.state, a.id)).toBe('held');
    expect(m.remoteAnswer(step.state, newId, T2).state.calls).toEqual([]);
  });

  it('refuses alerting calls and incomplete arguments', () => {
    const r = ringing();
    refused(() => m.transfer(r.state, { callId1: r.id, destination: '1005' }, T1), 400);
    const c = connected();
    refused(() => m.transfer(c.state, { callId1: c.id }, T1), 400);
    refused(() => m.transfer(c.state, { callId2: c.id }, T1), 400);
    refused(() => m.transfer(c.state, { callId1: c.id, callId2: c.id }, T1), 400);
  });
});

describe('park, recall and retrieve', () => {
  it('parks against the user by default; the call leaves; a recall rings back with recall.party', () => {
    const c = connected();
    const parked = m.park(c.state, { callId: c.id });
    expect(parked.value.parkedAgainst).toMatchObject({ number: '4142', privacyEnabled: false, callType: 'location' });
    expect(parked.state.calls).toEqual([]);
    const recall = m.recallParked(parked.state, c.id, T2);
    const recallId = recall.value ?? '';
    expect(toWireCall(call(recall.state, recallId))).toMatchObject({
      state: 'alerting',
      personality: 'terminator',
      recall: { type: 'park', party: { number: '4142' } },
      remoteParty: { name: 'Priya' },
    });
    // Retrieving while the recall rings takes the call and stops the recall.
    const retrieved = m.retrieve(recall.state, undefined, T2);
    expect(retrieved.state.calls.map((x) => x.id)).toEqual([retrieved.value.callId]);
    expect(stateOf(retrieved.state, retrieved.value.callId)).toBe('connected');
    expect(retrieved.state.parked).toEqual([]);
  });

  it('parks against a destination or a group slot, and refuses an occupied one with 409', () => {
    const a = connected();
    const at = m.park(a.state, { callId: a.id, destination: '4102' });
    expect(at.value.parkedAgainst.number).toBe('4102');
    const b = connected(at.state);
    refused(() => m.park(b.state, { callId: b.id, destination: '4102' }), 409);
    const group = m.park(b.state, { callId: b.id, isGroupPark: true, destination: '4102' });
    expect(group.value.parkedAgainst.number).toBe('4101');
  });

  it('retrieve of an empty park spot is 404; an alerting call cannot be parked', () => {
    refused(() => m.retrieve(initialLineState(), '4102', T0), 404);
    const r = ringing();
    refused(() => m.park(r.state, { callId: r.id }), 400);
  });
});

describe('pickup, barge-in, push, pull, divert', () => {
  it('picks up a call ringing in the group, by target or any', () => {
    const g = m.ringInGroup(initialLineState(), { from: { name: 'Caller', number: '+1555' }, colleague: { name: 'Sam', number: '1002' } }, T0);
    refused(() => m.pickup(g.state, '1009', T1), 404);
    const picked = m.pickup(g.state, '1002', T1);
    expect(picked.state.group).toEqual([]);
    expect(call(picked.state, picked.value.callId)).toMatchObject({ personality: 'terminator', answered: T1, remoteParty: { name: 'Caller' } });
    expect(m.pickup(g.state, undefined, T1).state.group).toEqual([]);
    refused(() => m.pickup(initialLineState(), undefined, T1), 404);
  });

  it('barges in on a colleague with an answered call, with a new call; refuses a colleague without one', () => {
    const onCall = [{ id: 'x', colleague: { number: '1002', privacyEnabled: false, callType: 'location' as const }, with: { number: '+1555', privacyEnabled: false, callType: 'external' as const } }];
    const step = m.bargeIn(initialLineState(), '1002', T0, onCall);
    expect(stateOf(step.state, step.value.callId)).toBe('connected');
    refused(() => m.bargeIn(initialLineState(), '1003', T0, onCall), 400);
  });

  it('pushes an executive-assistant call to its executive and pulls the active call', () => {
    const exec = m.incomingCall(initialLineState(), { from: { number: '+1555' }, executive: { name: 'Dana Boss', number: '1010' } }, T0);
    const c = { state: m.answer(exec.state, exec.value, T1).state, id: exec.value };
    refused(() => m.pull(initialLineState()), 400);
    const pulled = m.pull(c.state);
    expect(pulled.value.callSessionId).toBe(call(c.state, c.id).callSessionId);
    expect(m.push(c.state, c.id).state.calls).toEqual([]);
    const plain = connected();
    refused(() => m.push(plain.state, plain.id), 400);
  });

  it('diverts to a destination or voicemail, never without one', () => {
    const r = ringing();
    expect(m.divert(r.state, { callId: r.id, toVoicemail: true }, T2).state.calls).toEqual([]);
    expect(m.divert(r.state, { callId: r.id, destination: '1002' }, T2).state.calls).toEqual([]);
    refused(() => m.divert(r.state, { callId: r.id }, T2), 400);
  });
});

describe('history', () => {
  it('keeps at most 20 records per type, newest first', () => {
    let s = initialLineState();
    for (let i = 0; i < 25; i += 1) {
      s = m.dial(s, `10${String(i).padStart(2, '0')}`, new Date(Date.parse(T0) + i * 1000).toISOString()).state;
      const last = s.calls.at(-1);
      if (last) s = m.hangup(s, last.id, T0).state;
    }
    s = ringing(s).state;
    const first = s.calls[0];
    if (first) s = m.remoteHangup(s, first.id, T2).state;
    const placed = s.history.filter((h) => h.type === 'placed');
    expect(placed).toHaveLength(20);
    expect(placed[0]?.number).toBe('1024');
    expect(placed[19]?.number).toBe('1005');
    expect(s.history.filter((h) => h.type === 'missed')).toHaveLength(1);
  });
});
