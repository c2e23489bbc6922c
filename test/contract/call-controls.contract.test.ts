/**
 * The Webex client and the built-in line, checked against Cisco's official Call Controls contract.
 * One scripted session drives every operation through the real client over real HTTP (happy paths
 * and error answers); every recorded request and response is validated by operationId, and the
 * session must have touched every operation the contract defines.
 */
import type { OpenAPIBackend } from 'openapi-backend';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../main/providers/http.js';
import { createWebexCallsClient, type WebexCallsClient } from '../../main/providers/webex/calls-client.js';
import { ROUTES } from '../../main/sandbox/routes.js';
import { createMeLinesRoutes } from '../../main/sandbox/me-lines-routes.js';
import { createMeLines } from '../../main/sandbox/me-lines-state.js';
import { RECORDING_START_MS } from '../../main/sandbox/recording-rules.js';
import { startTestLine, type SandboxExchange, type TestLine } from '../line-kit/index.js';
import { FakeClock } from '../fakes/fake-clock.js';
import { checkExchange, createContractApi, loadContract, type ExchangeCheck } from './contract-validator.js';

let api: OpenAPIBackend;
let line: TestLine;
let agent: Agent;
let clock: FakeClock;
let calls: WebexCallsClient;
const recorded: SandboxExchange[] = [];

const PARK_RECALL_MS = 1_000;

beforeAll(async () => {
  api = await createContractApi();
  clock = new FakeClock();
  line = await startTestLine({ clock, parkRecallMs: PARK_RECALL_MS });
  agent = new Agent({ connect: { timeout: 2_000 }, headersTimeout: 5_000, bodyTimeout: 5_000 });
  calls = createWebexCallsClient(
    createHttpClient({ baseUrl: line.baseUrl, getToken: async () => line.token, dispatcher: agent, retryBackoffMs: 1 }),
  );
  line.control.onExchange((x) => recorded.push(x));
});
afterAll(async () => {
  await line.close();
  await agent.close();
});

function contractOperations(): Array<{ operationId: string; method: string; path: string }> {
  const spec = loadContract() as { paths: Record<string, Record<string, { operationId: string }>> };
  return Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ operationId: op.operationId, method: method.toUpperCase(), path })),
  );
}

async function fails(promise: Promise<unknown>): Promise<void> {
  await promise.then(
    () => {
      throw new Error('expected a failure');
    },
    () => undefined,
  );
}

async function connected(number = '+12125550142'): Promise<string> {
  const callId = line.control.incomingCall({ from: { name: 'Priya Natarajan', number }, via: { reason: 'huntGroup', name: 'Sales', number: '2100' } });
  await calls.listCalls();
  await calls.answer(callId);
  return callId;
}

