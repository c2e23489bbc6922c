/**
 * The built-in line's answers to a ringing call the user does not take (busy, unavailable, ignore,
 * divert) and its voicemail box, on a fake clock: what the caller would experience is what the
 * line's state and history show. line.ts owns the no-answer timer an ignored call runs on.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestLine, type TestLine } from '../../line-kit/index.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { raw, testAgent } from './raw-http.js';

const NO_ANSWER_MS = 20_000;
const agent = testAgent();
let clock: FakeClock;
let line: TestLine;

beforeAll(async () => {
  clock = new FakeClock();
  line = await startTestLine({ clock, noAnswerMs: NO_ANSWER_MS });
});
afterAll(async () => {
  await line.close();
  await agent.close();
});
beforeEach(() => line.control.reset());

const api = (path: string, body?: unknown) => raw(agent, `${line.baseUrl}${path}`, { token: line.token, ...(body !== undefined ? { body } : {}) });
const ring = (number: string) => line.control.incomingCall({ from: { name: `Caller ${number}`, number } });
const summary = async () => (await api('/telephony/voiceMessages/summary')).json;

describe('turning a ringing call away', () => {
  it('busy and temporarilyUnavailable end the call at once, as missed', async () => {
    const busy = ring('+12015550101');
    const unavailable = ring('+12015550102');
    expect((await api('/telephony/calls/reject', { callId: busy, action: 'busy' })).status).toBe(204);
    expect((await api('/telephony/calls/reject', { callId: unavailable, action: 'temporarilyUnavailable' })).status).toBe(204);
    const state = line.control.state();
    expect(state.calls).toEqual([]);
    expect(state.ignored).toEqual([]);
    expect(state.history.filter((h) => h.type === 'missed')).toHaveLength(2);
  });

  it('ignore stops this line alerting but the caller rings on until no one answers, then reaches voicemail', async () => {
    const id = ring('+12015550103');
    expect((await api('/telephony/calls/reject', { callId: id, action: 'ignore' })).status).toBe(204);
    let state = line.control.state();
    expect(state.calls).toEqual([]);
    expect(state.ignored).toMatchObject([{ callId: id, caller: { number: '+12015550103' } }]);
    expect(state.history).toEqual([]);

    clock.advance(NO_ANSWER_MS - 1);
    expect(line.control.state().ignored).toHaveLength(1);
    clock.advance(1);
    state = line.control.state();
    expect(state.ignored).toEqual([]);
    expect(state.history).toMatchObject([{ type: 'missed', number: '+12015550103' }]);
    expect(await summary()).toEqual({ newMessages: 1, oldMessages: 0, newUrgentMessages: 0, oldUrgentMessages: 0 });
  });

  it('an ignored caller who gives up, or is answered by a colleague, leaves no message', async () => {
    const gaveUp = ring('+12015550104');
    const taken = ring('+12015550105');
    await api('/telephony/calls/reject', { callId: gaveUp, action: 'ignore' });
    await api('/telephony/calls/reject', { callId: taken, action: 'ignore' });
    line.control.remoteHangup(gaveUp);
    line.control.answeredElsewhere(taken);
    clock.advance(NO_ANSWER_MS);
    const state = line.control.state();
    expect(state.ignored).toEqual([]);
    expect(state.history.map((h) => h.number)).toEqual(['+12015550104']);
    expect(state.voicemail.newMessages).toBe(0);
  });

  it('divert records where the call went; only the own voicemail gets a message', async () => {
    const [a, b, c] = [ring('+12015550106'), ring('+12015550107'), ring('+12015550108')];
    await api('/telephony/calls/divert', { callId: a, destination: '1002' });
    await api('/telephony/calls/divert', { callId: b, destination: '1002', toVoicemail: true });
    await api('/telephony/calls/divert', { callId: c, toVoicemail: true });
    const state = line.control.state();
    expect(state.diverts).toEqual([
      { callId: a, caller: expect.objectContaining({ number: '+12015550106' }), destination: '1002', toVoicemail: false },
      { callId: b, caller: expect.objectContaining({ number: '+12015550107' }), destination: '1002', toVoicemail: true },
      { callId: c, caller: expect.objectContaining({ number: '+12015550108' }), toVoicemail: true },
    ]);
    expect(state.voicemail).toEqual({ newMessages: 1, oldMessages: 0, newUrgentMessages: 0, oldUrgentMessages: 0 });
  });

  it('[CC-20] an outgoing call can be diverted too (divert is the blind transfer of any call)', async () => {
    const dialled = (await api('/telephony/calls/dial', { destination: '1002' })).json as { callId: string };
    line.control.remoteAnswer(dialled.callId);
    const res = await api('/telephony/calls/divert', { callId: dialled.callId, destination: '1003', toVoicemail: true });
    expect(res.status).toBe(204);
    const state = line.control.state();
    expect(state.calls).toEqual([]);
    expect(state.diverts).toMatchObject([{ callId: dialled.callId, destination: '1003', toVoicemail: true }]);
  });
});
