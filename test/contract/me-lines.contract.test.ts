/**
 * My devices, lines and queues: the Webex clients and the built-in line, checked against Cisco's
 * contracts — "Call Settings For Me" (specs/webex-me-lines.openapi.json), People for line names,
 * and Call Controls for what endpointId and lineOwnerId do. Every exchange is validated against
 * the contract that defines it; the rules the line enforces are tested by their ledger ids.
 */
import type { OpenAPIBackend } from 'openapi-backend';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../main/providers/http.js';
import { createWebexCallsClient } from '../../main/providers/webex/calls-client.js';
import { createMeLinesClient } from '../../main/providers/webex/me-lines-client.js';
import { DESK_PHONE_ID, MANAGER_ID, MOBILE_ID, WEBEX_APP_ID } from '../../main/sandbox/index.js';
import { startTestLine, type SandboxExchange, type TestLine } from '../line-kit/index.js';
import { FakeClock } from '../fakes/fake-clock.js';
import { raw } from '../unit/sandbox/raw-http.js';
import { checkExchange, createContractApi, ME_LINES_SPEC_PATH, PEOPLE_SPEC_PATH } from './contract-validator.js';

let meApi: OpenAPIBackend;
let peopleApi: OpenAPIBackend;
let callsApi: OpenAPIBackend;
let line: TestLine;
let agent: Agent;
const recorded: SandboxExchange[] = [];

beforeAll(async () => {
  [meApi, peopleApi, callsApi] = await Promise.all([createContractApi(ME_LINES_SPEC_PATH), createContractApi(PEOPLE_SPEC_PATH), createContractApi()]);
  line = await startTestLine({ clock: new FakeClock() });
  agent = new Agent({ connect: { timeout: 2_000 }, headersTimeout: 5_000, bodyTimeout: 5_000 });
  line.control.onExchange((x) => recorded.push(x));
});
afterAll(async () => {
  await line.close();
  await agent.close();
});

const http = () => createHttpClient({ baseUrl: line.baseUrl, getToken: async () => line.token, dispatcher: agent, retryBackoffMs: 1 });
const me = () => createMeLinesClient(http());
const calls = () => createWebexCallsClient(http());
const url = (path: string) => `${line.baseUrl}${path}`;
const put = (path: string, body: unknown) => raw(agent, url(path), { method: 'PUT', token: line.token, body });
const post = (path: string, body: unknown) => raw(agent, url(path), { method: 'POST', token: line.token, body });

async function fails(promise: Promise<unknown>): Promise<{ status?: number }> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: { status?: number }) => error,
  );
}