/** Every operation, through the client, with the answers a real session produces. */
async function session(): Promise<void> {
  // A call from ringing to recorded, keyed, held and back.
  const a = await connected();
  await calls.getCall(a);
  await calls.hold(a);
  await calls.resume(a);
  await calls.mute(a);
  await calls.unmute(a);
  line.control.setRecordingMode('onDemand');
  await calls.recording(a, 'start');
  clock.advance(RECORDING_START_MS);
  for (const op of ['pause', 'resume', 'stop'] as const) await calls.recording(a, op);
  line.control.setRecordingMode('never');
  await fails(calls.recording(a, 'start'));
  await calls.transmitDtmf(a, '1,234#');

  // Attended transfer (204) and mute transfer (201).
  // Click to Dial: the user's phone alerts first; the call goes out when they pick up.
  const b = await calls.dial('+14155550110');
  line.control.pickUp(b.callId);
  line.control.remoteAnswer(b.callId);
  await calls.transfer({ callId1: a, callId2: b.callId });
  const c = await connected('+13125550187');
  const muteTransfer = await calls.transfer({ callId1: c, destination: '1005' });
  line.control.remoteAnswer(muteTransfer?.callId ?? '');

  // Park (200), recall, retrieve (201); park on an occupied spot (409).
  const d = await connected('+34915550123');
  await calls.park(d, { destination: '4102' });
  clock.advance(PARK_RECALL_MS);
  await calls.listCalls();
  const retrieved = await calls.retrieve('4102');
  line.control.pickUp(retrieved.callId);
  await calls.park(retrieved.callId, { destination: '4103' });
  const e = await connected('+442075550164');
  await fails(calls.park(e, { destination: '4103' }));
  await calls.hangup(e);

  // Incoming calls the user does not take.
  await calls.reject(line.control.incomingCall({ from: { number: '+16175550199', privacy: true } }), 'busy');
  await calls.divert(line.control.incomingCall({ from: { number: '1007' } }), { toVoicemail: true });
  await calls.divert(line.control.incomingCall({ from: { number: '1008' } }), { destination: '1002' });
  await calls.divert(line.control.incomingCall({ from: { number: '1011' } }), { destination: '1002', toVoicemail: true });
  await calls.reject(line.control.incomingCall({ from: { number: '1012' } }), 'ignore');
  await calls.reject(line.control.incomingCall({ from: { number: '1013' } }), 'temporarilyUnavailable');
  // Group park, then parked on my own line and taken back without a destination.
  const g = await connected('+15550111');
  await calls.park(g, { isGroupPark: true });
  const h = await connected('+15550112');
  await calls.park(h);
  await calls.retrieve();
  await fails(calls.push(line.control.incomingCall({ from: { number: '1014' } })));
  const ringing = line.control.incomingCall({ from: { number: '1009' }, executive: { name: 'Dana Boss', number: '1010' } });
  await calls.push(ringing);

  // Other people's calls, other devices.
  line.control.ringInGroup({ from: { number: '+15550100' }, colleague: { name: 'Sam Rivera', number: '1002' } });
  const picked = await calls.pickup('1002');
  line.control.pickUp(picked.callId);
  await calls.pull();
  await calls.hangup(picked.callId);
  await fails(calls.bargeIn('1003'));
  line.control.colleagueOnCall({ colleague: { name: 'Jordan Lee', number: '1003' }, with: { number: '+15550123' } });
  const barged = await calls.bargeIn('1003');
  await calls.hangup(barged.callId);
  await calls.answerEndpoints();

  // History and Do Not Disturb.
  await calls.history();
  for (const type of ['placed', 'missed', 'received'] as const) await calls.history(type);
  await calls.getDoNotDisturb();
  await calls.setDoNotDisturb(true);
  await calls.setDoNotDisturb(false);

  // Error answers: 400, 404, 401, 429, 5xx (GETs retried until they give up).
  const f = await connected('+15550123');
  await calls.hold(f);
  await fails(calls.hold(f));
  await fails(calls.dial('12 34'));
  await fails(calls.transmitDtmf(f, '12x'));
  await fails(calls.answer('no-such-call'));
  await fails(calls.getCall('no-such-call'));
  line.control.injectFault({ kind: 'status', status: 429, retryAfterSec: 3, path: '/telephony/calls' });
  await fails(calls.listCalls());
  line.control.injectFault({ kind: 'status', status: 429, path: '/dial' });
  await fails(calls.dial('1002'));
  line.control.injectFault({ kind: 'status', status: 500, path: '/answer' });
  await fails(calls.answer(line.control.incomingCall({ from: { number: '1010' } })));
  for (const status of [502, 503, 504] as const) {
    line.control.injectFault({ kind: 'status', status, times: 3, path: '/history' });
    await fails(calls.history());
  }
  line.control.expireToken();
  await fails(calls.listCalls());
  await fails(calls.hangup(f));
  line.control.issueToken();
}

