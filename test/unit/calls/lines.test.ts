/**
 * Devices and lines as CallDeck drives them: the routing provider and the devices service over the
 * real Webex clients, against the built-in line over real HTTP. What each request carries is read
 * from the line's request log, so these are the app's side of the CC-4x and ME-xx rules.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Agent } from 'undici';
import type { Call, CallsSnapshot } from '../../../preload/contract.js';
import { bindLines, type LinesBinding } from '../../../main/calls/lines/lines-binding.js';
import { SECONDARY_IDLE_MS } from '../../../main/calls/lines/line-routing.js';
import { toLines } from '../../../main/calls/lines/devices-model.js';
import { createHttpClient } from '../../../main/providers/http.js';
import type { Line } from '../../../main/providers/line.js';
import { createWebexLineClients } from '../../../main/providers/webex/webex-line-clients.js';
import { DESK_PHONE_ID, MANAGER_ID, MOBILE_ID, WEBEX_APP_ID, type SandboxExchange } from '../../../main/sandbox/index.js';
import { startTestLine, type TestLine } from '../../line-kit/index.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { MemoryLogger } from '../../fakes/in-memory-ports.js';

let line: TestLine;
let agent: Agent;
let clock: FakeClock;
let binding: LinesBinding;
let recorded: SandboxExchange[];

beforeEach(async () => {
  clock = new FakeClock();
  line = await startTestLine({ clock });
  agent = new Agent({ connect: { timeout: 2_000 }, headersTimeout: 5_000, bodyTimeout: 5_000 });
  recorded = [];
  line.control.onExchange((x) => recorded.push(x));
  const http = createHttpClient({ baseUrl: line.baseUrl, getToken: async () => line.token, dispatcher: agent, retryBackoffMs: 1 });
  const webex: Line = { ...createWebexLineClients(http), mode: 'account', label: 'test', close: async () => http.close() };
  binding = bindLines(webex, { clock, log: new MemoryLogger() });
  await binding.devices!.ready();
});
afterEach(async () => {
  binding.stop();
  await line.close();
  await agent.close();
});

const bodies = (path: string) =>
  recorded.filter((x) => x.path === `/v1/telephony/calls/${path}`).map((x) => JSON.parse(x.requestBody || '{}') as Record<string, unknown>);
const ctx = { refresh: () => undefined, redecorate: () => undefined };

function asCall(id: string, state: Call['state'] = 'connected'): Call {
  return { id, sessionId: 's', personality: 'terminator', state, remote: { privacy: false }, createdAt: '', muteCapable: true, muted: false, actions: [] };
}

describe('devices and lines (app side)', () => {
  it('[ME-01][ME-07] starts on the preferred answer endpoint and names the manager\'s line by its owner', () => {
    const info = binding.devices!.info();
    expect(info.devices.map((d) => d.name)).toEqual(['Desk phone 8865', 'Webex App', 'Mobile (Webex Go)']);
    expect(info.chosenId).toBe(WEBEX_APP_ID);
    expect(info.lines).toEqual([
      { id: 'me', name: 'My line', own: true },
      { id: MANAGER_ID, name: 'Emma Wilson', own: false },
    ]);
  });

  it('[ME-01] a memberType beyond PEOPLE and PLACE is accepted and gets a generic name', () => {
    const endpoints = [{ id: 'e', type: 'APPLICATION', name: 'App', autoAndForcedAnswerEnabled: true, secondaryLines: [{ id: 'v1', memberType: 'VIRTUAL_LINE' }, { id: 'w1', memberType: 'PLACE' }] }];
    expect(toLines(endpoints, new Map()).map((l) => l.name)).toEqual(['My line', 'Virtual line', 'Workspace line']);
  });

  it('[CC-42] dial, retrieve, pickup and barge-in send the chosen device\'s endpointId', async () => {
    await binding.devices!.choose(DESK_PHONE_ID, false);
    line.control.setDialBehavior({ answerAfterMs: null, pickUpAfterMs: null });
    await binding.provider.dial('1003');
    line.control.colleagueOnCall({ colleague: { name: 'Sam Rivera', number: '1002' }, with: { number: '+12015550163' } });
    await binding.provider.bargeIn('1002');
    expect(bodies('dial')).toEqual([{ destination: '1003', endpointId: DESK_PHONE_ID }]);
    expect(bodies('bargeIn')).toEqual([{ target: '1002', endpointId: DESK_PHONE_ID }]);
    await binding.provider.pickup().catch(() => undefined);
    await binding.provider.retrieve().catch(() => undefined);
    expect(bodies('pickup')).toEqual([{ endpointId: DESK_PHONE_ID }]);
    expect(bodies('retrieve')).toEqual([{ endpointId: DESK_PHONE_ID }]);
    const incoming = line.control.incomingCall({ from: { name: 'Ana Silva', number: '+12125550100' } });
    await binding.provider.answer(incoming);
    expect(bodies('answer')).toEqual([{ callId: incoming, endpointId: DESK_PHONE_ID }]);
  });

  it('[CC-40][CC-41] calls on every line are listed in one list, and each action carries its call\'s lineOwnerId', async () => {
    const mine = line.control.incomingCall({ from: { name: 'Priya Natarajan', number: '+12125550142' } });
    const theirs = line.meLines.control(MANAGER_ID)!.incomingCall({ from: { name: 'Olivia Davis', number: '4164' } });
    const listed = await binding.provider.listCalls();
    expect(listed.map((c) => c.id).sort()).toEqual([mine, theirs].sort());
    expect(recorded.filter((x) => x.path === '/v1/telephony/calls').map((x) => x.query)).toEqual([{}, { lineOwnerId: MANAGER_ID }]);

    // The line answers 404 for the manager's call without its lineOwnerId: these succeed only because it is sent.
    await binding.provider.answer(theirs);
    await binding.provider.hold(theirs);
    await binding.provider.hangup(theirs);
    await binding.provider.answer(mine);
    await binding.provider.hangup(mine);
    expect(bodies('answer')).toEqual([
      { callId: theirs, lineOwnerId: MANAGER_ID, endpointId: DESK_PHONE_ID },
      { callId: mine, endpointId: WEBEX_APP_ID },
    ]);
    expect(bodies('hold')).toEqual([{ callId: theirs, lineOwnerId: MANAGER_ID }]);
    expect(bodies('hangup')).toEqual([{ callId: theirs, lineOwnerId: MANAGER_ID }, { callId: mine }]);

    const snapshot: CallsSnapshot = { calls: [asCall(theirs), asCall(mine)], line: { state: 'ok', label: 'test' }, ended: [] };
    const shown = binding.decorate(snapshot).calls;
    expect(shown[0]?.line).toEqual({ id: MANAGER_ID, name: 'Emma Wilson' });
    expect(shown[1]?.line).toBeUndefined();
  });

  it('[ME-02][CC-43] Answer with a device that cannot be answered remotely is refused here, with nothing sent', async () => {
    await binding.devices!.choose(MOBILE_ID, false);
    const id = line.control.incomingCall({ from: { name: 'Priya Natarajan', number: '+12125550142' } });
    await binding.provider.listCalls();
    await expect(binding.provider.answer(id)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('Answer on the phone itself') });
    expect(bodies('answer')).toEqual([]);
  });

  it('[CC-44] Pull call sends the chosen device\'s endpointId', async () => {
    const id = line.control.incomingCall({ from: { name: 'Priya Natarajan', number: '+12125550142' } });
    await binding.provider.listCalls();
    await binding.provider.answer(id);
    await binding.devices!.choose(DESK_PHONE_ID, false);
    await binding.handlers(ctx)['devices:pull'](undefined);
    expect(bodies('pull')).toEqual([{ endpointId: DESK_PHONE_ID }]);
  });

  it('[CC-45] Push to executive is offered only on a call on a person\'s line; a refusal explains and the offer goes', async () => {
    const theirs = line.meLines.control(MANAGER_ID)!.incomingCall({ from: { name: 'Olivia Davis', number: '4164' } });
    const mine = line.control.incomingCall({ from: { name: 'Priya Natarajan', number: '+12125550142' } });
    await binding.provider.listCalls();
    const snapshot = (): CallsSnapshot => ({ calls: [asCall(theirs), asCall(mine)], line: { state: 'ok', label: 'test' }, ended: [] });
    expect(binding.decorate(snapshot()).calls.map((c) => c.pushable ?? false)).toEqual([true, false]);

    line.control.injectFault({ kind: 'status', status: 403, path: '/telephony/calls/push' });
    let redecorated = 0;
    await expect(binding.handlers({ refresh: () => undefined, redecorate: () => (redecorated += 1) })['devices:push']({ callId: theirs })).rejects.toMatchObject({
      message: expect.stringMatching(/^Webex would not push this call to the executive: /),
    });
    expect(redecorated).toBe(1);
    expect(binding.decorate(snapshot()).calls[0]?.pushable).toBeUndefined();
    expect(bodies('push')).toEqual([{ callId: theirs, lineOwnerId: MANAGER_ID }]);
  });

  it('[ME-03][ME-04] choosing a device can also make it the preferred answer endpoint (PUT with preferredAnswerEndpointId)', async () => {
    await binding.devices!.choose(DESK_PHONE_ID, true);
    const puts = recorded.filter((x) => x.method === 'PUT' && x.path.endsWith('/preferredAnswerEndpoint'));
    expect(puts.map((x) => JSON.parse(x.requestBody) as unknown)).toEqual([{ preferredAnswerEndpointId: DESK_PHONE_ID }]);
    expect(binding.devices!.info().preferredId).toBe(DESK_PHONE_ID);
  });

  it('[ME-05] queue availability for me and for the manager\'s line; a locked queue is not changed', async () => {
    const queues = () => binding.devices!.info().queues;
    expect(queues().map((q) => [q.lineName, q.state])).toEqual([
      ['My line', 'AVAILABLE'],
      ['Emma Wilson', 'SIGN_OUT'],
    ]);
    await binding.handlers(ctx)['devices:setAgentState']({ state: 'UNAVAILABLE' });
    expect(queues()[0]?.state).toBe('UNAVAILABLE');
    const locked = queues()[0]!.queues.find((q) => !q.canChange)!;
    await expect(binding.handlers(ctx)['devices:setQueue']({ queueId: locked.id, available: false })).rejects.toMatchObject({ code: 'forbidden' });
    await binding.handlers(ctx)['devices:setAgentState']({ lineId: MANAGER_ID, state: 'SIGN_IN' });
    expect(queues()[1]?.state).toBe('SIGN_IN');
    const puts = recorded.filter((x) => x.method === 'PUT' && x.path.includes('queues'));
    expect(puts.map((x) => [x.path.replace('/v1/telephony/config/people/me/settings', ''), JSON.parse(x.requestBody) as unknown])).toEqual([
      ['/queues', { agentACDState: 'UNAVAILABLE' }],
      [`/secondaryLines/${MANAGER_ID}/queues`, { agentACDState: 'SIGN_IN' }],
    ]);
  });

  it('idle, a secondary line without calls is listed every 4 s, not on every 2 s poll (requests per minute)', async () => {
    recorded.length = 0;
    // The sync engine's idle cadence is 2 s; one minute of polls.
    for (let t = 0; t < 60_000; t += 2_000) {
      await binding.provider.listCalls();
      await clock.advanceAsync(2_000);
    }
    const lists = recorded.filter((x) => x.path === '/v1/telephony/calls');
    const own = lists.filter((x) => x.query.lineOwnerId === undefined).length;
    const manager = lists.filter((x) => x.query.lineOwnerId === MANAGER_ID).length;
    expect(SECONDARY_IDLE_MS).toBe(4_000);
    expect({ own, manager }).toEqual({ own: 30, manager: 15 });
  });

  it('a secondary line with a call is listed on every poll, so its call stays current', async () => {
    line.meLines.control(MANAGER_ID)!.incomingCall({ from: { name: 'Olivia Davis', number: '4164' } });
    await binding.provider.listCalls();
    recorded.length = 0;
    for (let t = 0; t < 10_000; t += 1_000) {
      await binding.provider.listCalls();
      await clock.advanceAsync(1_000);
    }
    expect(recorded.filter((x) => x.path === '/v1/telephony/calls' && x.query.lineOwnerId === MANAGER_ID)).toHaveLength(10);
  });
});
