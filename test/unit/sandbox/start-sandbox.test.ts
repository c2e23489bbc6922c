import { describe, expect, it } from 'vitest';
import { MANAGER_ID, startSandbox } from '../../../main/sandbox/index.js';
import { lineSuite } from './line-suite.js';
import { raw, testAgent } from './raw-http.js';

const PARK_RECALL_MS = 45_000;

const suite = lineSuite((clock) => startSandbox({ clock, parkRecallMs: PARK_RECALL_MS }));

function expectWebexError(json: unknown, trackingId?: string): void {
  expect(json).toEqual({
    message: expect.any(String),
    errors: [{ description: expect.any(String), errorCode: expect.any(Number) }],
    trackingId: trackingId ?? expect.stringMatching(/^SANDBOX_[0-9a-f-]{36}$/),
  });
}

describe('the sandbox server', () => {
  it('listens on 127.0.0.1 with a random port and token', async () => {
    expect(suite.line.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    expect(suite.line.token.length).toBeGreaterThanOrEqual(24);
    const other = await startSandbox();
    try {
      expect(other.baseUrl).not.toBe(suite.line.baseUrl);
      expect(other.token).not.toBe(suite.line.token);
    } finally {
      await other.close();
    }
  });

  it('answers 401 with a Webex error body without or with a wrong bearer token', async () => {
    const none = await suite.api('/telephony/calls', { token: null });
    expect(none.status).toBe(401);
    expectWebexError(none.json);
    const wrong = await suite.api('/telephony/calls', { token: 'not-the-token' });
    expect(wrong.status).toBe(401);
    expect((await suite.api('/telephony/calls')).status).toBe(200);
  });

  it('echoes the TrackingID header into the error body and the response, or makes one up', async () => {
    const echoed = await suite.api('/telephony/calls/answer', { body: { callId: 'nope' }, headers: { TrackingID: 'CALLDECK_abc-123' } });
    expect(echoed.status).toBe(404);
    expectWebexError(echoed.json, 'CALLDECK_abc-123');
    expect(echoed.headers.trackingid).toBe('CALLDECK_abc-123');
    const generated = await suite.api('/telephony/calls');
    expect(generated.headers.trackingid).toMatch(/^SANDBOX_[0-9a-f-]{36}$/);
  });

  it('rejects malformed JSON, a missing required field, a non-JSON body and a bad history type with 400/415', async () => {
    const malformed = await suite.api('/telephony/calls/answer', { rawBody: '{"callId": ', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expectWebexError(malformed.json);
    const missing = await suite.api('/telephony/calls/hold', { body: {} });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.json)).toContain('callId');
    const notJson = await suite.api('/telephony/calls/hold', { rawBody: 'callId=1', headers: { 'content-type': 'text/plain' } });
    expect(notJson.status).toBe(415);
    expect((await suite.api('/telephony/calls/history?type=everything')).status).toBe(400);
    const dnd = await suite.api('/telephony/config/people/me/settings/doNotDisturb', { method: 'PUT', body: { enabled: true } });
    expect(dnd.status).toBe(400);
  });

  it('answers 404 for unknown calls and paths, 405 for a wrong method', async () => {
    expect((await suite.api('/telephony/calls/unknown-id')).status).toBe(404);
    expect((await suite.api('/telephony/nothing-here')).status).toBe(404);
    const wrong = await suite.api('/telephony/calls/dial');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('POST');
  });

  it('uses the documented status codes through a whole call', async () => {
    const callId = suite.line.control.incomingCall({ from: { name: 'Priya', number: '+12125550142' }, via: { reason: 'huntGroup', name: 'Sales' } });
    const listed = await suite.api('/telephony/calls');
    expect(listed.json).toMatchObject({ items: [{ id: callId, state: 'alerting', redirections: [{ reason: 'huntGroup' }] }] });
    expect((await suite.api('/telephony/calls/answer', { body: { callId } })).status).toBe(204);
    expect((await suite.api('/telephony/calls/answer', { body: { callId } })).status).toBe(400);
    expect((await suite.api('/telephony/calls/hold', { body: { callId } })).status).toBe(204);
    expect((await suite.api(`/telephony/calls/${callId}`)).json).toMatchObject({ state: 'held', answered: suite.clock.iso() });
    expect((await suite.api('/telephony/calls/resume', { body: { callId } })).status).toBe(204);
    const park = await suite.api('/telephony/calls/park', { body: { callId, destination: '4102' } });
    expect(park.status).toBe(200);
    expect(park.json).toEqual({ parkedAgainst: { number: '4102', privacyEnabled: false, callType: 'location' } });
    const retrieve = await suite.api('/telephony/calls/retrieve', { body: { destination: '4102' } });
    expect(retrieve.status).toBe(201);
    const dial = await suite.api('/telephony/calls/dial', { body: { destination: '+14155550110' } });
    expect(dial.status).toBe(201);
    expect(dial.json).toEqual({ callId: expect.any(String), callSessionId: expect.any(String) });
    expect((await suite.api('/telephony/calls/hangup', { body: { callId: (dial.json as { callId: string }).callId } })).status).toBe(204);
  });

  it('history: placed/missed/received filter, newest first', async () => {
    const dialled = (await suite.api('/telephony/calls/dial', { body: { destination: '1002' } })).json as { callId: string };
    // The call is placed (and recorded) when the user picks up their phone.
    suite.line.control.pickUp(dialled.callId);
    const missed = suite.line.control.incomingCall({ from: { number: '+15550001' } });
    suite.line.control.remoteHangup(missed);
    const all = (await suite.api('/telephony/calls/history')).json as { items: Array<{ type: string }> };
    expect(all.items.map((i) => i.type)).toEqual(['missed', 'placed']);
    const onlyMissed = (await suite.api('/telephony/calls/history?type=missed')).json as { items: Array<{ number: string }> };
    expect(onlyMissed.items).toEqual([{ type: 'missed', number: '+15550001', privacyEnabled: false, time: suite.clock.iso() }]);
  });

  it('[DND-01] Do Not Disturb: an incoming call is still listed, alerting, and can be answered', async () => {
    const put = await suite.api('/telephony/config/people/me/settings/doNotDisturb', {
      method: 'PUT',
      body: { enabled: true, webexGoOverrideEnabled: false },
    });
    expect(put.status).toBe(204);
    expect((await suite.api('/telephony/config/people/me/settings/doNotDisturb')).json).toEqual({
      enabled: true,
      ringSplashEnabled: false,
      webexGoOverrideEnabled: false,
    });
    const callId = suite.line.control.incomingCall({ from: { name: 'Tom', number: '+442075550164' } });
    expect((await suite.api('/telephony/calls')).json).toMatchObject({ items: [{ id: callId, state: 'alerting', personality: 'terminator', remoteParty: { name: 'Tom' } }] });
    expect((await suite.api('/telephony/calls/history?type=missed')).json).toEqual({ items: [] });
    expect((await suite.api('/telephony/calls/answer', { body: { callId } })).status).toBe(204);
  });
});

describe('a user with no secondary line (secondaryLines: false)', () => {
  it('lists endpoints without secondary lines, and a manager\'s line is not theirs to list', async () => {
    const plain = await startSandbox({ secondaryLines: false });
    const agent = testAgent();
    try {
      const endpoints = (await raw(agent, `${plain.baseUrl}/telephony/config/people/me/endpoints`, { token: plain.token })).json as {
        endpoints: Array<Record<string, unknown>>;
      };
      expect(endpoints.endpoints.length).toBeGreaterThan(0);
      const full = (await raw(agent, `${suite.line.baseUrl}/telephony/config/people/me/endpoints`, { token: suite.line.token })).json;
      expect(JSON.stringify(full)).toContain(MANAGER_ID);
      expect(JSON.stringify(endpoints)).not.toContain(MANAGER_ID);
      expect((await raw(agent, `${plain.baseUrl}/telephony/calls?lineOwnerId=${MANAGER_ID}`, { token: plain.token })).status).not.toBe(200);
      expect((await raw(agent, `${suite.line.baseUrl}/telephony/calls?lineOwnerId=${MANAGER_ID}`, { token: suite.line.token })).status).toBe(200);
    } finally {
      await agent.close();
      await plain.close();
    }
  });
});

describe('time on the line (fake clock)', () => {
  it('a parked call recalls after parkRecallMs, with recall.party', async () => {
    const callId = suite.line.control.incomingCall({ from: { name: 'Marcus', number: '+13125550187' } });
    await suite.api('/telephony/calls/answer', { body: { callId } });
    await suite.api('/telephony/calls/park', { body: { callId } });
    suite.clock.advance(PARK_RECALL_MS - 1);
    expect((await suite.api('/telephony/calls')).json).toEqual({ items: [] });
    suite.clock.advance(1);
    const list = (await suite.api('/telephony/calls')).json as { items: unknown[] };
    expect(list.items).toEqual([
      expect.objectContaining({
        state: 'alerting',
        personality: 'terminator',
        remoteParty: expect.objectContaining({ name: 'Marcus' }),
        recall: { type: 'park', party: expect.objectContaining({ number: '4142' }) },
      }),
    ]);
  });

  it('a retrieved call does not recall', async () => {
    const callId = suite.line.control.incomingCall({ from: { number: '+13125550187' } });
    await suite.api('/telephony/calls/answer', { body: { callId } });
    await suite.api('/telephony/calls/park', { body: { callId } });
    await suite.api('/telephony/calls/retrieve', { body: {} });
    suite.clock.advance(PARK_RECALL_MS * 2);
    expect(((await suite.api('/telephony/calls')).json as { items: Array<{ recall?: unknown }> }).items.some((c) => c.recall)).toBe(false);
  });

  it('[CC-01] dial alerts the user\'s phone until they pick up, then the dialled party answers after the configured delay, or never', async () => {
    suite.line.control.setDialBehavior({ answerAfterMs: 2_000, pickUpAfterMs: 1_500 });
    const dial = (await suite.api('/telephony/calls/dial', { body: { destination: '1002' } })).json as { callId: string };
    expect((await suite.api(`/telephony/calls/${dial.callId}`)).json).toMatchObject({ state: 'alerting', personality: 'clickToDial' });
    suite.clock.advance(1_499);
    expect((await suite.api(`/telephony/calls/${dial.callId}`)).json).toMatchObject({ state: 'alerting', personality: 'clickToDial' });
    suite.clock.advance(1);
    expect((await suite.api(`/telephony/calls/${dial.callId}`)).json).toMatchObject({ state: 'connecting', personality: 'originator' });
    suite.clock.advance(1_999);
    expect((await suite.api(`/telephony/calls/${dial.callId}`)).json).toMatchObject({ state: 'connecting' });
    suite.clock.advance(1);
    expect((await suite.api(`/telephony/calls/${dial.callId}`)).json).toMatchObject({ state: 'connected', answered: suite.clock.iso() });

    // Held at the alerting stage (pickUpAfterMs null) until the test picks up.
    suite.line.control.setDialBehavior({ answerAfterMs: null, pickUpAfterMs: null });
    const again = (await suite.api('/telephony/calls/dial', { body: { destination: '1003' } })).json as { callId: string };
    suite.clock.advance(60_000);
    expect((await suite.api(`/telephony/calls/${again.callId}`)).json).toMatchObject({ state: 'alerting', personality: 'clickToDial' });
    suite.line.control.pickUp(again.callId);
    suite.clock.advance(60_000);
    expect((await suite.api(`/telephony/calls/${again.callId}`)).json).toMatchObject({ state: 'connecting' });
    suite.line.control.remoteAnswer(again.callId);
    expect((await suite.api(`/telephony/calls/${again.callId}`)).json).toMatchObject({ state: 'connected' });
  });
});
