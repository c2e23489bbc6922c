import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../main/core/app-error.js';
import { createHttpClient } from '../../../main/providers/http.js';
import { createWebexCallsClient, type WebexCallsClient } from '../../../main/providers/webex/calls-client.js';
import { startTestLine, type SandboxExchange, type TestLine } from '../../line-kit/index.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { RECORDING_START_MS } from '../../../main/sandbox/recording-rules.js';

let line: TestLine;
let agent: Agent;
let clock: FakeClock;
let calls: WebexCallsClient;
let exchanges: SandboxExchange[];

beforeAll(async () => {
  clock = new FakeClock();
  line = await startTestLine({ clock, parkRecallMs: 1_000 });
  agent = new Agent({ connect: { timeout: 2_000 }, headersTimeout: 5_000, bodyTimeout: 5_000 });
  calls = createWebexCallsClient(
    createHttpClient({ baseUrl: line.baseUrl, getToken: async () => line.token, dispatcher: agent, retryBackoffMs: 5 }),
  );
  line.control.onExchange((x) => exchanges.push(x));
});
afterAll(async () => {
  await line.close();
  await agent.close();
});
beforeEach(() => {
  line.control.reset();
  exchanges = [];
});

const CALLER = { name: 'Priya Natarajan', number: '+12125550142' };

async function connectedCall(from = CALLER): Promise<string> {
  const callId = line.control.incomingCall({ from });
  await calls.answer(callId);
  return callId;
}

async function stateOf(callId: string): Promise<string | undefined> {
  return (await calls.listCalls()).find((c) => c.id === callId)?.state;
}

function lastRequest(path: string): unknown {
  const hit = exchanges.filter((x) => x.path === `/v1/telephony/calls/${path}`).at(-1);
  return hit ? JSON.parse(hit.requestBody) : undefined;
}

describe('reading calls', () => {
  it('listCalls and getCall return parsed calls with redirections while alerting', async () => {
    const callId = line.control.incomingCall({ from: CALLER, via: { reason: 'huntGroup', name: 'Sales', number: '2100' } });
    const [listed] = await calls.listCalls();
    expect(listed).toMatchObject({
      id: callId,
      personality: 'terminator',
      state: 'alerting',
      remoteParty: { name: CALLER.name, number: CALLER.number, privacyEnabled: false, callType: 'external' },
      redirections: [{ reason: 'huntGroup', redirectingParty: { name: 'Sales' } }],
      created: clock.iso(),
      muteCapable: true,
      muted: false,
    });
    expect(await calls.getCall(callId)).toEqual(listed);
    await expect(calls.getCall('unknown')).rejects.toMatchObject({ code: 'not-found', status: 404 });
  });

  it('history filters by type', async () => {
    line.control.pickUp((await calls.dial('1002')).callId);
    line.control.remoteHangup(line.control.incomingCall({ from: CALLER }));
    expect((await calls.history()).map((h) => h.type)).toEqual(['missed', 'placed']);
    expect(await calls.history('missed')).toEqual([{ type: 'missed', name: CALLER.name, number: CALLER.number, privacyEnabled: false, time: clock.iso() }]);
    expect(await calls.history('received')).toEqual([]);
  });
});

