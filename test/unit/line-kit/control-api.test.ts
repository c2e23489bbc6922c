import { describe, expect, it } from 'vitest';
import { startTestLine } from '../../line-kit/index.js';
import { raw } from '../sandbox/raw-http.js';
import { lineSuite } from '../sandbox/line-suite.js';

const PARK_RECALL_MS = 45_000;

const suite = lineSuite((clock) => startTestLine({ clock, parkRecallMs: PARK_RECALL_MS }));

const control = (path: string, init: Parameters<typeof raw>[2] = {}) =>
  raw(suite.agent, `${suite.line.baseUrl.replace(/\/v1$/, '')}/__sandbox${path}`, { token: suite.line.token, ...init });

describe('tokens', () => {
  it('expireToken makes the current token 401; issueToken gives a working one; reset revives', async () => {
    const old = suite.line.token;
    suite.line.control.expireToken();
    expect((await suite.api('/telephony/calls', { token: old })).status).toBe(401);
    // The control API still accepts the expired token, so a harness can keep steering.
    expect((await control('/state', { token: old })).status).toBe(200);
    const fresh = suite.line.control.issueToken();
    expect(suite.line.token).toBe(fresh);
    expect((await suite.api('/telephony/calls', { token: fresh })).status).toBe(200);
    expect((await suite.api('/telephony/calls', { token: old })).status).toBe(401);
  });
});

describe('the control API over HTTP', () => {
  it('needs the bearer token', async () => {
    expect((await control('/state', { token: null })).status).toBe(401);
  });

  it('scripts calls: incoming, remote hangup, answered elsewhere, group ringing', async () => {
    const created = await control('/incoming-call', {
      body: { from: { name: 'Elena', number: '+34915550123' }, via: { reason: 'callQueue', name: 'Support' }, line: 2 },
    });
    expect(created.status).toBe(201);
    const { callId } = created.json as { callId: string };
    expect(suite.line.control.state().calls).toEqual([
      expect.objectContaining({ id: callId, appearance: 2, redirections: [expect.objectContaining({ reason: 'callQueue' })] }),
    ]);
    expect((await control(`/calls/${callId}/remote-hangup`, { method: 'POST' })).status).toBe(204);
    expect(suite.line.control.state().history).toEqual([expect.objectContaining({ type: 'missed', name: 'Elena' })]);

    const other = (await control('/incoming-call', { body: { from: { number: '1002' } } })).json as { callId: string };
    expect((await control(`/calls/${other.callId}/answered-elsewhere`, { method: 'POST' })).status).toBe(204);
    expect(suite.line.control.state().calls).toEqual([]);
    expect(suite.line.control.state().history).toHaveLength(1);

    const group = await control('/ring-in-group', { body: { from: { number: '+15550100' }, colleague: { number: '1002' } } });
    expect(group.status).toBe(201);
    const picked = await suite.api('/telephony/calls/pickup', { body: { target: '1002' } });
    expect(picked.status).toBe(201);
  });

  it('rejects an invalid control body with 400 and an unknown call with 404', async () => {
    expect((await control('/incoming-call', { body: { from: {} } })).status).toBe(400);
    expect((await control('/calls/nope/remote-answer', { method: 'POST' })).status).toBe(404);
    expect((await control('/no-such-thing', { method: 'POST' })).status).toBe(404);
  });

  it('sets dial behaviour, injects and clears faults, resets', async () => {
    expect((await control('/dial-behavior', { method: 'PUT', body: { answerAfterMs: 500 } })).status).toBe(204);
    expect(suite.line.control.state().dialBehavior).toEqual({ answerAfterMs: 500 });
    expect((await control('/faults', { body: { kind: 'status', status: 503, times: 'always' } })).status).toBe(204);
    expect((await suite.api('/telephony/calls')).status).toBe(503);
    expect((await suite.api('/telephony/calls')).status).toBe(503);
    expect((await control('/faults', { method: 'DELETE' })).status).toBe(204);
    expect((await suite.api('/telephony/calls')).status).toBe(200);
    expect((await control('/reset', { method: 'POST' })).status).toBe(204);
    expect(suite.line.control.state().dialBehavior).toEqual({ answerAfterMs: null });
  });
});
