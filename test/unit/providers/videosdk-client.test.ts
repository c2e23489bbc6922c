/**
 * The VideoSDK client (VideoSDK's SDK on undici) against the built-in line, over real HTTP: every
 * endpoint, what goes over the wire, and each refusal in VideoSDK's words.
 */
import { HttpClient } from '@videosdk.live/server-sdk';
import { Agent } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mintVideoSdkToken } from '../../../main/auth/videosdk-token.js';
import { AppError } from '../../../main/core/app-error.js';
import { createVideoSdkClient, type VideoSdkClient } from '../../../main/providers/videosdk/videosdk-client.js';
import { fetchOn } from '../../../main/providers/videosdk/videosdk-fetch.js';
import { startTestLine, type TestLine } from '../../line-kit/index.js';
import type { SandboxExchange } from '../../../main/sandbox/index.js';
import { FakeClock } from '../../fakes/fake-clock.js';

let line: TestLine;
let agent: Agent;
let clock: FakeClock;
let client: VideoSdkClient;
let minted: string[];
let exchanges: SandboxExchange[];

function clientWith(getToken: () => string): VideoSdkClient {
  return createVideoSdkClient({ baseUrl: line.videosdk.origin, getToken, fetch: fetchOn(agent) });
}

beforeAll(async () => {
  // Tokens are signed with the system time; the line's clock starts there and moves on command.
  clock = new FakeClock(Date.now());
  line = await startTestLine({ clock });
  for (const room of ['room-2', 'r', 'room-g', 'room-r', 'p']) line.videosdk.state.addRoom(room);
  agent = new Agent({ connect: { timeout: 2_000 }, headersTimeout: 5_000, bodyTimeout: 5_000 });
  client = clientWith(() => {
    const token = mintVideoSdkToken(line.videosdk.project);
    minted.push(token);
    return token;
  });
  line.control.onExchange((x) => exchanges.push(x));
});
afterAll(async () => {
  await line.close();
  await agent.close();
});
beforeEach(() => {
  minted = [];
  exchanges = [];
});

const lastBody = () => JSON.parse(exchanges.at(-1)!.requestBody) as unknown;

