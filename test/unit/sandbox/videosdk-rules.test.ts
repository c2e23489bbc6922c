/** The built-in line's VideoSDK rules (docs/provider-rules.md, VSDK-…), driven through its routes. */
import { describe, expect, it } from 'vitest';
import { mintVideoSdkToken } from '../../../main/auth/videosdk-token.js';
import { createVideoSdkRoutes } from '../../../main/sandbox/videosdk-routes.js';
import { createVideoSdkState, SANDBOX_ROOM_ID } from '../../../main/sandbox/videosdk-state.js';
import { FakeClock } from '../../fakes/fake-clock.js';

function line() {
  const clock = new FakeClock(Date.now());
  const state = createVideoSdkState({ clock });
  const routes = createVideoSdkRoutes({ state, clock });
  const send = (method: string, path: string, body?: unknown, query = new URLSearchParams()) =>
    routes.handle({
      method,
      path,
      query,
      authorization: mintVideoSdkToken(state.projects[0]!),
      contentType: body === undefined ? undefined : 'application/json',
      bodyText: body === undefined ? '' : JSON.stringify(body),
    });
  return { state, send };
}

const trunkCall = (meetingId: string, extra: Record<string, unknown> = {}) => ({ to: '+14155550123', displayName: 'Desk', meetingId, trunkId: 'trunk_sandbox_1', ...extra });

describe("the line's VideoSDK", () => {
  it('[VSDK-01] the legacy trunk call reports in its body: statusCode and message, 200 or a refusal', () => {
    const { send } = line();
    expect(send('POST', '/v2/sip/outbound-call', trunkCall(SANDBOX_ROOM_ID))).toMatchObject({ status: 200, body: { statusCode: 200, message: 'Success' } });
    expect(send('POST', '/v2/sip/outbound-call', trunkCall(SANDBOX_ROOM_ID, { trunkId: 'nope' }))).toEqual({ status: 200, body: { statusCode: 404, message: 'SIP trunk nope not found.' } });
  });

  it('[VSDK-02] "from" must be one of the trunk\'s numbers', () => {
    const { send } = line();
    expect(send('POST', '/v2/sip/outbound-call', trunkCall(SANDBOX_ROOM_ID, { from: '+19995550000' })).body).toMatchObject({ statusCode: 400 });
    expect(send('POST', '/v2/sip/outbound-call', trunkCall(SANDBOX_ROOM_ID, { from: '+14155550101' })).body).toMatchObject({ statusCode: 200 });
  });

  it('[VSDK-03] the list pages 20 at a time by default, with pageInfo to the last page', () => {
    const { send } = line();
    for (let i = 0; i < 25; i += 1) send('POST', '/v2/sip/call', { sipCallTo: `+141555501${String(i).padStart(2, '0')}`, destinationRoomId: SANDBOX_ROOM_ID, gatewayId: 'gw_sandbox_1' });
    const first = send('GET', '/v2/sip/call').body as { pageInfo: { lastPage: number; total: number }; data: unknown[] };
    expect(first.data).toHaveLength(20);
    expect(first.pageInfo).toMatchObject({ lastPage: 2, total: 25 });
    const second = send('GET', '/v2/sip/call', undefined, new URLSearchParams({ page: '2' })).body as { data: unknown[] };
    expect(second.data).toHaveLength(5);
  });

  it('[VSDK-04] an unknown room is refused on both APIs; a room that exists is not', () => {
    const { state, send } = line();
    expect(send('POST', '/v2/sip/call', { sipCallTo: '+14155550123', destinationRoomId: 'no-room', gatewayId: 'gw_sandbox_1' })).toMatchObject({ status: 404, body: { message: 'Room no-room not found.' } });
    expect(send('POST', '/v2/sip/outbound-call', trunkCall('no-room')).body).toEqual({ statusCode: 404, message: 'Room no-room not found.' });
    state.addRoom('no-room');
    expect(send('POST', '/v2/sip/call', { sipCallTo: '+14155550123', destinationRoomId: 'no-room', gatewayId: 'gw_sandbox_1' }).status).toBe(200);
  });

  it('[VSDK-05] GET /v2/sip/call does not list a legacy trunk call', () => {
    const { state, send } = line();
    const placed = send('POST', '/v2/sip/outbound-call', trunkCall(SANDBOX_ROOM_ID)).body as { participantId: string };
    const listed = send('GET', '/v2/sip/call').body as { data: Array<{ participantId: string }> };
    expect(listed.data.some((c) => c.participantId === placed.participantId)).toBe(false);
    expect(state.calls().some((c) => c.participantId === placed.participantId)).toBe(true);
  });
});