describe('Call Settings For Me contract', () => {
  it('[ME-01] my endpoints list each device with its secondary lines, and the client reads them', async () => {
    const endpoints = await me().endpoints();
    expect(endpoints.map((e) => e.name)).toEqual(['Desk phone 8865', 'Webex App', 'Mobile (Webex Go)']);
    expect(endpoints[0]?.secondaryLines).toEqual([{ id: MANAGER_ID, memberType: 'PEOPLE' }]);
    expect(endpoints.find((e) => e.id === MOBILE_ID)?.autoAndForcedAnswerEnabled).toBe(false);
  });

  it('[ME-03] the preferred answer endpoint reads back what was set with preferredAnswerEndpointId', async () => {
    expect(await me().preferredAnswerEndpoint()).toBe(WEBEX_APP_ID);
    await me().setPreferredAnswerEndpoint(DESK_PHONE_ID);
    expect(await me().preferredAnswerEndpoint()).toBe(DESK_PHONE_ID);
    const available = await calls().answerEndpoints();
    expect(available.endpoints.find((e) => e.isPreferredAnswerEndpoint)?.id).toBe(DESK_PHONE_ID);
  });

  it('[ME-04] a PUT without preferredAnswerEndpointId (the example\'s {"id"}) is refused; so is an endpoint that is not mine', async () => {
    const path = '/telephony/config/people/me/settings/preferredAnswerEndpoint';
    expect((await put(path, { id: WEBEX_APP_ID })).status).toBe(400);
    expect((await put(path, { preferredAnswerEndpointId: 'not-mine' })).status).toBe(400);
    expect(await me().preferredAnswerEndpoint()).toBe(DESK_PHONE_ID);
  });

  it('[ME-05] queue agent state is read and set for me and for a secondary line; a locked queue cannot be left', async () => {
    const mine = await me().queues();
    expect(mine.agentACDState).toBe('AVAILABLE');
    await me().setQueues({ agentACDState: 'UNAVAILABLE' });
    expect((await me().queues()).agentACDState).toBe('UNAVAILABLE');
    const locked = mine.queues?.find((q) => !q.allowLogOffEnabled);
    expect(await fails(me().setQueues({ queues: [{ id: locked!.id, available: false }] }))).toMatchObject({ status: 400 });
    const open = mine.queues?.find((q) => q.allowLogOffEnabled);
    await me().setQueues({ queues: [{ id: open!.id, available: false }] });
    expect((await me().queues()).queues?.find((q) => q.id === open!.id)?.available).toBe(false);

    expect((await me().queues(MANAGER_ID)).agentACDState).toBe('SIGN_OUT');
    await me().setQueues({ agentACDState: 'SIGN_IN' }, MANAGER_ID);
    expect((await me().queues(MANAGER_ID)).agentACDState).toBe('SIGN_IN');
  });

  it('[ME-06] queues of a line that is not on my devices answer 404', async () => {
    expect(await fails(me().queues('someone-else'))).toMatchObject({ status: 404 });
  });

  it('[ME-07] People names a secondary line by its owner id; more than 85 ids are refused', async () => {
    expect(await me().personNames([MANAGER_ID, 'unknown'])).toEqual(new Map([[MANAGER_ID, 'Emma Wilson']]));
    const many = Array.from({ length: 86 }, (_, i) => `id${i}`).join(',');
    expect((await raw(agent, url(`/people?id=${many}`), { token: line.token })).status).toBe(400);
  });
});