describe('Call Controls contract', () => {
  let checks: ExchangeCheck[];

  beforeAll(async () => {
    await session();
    checks = recorded.map((x) => checkExchange(api, x));
  });

  it('[CC-10] every request the client sent and every response the line gave conforms (the line sends only the contract\'s enum values)', () => {
    expect(recorded.length).toBeGreaterThan(60);
    expect(checks.flatMap((c) => c.problems)).toEqual([]);
  });

  it('every operation in the contract was exercised', () => {
    // Read from the JSON itself, so a loader that found no operations cannot make this pass.
    const defined = contractOperations().map((o) => o.operationId);
    expect(defined.length).toBeGreaterThanOrEqual(27);
    expect(api.getOperations().map((op) => op.operationId).sort()).toEqual([...defined].sort());
    const exercised = new Set(checks.map((c) => c.operationId));
    expect(defined.filter((id) => !exercised.has(id))).toEqual([]);
  });

  it('error answers were exercised and validated too', () => {
    const statuses = new Set(checks.map((c) => c.status));
    for (const status of [400, 401, 404, 409, 429, 500, 502, 503, 504]) expect(statuses).toContain(status);
  });

  it('each operation answered with its documented success status', () => {
    const success = new Map<string, Set<number>>();
    for (const c of checks) {
      if (c.operationId && c.status !== undefined && c.status < 300) {
        success.set(c.operationId, (success.get(c.operationId) ?? new Set()).add(c.status));
      }
    }
    expect(Object.fromEntries([...success].map(([id, s]) => [id, [...s].sort()]))).toMatchObject({
      dial: [201],
      answer: [204],
      hangup: [204],
      hold: [204],
      park: [200],
      retrieve: [201],
      transfer: [201, 204],
      pickup: [201],
      bargein: [201],
      pull: [201],
      push: [204],
      listcalls: [200],
      updateMyDoNotDisturbSettings: [204],
    });
  });

  it('the sandbox routes exactly the contract operations, on the same methods and paths', () => {
    // The available answer endpoints are served with the user's devices (me-lines-routes.ts).
    const meLines = createMeLinesRoutes(createMeLines({ clock: new FakeClock(), parkRecallMs: 1_000, noAnswerMs: 1_000 }));
    const served = [...ROUTES, ...meLines.filter((r) => r.operationId === 'getListAvailablePreferredAnswerEndpoints')]
      .map((r) => `${r.operationId} ${r.method} ${r.path}`)
      .sort();
    const defined = contractOperations()
      .map((o) => `${o.operationId} ${o.method} ${o.path}`)
      .sort();
    expect(served).toEqual(defined);
  });
});

describe('the contract check itself', () => {
  const base: SandboxExchange = {
    method: 'POST',
    path: '/v1/telephony/calls/dial',
    query: {},
    requestHeaders: { authorization: 'Bearer [redacted]', 'content-type': 'application/json' },
    requestBody: JSON.stringify({ destination: '1002' }),
    status: 201,
    responseHeaders: { TrackingID: 'T', 'Content-Type': 'application/json' },
    responseBody: JSON.stringify({ callId: 'a', callSessionId: 'b' }),
  };
  const problems = (x: Partial<SandboxExchange>) => checkExchange(api, { ...base, ...x }).problems;

  it('accepts a conforming exchange', () => {
    expect(problems({})).toEqual([]);
  });

  it('catches a request missing a required field, a bad enum, and a missing token', () => {
    expect(problems({ requestBody: '{}' })).not.toEqual([]);
    expect(
      problems({ path: '/v1/telephony/calls/reject', requestBody: JSON.stringify({ callId: 'a', action: 'later' }), status: 204, responseBody: '' }),
    ).not.toEqual([]);
    expect(problems({ requestHeaders: { 'content-type': 'application/json' } })).not.toEqual([]);
  });

  it('catches undocumented statuses, bodies where none belong, and wrong shapes', () => {
    expect(problems({ status: 200 })).not.toEqual([]);
    expect(problems({ responseBody: JSON.stringify({ callId: 'a' }) })).not.toEqual([]);
    expect(problems({ path: '/v1/telephony/calls/answer', requestBody: JSON.stringify({ callId: 'a' }), status: 204, responseBody: '{}' })).not.toEqual([]);
    expect(
      problems({
        method: 'GET',
        path: '/v1/telephony/calls',
        requestBody: '',
        status: 200,
        responseBody: JSON.stringify({ items: [{ id: 'a', state: 'ringing' }] }),
      }),
    ).not.toEqual([]);
  });

  it('catches an error body that is not Webex-shaped', () => {
    const error = (body: unknown) => problems({ status: 400, responseBody: JSON.stringify(body) });
    expect(error({ message: 'm', errors: [{ description: 'd', errorCode: 1 }], trackingId: 't' })).toEqual([]);
    expect(error({ message: 'm', errors: [{ description: 'd' }] })).not.toEqual([]);
    expect(error({ error: 'bad' })).not.toEqual([]);
  });

  it('catches paths the contract does not have', () => {
    expect(problems({ path: '/v1/telephony/calls/teleport' })).not.toEqual([]);
  });
});
