/**
 * The built-in line's webhooks, driven over raw HTTP and its control surface alone (no CallDeck
 * code): registrations as the contract has them, and deliveries signed, late, doubled, reordered
 * and stopped as a real relay would show them.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Agent } from 'undici';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestLine, type TestLine } from '../../line-kit/index.js';
import { raw, testAgent } from './raw-http.js';
import { tokenWithScopes } from './scoped-token.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A bare receiver standing in for the relay and the app: records what arrives, answers `status`. */
async function startCatcher(status = 200): Promise<{ url: string; got: Received[]; setStatus(s: number): void; close(): Promise<void> }> {
  const got: Received[] = [];
  let answer = status;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      got.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/in`,
    got,
    setStatus: (s) => (answer = s),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let line: TestLine;
let agent: Agent;
let catcher: Awaited<ReturnType<typeof startCatcher>>;

beforeAll(async () => {
  line = await startTestLine();
  agent = testAgent();
});
afterAll(async () => {
  await line.close();
  await agent.close();
});
beforeEach(async () => {
  catcher = await startCatcher();
});
afterEach(async () => {
  for (const hook of line.webhooks.list()) line.webhooks.remove(hook.id);
  line.webhooks.script({});
  line.control.reset();
  await catcher.close();
});

const hooks = (path = '') => `${line.baseUrl}/webhooks${path}`;
const create = (body: Record<string, unknown>) => raw(agent, hooks(), { token: line.token, body });
const callHook = (event: string, extra: Record<string, unknown> = {}) =>
  create({ name: 'test', targetUrl: catcher.url, resource: 'telephony_calls', event, secret: 's3cret', ...extra });

async function until(check: () => boolean, ms = 3_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('webhook registrations', () => {
  it('[EVT-01] creates, lists, shows, updates and deletes a webhook as the contract has them', async () => {
    const made = await callHook('created');
    expect(made.status).toBe(200);
    const hook = made.json as { id: string; status: string; resource: string; event: string };
    expect(hook).toMatchObject({ name: 'test', targetUrl: catcher.url, resource: 'telephony_calls', event: 'created', status: 'active' });
    expect((await raw(agent, hooks(), { token: line.token })).json).toMatchObject({ items: [{ id: hook.id }] });
    expect((await raw(agent, hooks(`/${hook.id}`), { token: line.token })).status).toBe(200);
    const renamed = await raw(agent, hooks(`/${hook.id}`), { method: 'PUT', token: line.token, body: { name: 'renamed', targetUrl: catcher.url } });
    expect(renamed.json).toMatchObject({ name: 'renamed' });
    expect((await raw(agent, hooks(`/${hook.id}`), { method: 'DELETE', token: line.token })).status).toBe(204);
    expect((await raw(agent, hooks(`/${hook.id}`), { token: line.token })).status).toBe(404);
    expect((await raw(agent, hooks(`/${hook.id}`), { method: 'DELETE', token: line.token })).status).toBe(404);
  });

  it('[EVT-02] refuses event "all" (not in the published enum) and a missing field', async () => {
    const all = await callHook('all');
    expect(all.status).toBe(400);
    expect(JSON.stringify(all.json)).toContain('event');
    const noTarget = await create({ name: 'x', resource: 'telephony_calls', event: 'created' });
    expect(noTarget.status).toBe(400);
    expect((await raw(agent, hooks(), { token: null })).status).toBe(401);
  });

  it('[EVT-03] a PUT cannot deactivate a webhook, only turn an inactive one back on', async () => {
    const id = ((await callHook('created')).json as { id: string }).id;
    const off = await raw(agent, hooks(`/${id}`), { method: 'PUT', token: line.token, body: { name: 'test', targetUrl: catcher.url, status: 'inactive' } });
    expect(off.status).toBe(400);
    line.webhooks.deactivate(id);
    expect(((await raw(agent, hooks(`/${id}`), { token: line.token })).json as { status: string }).status).toBe('inactive');
    const on = await raw(agent, hooks(`/${id}`), { method: 'PUT', token: line.token, body: { name: 'test', targetUrl: catcher.url, status: 'active' } });
    expect((on.json as { status: string }).status).toBe('active');
  });
});

describe('webhook deliveries', () => {
  it('[EVT-04] delivers each call change to its webhook, signed with HMAC-SHA1 of the raw body', async () => {
    await callHook('created');
    await callHook('deleted');
    const callId = line.control.incomingCall({ from: { number: '+14155550100' } });
    line.control.remoteHangup(callId);
    await until(() => catcher.got.length === 2);
    for (const { headers, body } of catcher.got) {
      expect(headers['x-spark-signature']).toBe(createHmac('sha1', 's3cret').update(body).digest('hex'));
    }
    const events = catcher.got.map((g) => JSON.parse(g.body) as { resource: string; event: string; data: Record<string, unknown> });
    expect(events.map((e) => e.event).sort()).toEqual(['created', 'deleted']);
    expect(events.every((e) => e.data.callId === callId && typeof e.data.eventTimestamp === 'string')).toBe(true);
  });

  it('[EVT-05] telephony_mwi is delivered when the voicemail counts change', async () => {
    await create({ name: 'vm', targetUrl: catcher.url, resource: 'telephony_mwi', event: 'updated', secret: 'k' });
    line.control.leaveVoicemail({ from: { number: '+14155550100' } });
    await until(() => catcher.got.length === 1);
    expect(JSON.parse(catcher.got[0]!.body)).toMatchObject({ resource: 'telephony_mwi', event: 'updated' });
  });

  it('[EVT-06] deliveries that keep failing turn the webhook inactive, and an inactive one gets nothing', async () => {
    catcher.setStatus(502);
    const id = ((await callHook('created')).json as { id: string }).id;
    for (let i = 0; i < 3; i += 1) line.control.incomingCall({ from: { number: `+1415555010${i}` } });
    await until(() => catcher.got.length === 3);
    await line.webhooks.settle();
    expect(line.webhooks.list().find((h) => h.id === id)?.status).toBe('inactive');
    catcher.setStatus(200);
    line.control.incomingCall({ from: { number: '+14155550199' } });
    await line.webhooks.settle();
    expect(catcher.got).toHaveLength(3);
  });

  it('[EVT-07] deliveries can be scripted late, twice and out of order', async () => {
    await callHook('created');
    line.webhooks.script({ duplicate: true });
    line.control.incomingCall({ from: { number: '+14155550100' } });
    await until(() => catcher.got.length === 2);
    expect(catcher.got[0]!.body).toBe(catcher.got[1]!.body);

    catcher.got.length = 0;
    line.webhooks.script({ reorderBatch: 2 });
    const first = line.control.incomingCall({ from: { number: '+14155550101' } });
    const second = line.control.incomingCall({ from: { number: '+14155550102' } });
    await until(() => catcher.got.length === 2);
    expect(catcher.got.map((g) => (JSON.parse(g.body) as { data: { callId: string } }).data.callId)).toEqual([second, first]);

    catcher.got.length = 0;
    line.webhooks.script({ delayMs: 300 });
    const started = Date.now();
    line.control.incomingCall({ from: { number: '+14155550103' } });
    await until(() => catcher.got.length === 1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('[EVT-08] a webhook someone else deleted gets no more deliveries', async () => {
    const id = ((await callHook('created')).json as { id: string }).id;
    line.webhooks.remove(id);
    line.control.incomingCall({ from: { number: '+14155550100' } });
    await line.webhooks.settle();
    expect(catcher.got).toHaveLength(0);
    expect((await raw(agent, hooks(`/${id}`), { token: line.token })).status).toBe(404);
  });

  it('[EVT-09] POSTs each delivery to targetUrl as JSON; a target off this machine is a failed delivery (the line has no internet)', async () => {
    await callHook('created');
    const far = ((await create({ name: 'far', targetUrl: 'https://relay.example.com/hook', resource: 'telephony_calls', event: 'created', secret: 'k' })).json as { id: string }).id;
    line.control.incomingCall({ from: { number: '+14155550100' } });
    await until(() => catcher.got.length === 1);
    await line.webhooks.settle();
    expect(catcher.got[0]!.headers['content-type']).toBe('application/json');
    expect(line.webhooks.deliveries().find((d) => d.webhookId === far)).toMatchObject({ error: expect.stringMatching(/loopback/) });
  });
});

describe('meeting participant webhooks', () => {
  afterEach(() => line.meetings.reset());

  const rosterHooks = async (extra: Record<string, unknown> = {}) => {
    for (const event of ['joined', 'left']) {
      expect((await create({ name: 'roster', targetUrl: catcher.url, resource: 'meetingParticipants', event, secret: 'r0ster', ...extra })).status).toBe(200);
    }
  };
  const delivered = () => catcher.got.map((g) => JSON.parse(g.body) as { event: string; data: { id: string; meetingId: string; displayName: string } });

  it('[EVT-10] a hosted meeting\'s joins and leaves are delivered with the participant and the instance\'s meetingId, signed', async () => {
    await rosterHooks();
    const meeting = line.meetings.addMeeting({ title: 'Sync', meetingNumber: '26345550001' });
    const ana = line.meetings.addParticipant(meeting.id, { displayName: 'Ana Silva' });
    line.meetings.leave(ana.id);
    await until(() => catcher.got.length === 2);
    expect(delivered().map((d) => [d.event, d.data.id, d.data.meetingId, d.data.displayName])).toEqual([
      ['joined', ana.id, meeting.id, 'Ana Silva'],
      ['left', ana.id, meeting.id, 'Ana Silva'],
    ]);
    for (const got of catcher.got) {
      expect(got.headers['x-spark-signature']).toBe(createHmac('sha1', 'r0ster').update(got.body).digest('hex'));
    }
  });

  it('[EVT-10] the line does the less convenient thing: nothing for a lobby arrival, nothing to a cohost, and every hosted meeting whatever the filter', async () => {
    const mine = line.meetings.addMeeting({ title: 'Mine', meetingNumber: '26345550002' });
    const other = line.meetings.addMeeting({ title: 'Also mine', meetingNumber: '26345550003' });
    const cohosted = line.meetings.addMeeting({ title: 'Cohosted', meetingNumber: '26345550004', role: 'cohost' });
    await rosterHooks({ filter: `meetingId=${mine.id}` });
    const waiting = line.meetings.addParticipant(mine.id, { displayName: 'In the lobby', state: 'lobby' });
    line.meetings.addParticipant(cohosted.id, { displayName: 'Cohost guest' });
    const elsewhere = line.meetings.addParticipant(other.id, { displayName: 'Elsewhere' });
    await line.webhooks.settle();
    // Only the join in the other hosted meeting, despite the filter naming the first.
    expect(delivered().map((d) => d.data.id)).toEqual([elsewhere.id]);
    // Admitted from the lobby: now they are in the meeting.
    const admitted = await raw(agent, `${line.baseUrl}/meetingParticipants/${encodeURIComponent(waiting.id)}`, { method: 'PUT', token: line.token, body: { admit: true } });
    expect(admitted.status).toBe(200);
    await until(() => catcher.got.length === 2);
    expect(delivered()[1]).toMatchObject({ event: 'joined', data: { id: waiting.id, meetingId: mine.id } });
  });

  it('[EVT-11] creating a webhook needs read scope on its resource: meeting:participants_read for the roster, spark:calls_read for calls', async () => {
    const callsOnly = await tokenWithScopes(agent, line, 'spark:calls_read spark:people_read');
    const body = (resource: string, event: string) => ({ name: 'scoped', targetUrl: catcher.url, resource, event, secret: 's' });
    const roster = await raw(agent, hooks(), { token: callsOnly, body: body('meetingParticipants', 'joined') });
    expect(roster.status).toBe(403);
    expect(roster.text).toMatch(/meeting:participants_read/);
    expect((await raw(agent, hooks(), { token: callsOnly, body: body('telephony_calls', 'created') })).status).toBe(200);
    const rosterOnly = await tokenWithScopes(agent, line, 'meeting:participants_read');
    expect((await raw(agent, hooks(), { token: rosterOnly, body: body('telephony_calls', 'created') })).status).toBe(403);
    expect((await raw(agent, hooks(), { token: rosterOnly, body: body('meetingParticipants', 'left') })).status).toBe(200);
  });
});