describe('Call Controls: endpointId and lineOwnerId', () => {
  it('[CC-40] the manager\'s line is listed with its lineOwnerId, and every action on its call carries it', async () => {
    const manager = line.meLines.control(MANAGER_ID)!;
    const id = manager.incomingCall({ from: { name: 'Olivia Davis', number: '4164' } });
    expect((await calls().listCalls(undefined, { lineOwnerId: MANAGER_ID })).map((c) => c.id)).toEqual([id]);
    await calls().getCall(id, undefined, { lineOwnerId: MANAGER_ID });
    await calls().answer(id, { lineOwnerId: MANAGER_ID, endpointId: DESK_PHONE_ID });
    await calls().hold(id, { lineOwnerId: MANAGER_ID });
    await calls().resume(id, { lineOwnerId: MANAGER_ID });
    await calls().hangup(id, { lineOwnerId: MANAGER_ID });
    expect(manager.state().calls).toEqual([]);
  });

  it('[CC-41] a call on another line is not found without its lineOwnerId (404), nor with an owner not on my devices', async () => {
    const manager = line.meLines.control(MANAGER_ID)!;
    const id = manager.incomingCall({ from: { name: 'Liam Brown', number: '4163' } });
    expect((await calls().listCalls()).map((c) => c.id)).not.toContain(id);
    expect(await fails(calls().answer(id))).toMatchObject({ status: 404 });
    expect(await fails(calls().getCall(id))).toMatchObject({ status: 404 });
    expect(await fails(calls().listCalls(undefined, { lineOwnerId: 'not-a-line-of-mine' }))).toMatchObject({ status: 404 });
    manager.remoteHangup(id);
  });

  it('[CC-42] endpointId must be one of my endpoints: dial on the desk phone works, on a stranger\'s device is refused', async () => {
    line.control.setDialBehavior({ answerAfterMs: null, pickUpAfterMs: null });
    const ref = await calls().dial('1003', { endpointId: DESK_PHONE_ID });
    expect((await post('/telephony/calls/dial', { destination: '1003', endpointId: 'not-mine' })).status).toBe(400);
    await calls().hangup(ref.callId);
    line.control.setDialBehavior({ answerAfterMs: null });
  });

  it('[CC-43][ME-02] answer is refused on a device that does not support answer via API, or is not alerting for the call', async () => {
    const answered = line.control.incomingCall({ from: { name: 'Ana Silva', number: '+12125550100' } });
    await calls().answer(answered, { endpointId: DESK_PHONE_ID });
    await calls().hangup(answered);

    const incoming = line.control.incomingCall({ from: { name: 'Priya Natarajan', number: '+12125550142' } });
    expect(await fails(calls().answer(incoming, { endpointId: MOBILE_ID }))).toMatchObject({ status: 400 });
    const managerCall = line.meLines.control(MANAGER_ID)!.incomingCall({ from: { name: 'Olivia Davis', number: '4164' } });
    // Webex App does not carry the manager's line, so it is not alerting for that call.
    expect(await fails(calls().answer(managerCall, { lineOwnerId: MANAGER_ID, endpointId: WEBEX_APP_ID }))).toMatchObject({ status: 400 });
    await calls().hangup(incoming);
    await calls().hangup(managerCall, { lineOwnerId: MANAGER_ID });
  });

  it('[CC-44] pull with endpointId moves my answered call (201 with a call reference)', async () => {
    const id = line.control.incomingCall({ from: { name: 'Priya Natarajan', number: '+12125550142' } });
    await calls().answer(id, { endpointId: DESK_PHONE_ID });
    const ref = await calls().pull({ endpointId: WEBEX_APP_ID });
    expect(ref.callId).toEqual(expect.any(String));
    expect((await post('/telephony/calls/pull', { endpointId: 'not-mine' })).status).toBe(400);
    await calls().hangup(id);
  });

  it('[CC-45] push on the executive\'s line is taken with its lineOwnerId (204, the call leaves the assistant), not without it', async () => {
    const manager = line.meLines.control(MANAGER_ID)!;
    // A call to the executive that the assistant covers: associated with her, as push requires.
    const id = manager.incomingCall({ from: { name: 'Northwind Legal', number: '+12125550177' }, executive: { name: 'Emma Wilson', number: '4162' } });
    await calls().answer(id, { lineOwnerId: MANAGER_ID, endpointId: DESK_PHONE_ID });
    expect(await fails(calls().push(id))).toMatchObject({ status: 404 });
    await calls().push(id, { lineOwnerId: MANAGER_ID });
    expect(manager.state().calls).toEqual([]);
  });

  it('every exchange conforms to the contract that defines it', () => {
    // The one request sent malformed on purpose (ME-04): the contract must see its fault too.
    const example = (x: SandboxExchange) => x.method === 'PUT' && x.path.endsWith('/preferredAnswerEndpoint') && x.requestBody.includes('"id"');
    expect(recorded.filter(example).flatMap((x) => checkExchange(meApi, x).problems).join()).toContain('preferredAnswerEndpointId');
    const problems = recorded.filter((x) => !example(x)).flatMap((x) => {
      const api = x.path.startsWith('/v1/people') ? peopleApi : x.path.startsWith('/v1/telephony/calls') || x.path.endsWith('availablePreferredAnswerEndpoints') ? callsApi : meApi;
      return checkExchange(api, x).problems;
    });
    expect(problems).toEqual([]);
    const operations = new Set(recorded.filter((x) => !x.path.startsWith('/v1/people') && !x.path.startsWith('/v1/telephony/calls')).map((x) => checkExchange(meApi, x).operationId));
    expect([...operations].filter(Boolean).sort()).toEqual(
      [
        'getListAvailablePreferredAnswerEndpoints',
        'getMyEndpointsList',
        'getMyPreferredAnswerEndpoint',
        'modifyMyPreferredAnswerEndpoint',
        'getMyCallCenterSettings',
        'modifyMyCallCenterSettings',
        'getMySecondaryLinesCallCenterSettings',
        'modifyMySecondaryLinesCallCenterSettings',
      ].sort(),
    );
    // Validating every exchange against three contracts is CPU work; a shared machine needs the time.
  }, 30_000);
});
