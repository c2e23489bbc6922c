/**
 * The built-in line's side of the provider-rules ledger (docs/provider-rules.md) for transfers,
 * recording, park and retrieve, DTMF, barge-in, pull, push, the voicemail summary and Webex's
 * error answers. Raw HTTP on a fake clock: what a client sees, without CallDeck's client.
 */
import { describe, expect, it } from 'vitest';
import { startTestLine } from '../../line-kit/index.js';
import { RECORDING_START_MS } from '../../../main/sandbox/recording-rules.js';
import { WEBEX_APP_ID } from '../../../main/sandbox/me-lines-state.js';
import { lineSuite } from './line-suite.js';

const NO_ANSWER_MS = 20_000;
const suite = lineSuite((clock) => startTestLine({ clock, noAnswerMs: NO_ANSWER_MS }));
const api = (path: string, body?: unknown) => suite.api(path, body !== undefined ? { body } : {});

async function answered(number = '+12015550150'): Promise<string> {
  const id = suite.line.control.incomingCall({ from: { name: `Caller ${number}`, number } });
  expect((await api('/telephony/calls/answer', { callId: id })).status).toBe(204);
  return id;
}
const recordingOf = (id: string) => suite.line.control.state().calls.find((c) => c.id === id)?.recordingState;
const record = (op: 'start' | 'stop' | 'pause' | 'resume', callId: string) => api(`/telephony/calls/${op}Recording`, { callId });

describe('transfer and divert', () => {
  it('[CC-21] divert is the blind transfer: the call leaves at once, whether or not anyone answers', async () => {
    const id = await answered();
    expect((await api('/telephony/calls/divert', { callId: id, destination: '1002' })).status).toBe(204);
    expect(suite.line.control.state().calls).toEqual([]);
    expect(suite.line.control.state().diverts).toMatchObject([{ callId: id, destination: '1002', toVoicemail: false }]);
  });

  it('[CC-22] a mute transfer answers 201 with the new call; nobody answers: the call is not transferred and stays', async () => {
    const id = await answered();
    const res = await api('/telephony/calls/transfer', { callId1: id, destination: '1005' });
    expect(res.status).toBe(201);
    const leg = (res.json as { callId: string; callSessionId: string }).callId;
    expect(res.json).toEqual({ callId: expect.any(String), callSessionId: expect.any(String) });
    let state = suite.line.control.state();
    expect(state.calls.find((c) => c.id === leg)).toMatchObject({ state: 'connecting', remoteParty: { number: '1005' } });
    expect(state.calls.find((c) => c.id === id)?.state).toBe('held');

    suite.clock.advance(NO_ANSWER_MS - 1);
    expect(suite.line.control.state().calls.map((c) => c.id)).toContain(leg);
    suite.clock.advance(1);
    state = suite.line.control.state();
    expect(state.calls.map((c) => c.id)).toEqual([id]);
    expect(state.calls[0]?.state).toBe('held');
  });

  it('[CC-22] a mute transfer whose destination answers takes the call off the line', async () => {
    const id = await answered();
    const leg = ((await api('/telephony/calls/transfer', { callId1: id, destination: '1005' })).json as { callId: string }).callId;
    suite.line.control.remoteAnswer(leg);
    expect(suite.line.control.state().calls).toEqual([]);
  });

  it('[CC-23] unanswered incoming calls cannot be transferred, either as callId1 or callId2', async () => {
    const ringing = suite.line.control.incomingCall({ from: { number: '+12015550151' } });
    const other = await answered('+12015550152');
    expect((await api('/telephony/calls/transfer', { callId1: ringing, destination: '1005' })).status).toBe(400);
    expect((await api('/telephony/calls/transfer', { callId1: other, callId2: ringing })).status).toBe(400);
    expect((await api('/telephony/calls/divert', { callId: ringing, destination: '1005' })).status).toBe(204);
  });
});