describe('call actions', () => {
  it('[CC-01] dial → the user\'s phone alerts (clickToDial), connecting once picked up, remote answers, hangup ends it', async () => {
    const ref = await calls.dial('+14155550110');
    expect(ref).toEqual({ callId: expect.any(String), callSessionId: expect.any(String) });
    expect(await calls.getCall(ref.callId)).toMatchObject({ state: 'alerting', personality: 'clickToDial' });
    line.control.pickUp(ref.callId);
    expect(await calls.getCall(ref.callId)).toMatchObject({ state: 'connecting', personality: 'originator' });
    line.control.remoteAnswer(ref.callId);
    expect(await stateOf(ref.callId)).toBe('connected');
    await calls.hangup(ref.callId);
    expect(await calls.listCalls()).toEqual([]);
  });

  it('answer, hold, resume, mute, unmute', async () => {
    const callId = await connectedCall();
    expect(await stateOf(callId)).toBe('connected');
    await calls.hold(callId);
    expect(await stateOf(callId)).toBe('held');
    await expect(calls.hold(callId)).rejects.toMatchObject({ code: 'invalid-input', status: 400 });
    await calls.resume(callId);
    await calls.mute(callId);
    expect((await calls.getCall(callId)).muted).toBe(true);
    await calls.unmute(callId);
    expect((await calls.getCall(callId)).muted).toBe(false);
  });

  it('reject sends the action and leaves a missed call', async () => {
    const callId = line.control.incomingCall({ from: CALLER });
    await calls.reject(callId, 'temporarilyUnavailable');
    expect(lastRequest('reject')).toEqual({ callId, action: 'temporarilyUnavailable' });
    const other = line.control.incomingCall({ from: CALLER });
    await calls.reject(other);
    expect(lastRequest('reject')).toEqual({ callId: other });
    expect(await calls.listCalls()).toEqual([]);
    expect(await calls.history('missed')).toHaveLength(2);
  });

  it('divert to a destination and to voicemail', async () => {
    const a = line.control.incomingCall({ from: CALLER });
    await calls.divert(a, { destination: '1002' });
    expect(lastRequest('divert')).toEqual({ callId: a, destination: '1002' });
    const b = line.control.incomingCall({ from: CALLER });
    await calls.divert(b, { toVoicemail: true });
    expect(lastRequest('divert')).toEqual({ callId: b, toVoicemail: true });
    expect(await calls.listCalls()).toEqual([]);
  });

  it('attended transfer answers 204 (undefined); mute transfer answers 201 with the new call', async () => {
    const first = await connectedCall();
    const second = await calls.dial('1002');
    line.control.pickUp(second.callId);
    line.control.remoteAnswer(second.callId);
    expect(await calls.transfer({ callId1: first, callId2: second.callId })).toBeUndefined();
    expect(await calls.listCalls()).toEqual([]);

    const third = await connectedCall();
    const ref = await calls.transfer({ callId1: third, destination: '1005' });
    expect(ref).toEqual({ callId: expect.any(String), callSessionId: expect.any(String) });
    expect(await stateOf(ref?.callId ?? '')).toBe('connecting');
    line.control.remoteAnswer(ref?.callId ?? '');
    expect(await calls.listCalls()).toEqual([]);
  });

  it('park returns parkedAgainst; the call recalls; retrieve brings it back', async () => {
    const callId = await connectedCall();
    expect(await calls.park(callId, { destination: '4102' })).toEqual({
      parkedAgainst: { number: '4102', privacyEnabled: false, callType: 'location' },
    });
    expect(await calls.listCalls()).toEqual([]);
    clock.advance(1_000);
    const [recall] = await calls.listCalls();
    expect(recall).toMatchObject({ state: 'alerting', recall: { type: 'park', party: { number: '4102' } } });
    const ref = await calls.retrieve('4102');
    expect(await calls.listCalls()).toEqual([expect.objectContaining({ id: ref.callId, state: 'alerting', personality: 'clickToDial' })]);
    line.control.pickUp(ref.callId);
    expect(await calls.listCalls()).toEqual([expect.objectContaining({ id: ref.callId, state: 'connected' })]);
    const parkedOnMe = await calls.park(ref.callId);
    expect(parkedOnMe.parkedAgainst).toMatchObject({ name: 'Alex Morgan', number: '4142' });
    expect(lastRequest('park')).toEqual({ callId: ref.callId });
    // Without a destination, retrieve takes back the call parked against the user.
    const mine = await calls.retrieve();
    expect(lastRequest('retrieve')).toEqual({});
    line.control.pickUp(mine.callId);
    expect(await calls.getCall(mine.callId)).toMatchObject({ state: 'connected' });
    const grouped = await calls.park(mine.callId, { destination: '9999', isGroupPark: true });
    expect(lastRequest('park')).toEqual({ callId: mine.callId, isGroupPark: true });
    expect(grouped.parkedAgainst).toMatchObject({ number: '4101' });
  });

  it('pickup by target and from the group; barge-in', async () => {
    line.control.ringInGroup({ from: CALLER, colleague: { name: 'Sam Rivera', number: '1002' } });
    line.control.ringInGroup({ from: { number: '+15550100' } });
    const byTarget = await calls.pickup('1002');
    expect(lastRequest('pickup')).toEqual({ target: '1002' });
    expect(await calls.getCall(byTarget.callId)).toMatchObject({ state: 'alerting', personality: 'clickToDial', remoteParty: { name: CALLER.name } });
    line.control.pickUp(byTarget.callId);
    expect(await calls.getCall(byTarget.callId)).toMatchObject({ state: 'connected', remoteParty: { name: CALLER.name } });
    const any = await calls.pickup();
    expect(lastRequest('pickup')).toEqual({});
    line.control.pickUp(any.callId);
    expect(await stateOf(any.callId)).toBe('connected');
    await expect(calls.pickup()).rejects.toMatchObject({ code: 'not-found' });
    // Barge-in joins "another user's answered call": the line needs a colleague on one.
    line.control.colleagueOnCall({ colleague: { name: 'Jordan Lee', number: '1003' }, with: CALLER });
    const barged = await calls.bargeIn('1003');
    line.control.pickUp(barged.callId);
    expect(await stateOf(barged.callId)).toBe('connected');
  });

  it('recording start/pause/resume/stop is reflected in recordingState (On Demand; pending until it starts)', async () => {
    line.control.setRecordingMode('onDemand');
    const callId = await connectedCall();
    const seenStates: Array<string | undefined> = [];
    for (const op of ['start', 'pause', 'resume', 'stop'] as const) {
      await calls.recording(callId, op);
      seenStates.push((await calls.getCall(callId)).recordingState);
      if (op === 'start') {
        clock.advance(RECORDING_START_MS);
        seenStates.push((await calls.getCall(callId)).recordingState);
      }
    }
    expect(seenStates).toEqual(['pending', 'started', 'paused', 'started', 'stopped']);
    await expect(calls.recording(callId, 'pause')).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('transmitDtmf sends the digits; invalid digits are refused by the line', async () => {
    const callId = await connectedCall();
    await calls.transmitDtmf(callId, '1,234#');
    expect(line.control.state().dtmf).toEqual([{ callId, digits: '1,234#' }]);
    await expect(calls.transmitDtmf(callId, '12x')).rejects.toMatchObject({ code: 'invalid-input', status: 400 });
  });

  it('push (of an executive-assistant call) and pull', async () => {
    const callId = line.control.incomingCall({ from: CALLER, executive: { name: 'Dana Boss', number: '1010' } });
    await calls.answer(callId);
    const pulled = await calls.pull();
    expect(pulled.callSessionId).toBe((await calls.getCall(callId)).callSessionId);
    line.control.pickUp(pulled.callId);
    await calls.push(callId);
    expect(await calls.listCalls()).toEqual([]);
  });

  it('lists the answer endpoints', async () => {
    const { endpoints } = await calls.answerEndpoints();
    // The desk phone, Webex App and the mobile: every endpoint of mine may be the preferred one.
    expect(endpoints.map((e) => e.type)).toEqual(['DEVICE', 'APPLICATION', 'DEVICE']);
    expect(endpoints.filter((e) => e.isPreferredAnswerEndpoint).map((e) => e.name)).toEqual(['Webex App']);
  });
});

describe('Do Not Disturb', () => {
  it('reads and sets it, keeping the user’s Webex Go override', async () => {
    expect(await calls.getDoNotDisturb()).toEqual({ enabled: false, ringSplashEnabled: false, webexGoOverrideEnabled: false });
    const put = await putDirectly('PUT', '/telephony/config/people/me/settings/doNotDisturb', {
      enabled: false,
      ringSplashEnabled: true,
      webexGoOverrideEnabled: true,
    });
    expect(put).toBe(204);
    await calls.setDoNotDisturb(true);
    expect(await calls.getDoNotDisturb()).toEqual({ enabled: true, ringSplashEnabled: true, webexGoOverrideEnabled: true });
    // The call is still there to see and answer (the phone just does not ring).
    const callId = line.control.incomingCall({ from: CALLER });
    expect(await calls.listCalls()).toEqual([expect.objectContaining({ id: callId, state: 'alerting' })]);
    await calls.setDoNotDisturb(false);
    expect((await calls.getDoNotDisturb()).enabled).toBe(false);
  });
});

async function putDirectly(method: 'PUT', path: string, body: unknown): Promise<number> {
  const http = createHttpClient({ baseUrl: line.baseUrl, getToken: async () => line.token, dispatcher: agent });
  return (await http.request({ method, path, body })).status;
}

describe('responses that do not fit the schema', () => {
  let server: Server;
  let client: WebexCallsClient;
  let body = '';

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json', trackingid: 'WEIRD_1' });
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    client = createWebexCallsClient(createHttpClient({ baseUrl, getToken: async () => 't', dispatcher: agent }));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('a call list with a broken call is a provider error with the trackingId', async () => {
    body = JSON.stringify({ items: [{ id: 1 }] });
    const error = await client.listCalls().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'provider', status: 200, trackingId: 'WEIRD_1' });
  });

  it('[CC-10] one call with new enum values and unknown fields does not fail the list; each new value reads as unknown and is named', async () => {
    const party = { name: 'Ana Silva', number: '1002', privacyEnabled: false, callType: 'location' };
    const known = { id: 'a', callSessionId: 's', personality: 'terminator', state: 'alerting', remoteParty: party, created: '2026-03-02T09:00:00Z', muteCapable: true, muted: false };
    body = JSON.stringify({
      items: [
        known,
        {
          ...known,
          id: 'b',
          state: 'transferring',
          personality: 'observer',
          recordingState: 'archived',
          redirections: [{ reason: 'aiAgent', redirectingParty: party }],
          someFutureField: { nested: true },
        },
      ],
    });
    const [a, b] = await client.listCalls();
    expect(a).toMatchObject({ id: 'a', state: 'alerting', personality: 'terminator' });
    expect(a?.unrecognized).toBeUndefined();
    expect(b).toMatchObject({ id: 'b', state: 'unknown', personality: 'unknown', recordingState: 'unknown', redirections: [{ reason: 'unknown' }] });
    expect(b?.unrecognized).toEqual([
      { field: 'state', value: 'transferring' },
      { field: 'personality', value: 'observer' },
      { field: 'recordingState', value: 'archived' },
      { field: 'redirections.0.reason', value: 'aiAgent' },
    ]);
  });

  it('a dial answer without callSessionId is a provider error', async () => {
    body = JSON.stringify({ callId: 'x' });
    await expect(client.dial('1002')).rejects.toMatchObject({ code: 'provider' });
  });

  it('an empty 200 where a park result was due is a provider error', async () => {
    body = '';
    await expect(client.park('x')).rejects.toMatchObject({ code: 'provider' });
  });
});