async function refusal(op: Promise<unknown>): Promise<AppError> {
  const error = await op.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('the legacy trunk call (POST /v2/sip/outbound-call)', () => {
  it('sends the seed fields with a bare token and answers the participant ID', async () => {
    const { participantId } = await client.trunkCall({
      to: 'sip:+14155550123@sip.example.com',
      from: '+14155550101',
      displayName: 'Reception',
      meetingId: 'abcd-efgh-ijkl',
      trunkId: 'trunk_sandbox_1',
      participantId: 'custom_participant_123',
    });
    expect(participantId).toBe('custom_participant_123');
    const exchange = exchanges.at(-1)!;
    expect(exchange).toMatchObject({ method: 'POST', path: '/v2/sip/outbound-call', status: 200 });
    expect(lastBody()).toEqual({
      to: 'sip:+14155550123@sip.example.com',
      from: '+14155550101',
      displayName: 'Reception',
      meetingId: 'abcd-efgh-ijkl',
      trunkId: 'trunk_sandbox_1',
      participantId: 'custom_participant_123',
    });
    // The line shows the header's form with the credentials redacted: a bare token has no scheme.
    expect(exchange.requestHeaders.authorization).toBe('[redacted]');
    expect(exchange.requestHeaders['content-type']).toBe('application/json');
    expect(line.videosdk.acceptedTokens().at(-1)).toBe(minted.at(-1));
  });

  it('[VSDK-05] lets VideoSDK generate the participant ID; the call list does not show a trunk call', async () => {
    const { participantId } = await client.trunkCall({ to: '+14155550124', displayName: 'Desk', meetingId: 'room-2', trunkId: 'trunk_sandbox_1' });
    expect(participantId).toMatch(/^sip_/);
    expect((await client.listAllCalls()).some((c) => c.participantId === participantId)).toBe(false);
    expect(line.videosdk.state.calls()[0]).toMatchObject({ to: '+14155550124', roomId: 'room-2', from: '+14155550100', participantId });
  });

  it('[VSDK-01] a 200 whose body says statusCode 404 is that error, in VideoSDK words', async () => {
    const error = await refusal(client.trunkCall({ to: '+14155550124', displayName: 'Desk', meetingId: 'no-such-room', trunkId: 'trunk_sandbox_1' }));
    expect(error).toMatchObject({ code: 'not-found', status: 404, message: 'Room no-such-room not found.' });
    expect(exchanges.at(-1)?.status).toBe(200);
  });

  it('404 for a trunk that does not exist, 400 for a from-number that is not the trunk’s', async () => {
    const unknown = await refusal(client.trunkCall({ to: '+14155550124', displayName: 'D', meetingId: 'r', trunkId: 'trunk_nope' }));
    expect(unknown).toMatchObject({ code: 'not-found', status: 404, message: 'SIP trunk trunk_nope not found.' });
    const from = await refusal(client.trunkCall({ to: '+14155550124', from: '+19995550000', displayName: 'D', meetingId: 'r', trunkId: 'trunk_sandbox_1' }));
    expect(from).toMatchObject({ code: 'invalid-input', status: 400 });
    expect(from.message).toContain("must be one of the trunk's numbers");
  });
});

describe('the current SIP call API', () => {
  it('POST /v2/sip/call through a gateway, then the status advances in the list', async () => {
    const call = await client.startCall({ to: 'sip:alice@example.com', roomId: 'room-g', route: { kind: 'gateway', gatewayId: 'gw_sandbox_1' } });
    expect(lastBody()).toEqual({ sipCallTo: 'sip:alice@example.com', destinationRoomId: 'room-g', gatewayId: 'gw_sandbox_1' });
    expect(call).toMatchObject({ id: expect.stringMatching(/^call_/), status: 'initiated', roomId: 'room-g', to: 'sip:alice@example.com' });

    const statusOf = async () => (await client.listCalls()).calls.find((c) => c.id === call.id)?.status;
    clock.advance(1_000);
    expect(await statusOf()).toBe('ringing');
    clock.advance(2_000);
    expect(await statusOf()).toBe('answered');
    expect(exchanges.at(-1)).toMatchObject({ method: 'GET', path: '/v2/sip/call', query: { page: '1', perPage: '20' } });
  });

  it('through a routing rule with sipCallFrom', async () => {
    const call = await client.startCall({ to: '+14155550125', roomId: 'room-r', route: { kind: 'routing-rule', routingRuleId: 'rule_sandbox_1', from: '+14155550103' } });
    expect(lastBody()).toEqual({ sipCallTo: '+14155550125', sipCallFrom: '+14155550103', destinationRoomId: 'room-r', routingRuleId: 'rule_sandbox_1' });
    expect(call.from).toBe('+14155550103');
    const wrongFrom = await refusal(client.startCall({ to: '+14155550125', roomId: 'r', route: { kind: 'routing-rule', routingRuleId: 'rule_sandbox_1', from: '+14155550100' } }));
    expect(wrongFrom).toMatchObject({ code: 'invalid-input', status: 400 });
  });

  it('404 for a gateway that does not exist', async () => {
    const error = await refusal(client.startCall({ to: '+14155550125', roomId: 'r', route: { kind: 'gateway', gatewayId: 'gw_nope' } }));
    expect(error).toMatchObject({ code: 'not-found', status: 404, message: 'Outbound gateway gw_nope not found.' });
  });

  it('a destination that never answers turns not-answered', async () => {
    line.videosdk.state.setBehaviour('+14155550126', 'no-answer');
    const call = await client.startCall({ to: '+14155550126', roomId: 'r', route: { kind: 'gateway', gatewayId: 'gw_sandbox_1' } });
    clock.advance(31_000);
    expect((await client.listCalls()).calls.find((c) => c.id === call.id)).toMatchObject({ status: 'not-answered', end: expect.any(String) });
  });

  it('POST /v2/sip/call/end ends a call; a second end is a conflict, an unknown call 404', async () => {
    const call = await client.startCall({ to: '+14155550127', roomId: 'r', route: { kind: 'gateway', gatewayId: 'gw_sandbox_1' } });
    await client.endCall(call.id);
    expect(lastBody()).toEqual({ callId: call.id });
    expect((await client.listCalls()).calls.find((c) => c.id === call.id)).toMatchObject({ status: 'ended', end: expect.any(String) });
    expect(await refusal(client.endCall(call.id))).toMatchObject({ code: 'conflict', status: 409 });
    expect(await refusal(client.endCall('call_nope'))).toMatchObject({ code: 'not-found', status: 404 });
  });

  it('[VSDK-03] reads every page of the list, not only the first 20', async () => {
    const before = (await client.listAllCalls()).length;
    for (let i = 0; i < 23; i += 1) await client.startCall({ to: `+141555503${String(i).padStart(2, '0')}`, roomId: 'p', route: { kind: 'gateway', gatewayId: 'gw_sandbox_1' } });
    const all = await client.listAllCalls();
    expect(all).toHaveLength(before + 23);
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    expect(exchanges.filter((x) => x.method === 'GET' && x.path === '/v2/sip/call').at(-1)?.query).toMatchObject({ page: String(Math.ceil((before + 23) / 20)) });
  });

  it('pages with page and perPage', async () => {
    for (let i = 0; i < 3; i += 1) await client.startCall({ to: `+1415555020${i}`, roomId: 'p', route: { kind: 'gateway', gatewayId: 'gw_sandbox_1' } });
    const first = await client.listCalls({ page: 1, perPage: 2 });
    expect(first.calls.map((c) => c.to)).toEqual(['+14155550202', '+14155550201']);
    expect(first.hasNextPage).toBe(true);
    const total = first.total ?? 0;
    const last = await client.listCalls({ page: Math.ceil(total / 2), perPage: 2 });
    expect(last.hasNextPage).toBe(false);
  });
});

describe('retries', () => {
  const attempts = (method: string, path: string) => exchanges.filter((x) => x.method === method && x.path === path).length;

  it('the SDK as it ships retries a POST only on 429, never on 5xx or a dropped connection', async () => {
    // VideoSDK's own HttpClient with its default retries, on our fetch: what we confirmed by reading it.
    const sdk = new HttpClient({ baseUrl: line.videosdk.origin, getToken: () => mintVideoSdkToken(line.videosdk.project), fetchImpl: fetchOn(agent) });
    const body = { sipCallTo: '+14155550140', destinationRoomId: 'r', gatewayId: 'gw_sandbox_1' };
    line.control.injectFault({ kind: 'status', status: 503, path: '/v2/sip/call' });
    await expect(sdk.post('/v2/sip/call', { body })).rejects.toMatchObject({ httpStatus: 503 });
    expect(attempts('POST', '/v2/sip/call')).toBe(1);
    line.control.injectFault({ kind: 'drop', path: '/v2/sip/call' });
    await expect(sdk.post('/v2/sip/call', { body })).rejects.toThrow();
    expect(attempts('POST', '/v2/sip/call')).toBe(2);
    line.control.injectFault({ kind: 'status', status: 429, path: '/v2/sip/call' });
    await sdk.post('/v2/sip/call', { body });
    expect(attempts('POST', '/v2/sip/call')).toBe(4);
  });

  it('ours retries nothing: a 429 on a start is shown, not sent again, and a failed poll waits for the next', async () => {
    line.control.injectFault({ kind: 'status', status: 429, path: '/v2/sip/call' });
    const limited = await refusal(client.startCall({ to: '+14155550141', roomId: 'r', route: { kind: 'gateway', gatewayId: 'gw_sandbox_1' } }));
    expect(limited).toMatchObject({ code: 'rate-limited', status: 429, retryAfterMs: 5_000 });
    expect(attempts('POST', '/v2/sip/call')).toBe(1);
    line.control.injectFault({ kind: 'status', status: 503, path: '/v2/sip/call' });
    expect(await refusal(client.listCalls())).toMatchObject({ code: 'provider', status: 503 });
    expect(attempts('GET', '/v2/sip/call')).toBe(1);
  });
});

describe('answers held to what main/providers/http.ts holds Webex to', () => {
  it('a 429 waits as long as its Retry-After asks', async () => {
    line.control.injectFault({ kind: 'status', status: 429, retryAfterSec: 7, path: '/v2/sip/call' });
    expect(await refusal(client.listCalls())).toMatchObject({ code: 'rate-limited', status: 429, retryAfterMs: 7_000 });
  });

  it('unreadable JSON, an HTML page and a body over 4 MB are provider problems that say what came', async () => {
    line.control.injectFault({ kind: 'bad-json', path: '/v2/sip/call' });
    expect(await refusal(client.listCalls())).toMatchObject({ code: 'provider', message: 'VideoSDK sent a response that is not valid JSON.', status: 200 });
    line.control.injectFault({ kind: 'wrong-content-type', path: '/v2/sip/call' });
    expect((await refusal(client.listCalls())).message).toMatch(/^VideoSDK answered with text\/html instead of JSON/);
    line.control.injectFault({ kind: 'oversized', path: '/v2/sip/call' });
    const big = await refusal(client.startCall({ to: '+14155550142', roomId: 'r', route: { kind: 'gateway', gatewayId: 'gw_sandbox_1' } }));
    expect(big).toMatchObject({ code: 'provider', message: 'VideoSDK sent a response larger than 4 MB; CallDeck stopped reading it.' });
  });
});

describe('failures without an answer', () => {
  it('a closed port is a network error, not an exception from the SDK', async () => {
    const dead = createVideoSdkClient({ baseUrl: 'http://127.0.0.1:9', getToken: () => 'x.y.z', fetch: fetchOn(agent) });
    expect(await refusal(dead.listCalls())).toMatchObject({ code: 'network' });
  });

  it('main’s dispatcher is the one used: its headers timeout ends a silent request', async () => {
    // Wide margins on both sides: a loaded CI machine can stall either clock by a few hundred ms.
    line.control.injectFault({ kind: 'slow', delayMs: 3_000, path: '/v2/sip/call' });
    const tight = new Agent({ headersTimeout: 400 });
    const slow = createVideoSdkClient({ baseUrl: line.videosdk.origin, getToken: () => mintVideoSdkToken(line.videosdk.project), fetch: fetchOn(tight), timeoutMs: 10_000 });
    expect(await refusal(slow.listCalls())).toMatchObject({ code: 'timeout' });
    await tight.close();
  });

  it('our deadline holds: a silent server is a timeout', async () => {
    line.control.injectFault({ kind: 'slow', delayMs: 3_000, path: '/v2/sip/call' });
    const slow = createVideoSdkClient({ baseUrl: line.videosdk.origin, getToken: () => mintVideoSdkToken(line.videosdk.project), fetch: fetchOn(agent), timeoutMs: 400 });
    expect(await refusal(slow.listCalls())).toMatchObject({ code: 'timeout' });
  });
});

describe('tokens', () => {
  it('a new token for every request', async () => {
    await client.listCalls();
    await client.listCalls();
    expect(minted).toHaveLength(2);
    expect(line.videosdk.acceptedTokens().slice(-2)).toEqual(minted);
  });

  it('401 with VideoSDK’s message for a wrong secret, a Bearer prefix, no token and an expired one', async () => {
    const wrongSecret = clientWith(() => mintVideoSdkToken({ apiKey: line.videosdk.project.apiKey, secret: 'not-the-secret' }));
    expect(await refusal(wrongSecret.listCalls())).toMatchObject({ code: 'unauthorized', status: 401, message: 'Invalid token: signature does not match.' });

    const bearer = clientWith(() => `Bearer ${mintVideoSdkToken(line.videosdk.project)}`);
    expect(await refusal(bearer.startCall({ to: '+14155550128', roomId: 'r', route: { kind: 'gateway', gatewayId: 'gw_sandbox_1' } }))).toMatchObject({
      code: 'unauthorized',
      status: 401,
      message: expect.stringContaining('without "Bearer "'),
    });

    const none = clientWith(() => '');
    expect(await refusal(none.listCalls())).toMatchObject({ code: 'unauthorized', message: 'Authorization token is missing.' });
  });

  // Last in the file: the line's clock stays ahead of the system clock from here on.
  it('401 for an expired token', async () => {
    const shortLived = clientWith(() => mintVideoSdkToken(line.videosdk.project, { ttlSec: 60 }));
    clock.advance(61_000);
    expect(await refusal(shortLived.listCalls())).toMatchObject({ code: 'unauthorized', message: 'Token expired.' });
  });
});