describe('recording by the user\'s recording mode', () => {
  it('[CC-24] start and stop work only under On Demand', async () => {
    const id = await answered();
    for (const mode of ['never', 'always', 'alwaysPauseResume'] as const) {
      suite.line.control.setRecordingMode(mode);
      const res = await record('start', id);
      expect(res.status).toBe(400);
      expect((res.json as { message: string }).message).toContain('On Demand');
    }
    suite.line.control.setRecordingMode('onDemand');
    expect((await record('start', id)).status).toBe(204);
    suite.clock.advance(RECORDING_START_MS);
    expect(recordingOf(id)).toBe('started');
    suite.line.control.setRecordingMode('alwaysPauseResume');
    expect((await record('stop', id)).status).toBe(400);
    suite.line.control.setRecordingMode('onDemand');
    expect((await record('stop', id)).status).toBe(204);
    expect(recordingOf(id)).toBe('stopped');
  });

  it('[CC-25] a requested recording is pending before it starts; stop and pause wait until it has started', async () => {
    suite.line.control.setRecordingMode('onDemand');
    const id = await answered();
    expect((await record('start', id)).status).toBe(204);
    expect(recordingOf(id)).toBe('pending');
    expect((await record('stop', id)).status).toBe(400);
    expect((await record('pause', id)).status).toBe(400);
    suite.clock.advance(RECORDING_START_MS);
    expect(recordingOf(id)).toBe('started');
    expect((await record('pause', id)).status).toBe(204);
  });

  it('[CC-26] pause and resume work under On Demand and Always with Pause/Resume, never under Always', async () => {
    suite.line.control.setRecordingMode('alwaysPauseResume');
    const id = await answered();
    suite.clock.advance(RECORDING_START_MS);
    expect(recordingOf(id)).toBe('started');
    expect((await record('pause', id)).status).toBe(204);
    expect(recordingOf(id)).toBe('paused');
    expect((await record('resume', id)).status).toBe(204);
    expect(recordingOf(id)).toBe('started');

    suite.line.control.setRecordingMode('always');
    const other = await answered('+12015550153');
    suite.clock.advance(RECORDING_START_MS);
    expect(recordingOf(other)).toBe('started');
    expect((await record('pause', other)).status).toBe(400);
    expect((await record('stop', other)).status).toBe(400);
  });

  it('[CC-27] recordingState is absent until recording is invoked; Always modes invoke it on answer', async () => {
    suite.line.control.setRecordingMode('onDemand');
    const id = await answered();
    const wire = (await api('/telephony/calls')).json as { items: Array<Record<string, unknown>> };
    expect(wire.items.find((c) => c.id === id)).not.toHaveProperty('recordingState');
    suite.line.control.setRecordingMode('never');
    const never = await answered('+12015550154');
    expect(recordingOf(never)).toBeUndefined();
    suite.line.control.setRecordingMode('always');
    const always = await answered('+12015550155');
    expect(recordingOf(always)).toBe('pending');
  });
});

describe('park, retrieve, DTMF', () => {
  it('[CC-28] park needs a connected call and answers where it is parked, which retrieve takes as destination', async () => {
    const ringing = suite.line.control.incomingCall({ from: { number: '+12015550156' } });
    expect((await api('/telephony/calls/park', { callId: ringing })).status).toBe(400);
    const id = await answered();
    const res = await api('/telephony/calls/park', { callId: id, destination: '4102' });
    expect(res.status).toBe(200);
    const number = (res.json as { parkedAgainst: { number: string } }).parkedAgainst.number;
    expect(number).toBe('4102');
    expect((await api('/telephony/calls/retrieve', { destination: number })).status).toBe(201);
  });

  it('[CC-29] retrieve without a destination takes the call parked against the retrieving user', async () => {
    const id = await answered();
    expect((await api('/telephony/calls/park', { callId: id })).status).toBe(200);
    expect((await api('/telephony/calls/retrieve', {})).status).toBe(201);
    expect((await api('/telephony/calls/retrieve', {})).status).toBe(404);
  });

  it('[CC-30] DTMF digits are 0-9, *, #, A-D, with a comma for a pause; anything else is refused', async () => {
    const id = await answered();
    expect((await api('/telephony/calls/transmitDtmf', { callId: id, dtmf: '1,234#*ABCD' })).status).toBe(204);
    expect((await api('/telephony/calls/transmitDtmf', { callId: id, dtmf: '12E' })).status).toBe(400);
    expect(suite.line.control.state().dtmf).toEqual([{ callId: id, digits: '1,234#*ABCD' }]);
  });
});

describe('barge-in, pull and push preconditions', () => {
  it('[CC-31] barge-in needs a colleague with an answered call', async () => {
    expect((await api('/telephony/calls/bargeIn', { target: '1003' })).status).toBe(400);
    const colleague = suite.line.control.colleagueOnCall({ colleague: { name: 'Jordan Lee', number: '1003' }, with: { number: '+12015550157' } });
    expect((await api('/telephony/calls/bargeIn', { target: '1003' })).status).toBe(201);
    suite.line.control.colleagueCallEnded(colleague);
    expect((await api('/telephony/calls/bargeIn', { target: '1003' })).status).toBe(400);
  });

  it('[CC-32] pull needs the user\'s answered call, and an endpointId from the answer endpoints', async () => {
    expect((await api('/telephony/calls/pull', {})).status).toBe(400);
    await answered();
    expect((await api('/telephony/calls/pull', { endpointId: 'not-mine' })).status).toBe(400);
    expect((await api('/telephony/calls/pull', { endpointId: WEBEX_APP_ID })).status).toBe(201);
  });

  it('[CC-33] push needs the call to be associated with an executive', async () => {
    const plain = await answered();
    expect((await api('/telephony/calls/push', { callId: plain })).status).toBe(400);
    const forBoss = suite.line.control.incomingCall({ from: { number: '+12015550158' }, executive: { name: 'Dana Boss', number: '1010' } });
    expect((await api('/telephony/calls/push', { callId: forBoss })).status).toBe(204);
    expect(suite.line.control.state().calls.map((c) => c.id)).toEqual([plain]);
  });
});

describe('voicemail summary and error answers', () => {
  it('[VM-01] the summary answers the documented four counts, urgent ones within the totals', async () => {
    suite.line.control.leaveVoicemail({ from: { number: '+12015550159' }, urgent: true });
    const res = await api('/telephony/voiceMessages/summary');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ newMessages: 1, oldMessages: 0, newUrgentMessages: 1, oldUrgentMessages: 0 });
  });

  it('[HTTP-01] 423 Locked comes with a Retry-After and the Webex error body', async () => {
    suite.line.control.injectFault({ kind: 'status', status: 423, retryAfterSec: 3, path: '/telephony/calls' });
    const res = await api('/telephony/calls');
    expect(res.status).toBe(423);
    expect(res.headers['retry-after']).toBe('3');
    expect(res.json).toMatchObject({ message: expect.any(String), trackingId: expect.any(String) });
  });

  it('[HTTP-02] 429 may come with or without Retry-After', async () => {
    suite.line.control.injectFault({ kind: 'status', status: 429, retryAfterSec: 7, path: '/telephony/calls' });
    suite.line.control.injectFault({ kind: 'status', status: 429, path: '/telephony/calls' });
    const first = await api('/telephony/calls');
    const second = await api('/telephony/calls');
    expect([first.status, second.status]).toEqual([429, 429]);
    expect(first.headers['retry-after']).toBe('7');
    expect(second.headers['retry-after']).toBeUndefined();
  });

  it('[HTTP-03] a refusal carries message, errors[].description and errorCode, and a trackingId (body and header)', async () => {
    const res = await api('/telephony/calls/hold', { callId: 'no-such-call' });
    expect(res.status).toBe(404);
    const body = res.json as { message: string; errors: Array<{ description: string; errorCode: number }>; trackingId: string };
    expect(body.message).toMatch(/not found/i);
    expect(body.errors[0]).toEqual({ description: expect.any(String), errorCode: expect.any(Number) });
    expect(res.headers.trackingid).toBe(body.trackingId);
  });
});
