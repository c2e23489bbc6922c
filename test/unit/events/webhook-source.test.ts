/**
 * The webhook source against the built-in line over real HTTP: CallDeck's own Webex client, its
 * receiver on loopback, a fake clock for the periodic look at the webhooks.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookSource, secretKey, type SecretBox } from '../../../main/events/webhook-source.js';
import type { PushHealth, PushSignal, PushSource } from '../../../main/events/push-source.js';
import { createHttpClient, type HttpClient } from '../../../main/providers/http.js';
import { createWebexWebhooksClient } from '../../../main/providers/webex/webhooks-client.js';
import { startTestLine, type TestLine } from '../../line-kit/index.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { MemoryLogger } from '../../fakes/in-memory-ports.js';

class MemorySecrets implements SecretBox {
  readonly values = new Map<string, string>();
  async set(key: string, value: string) {
    this.values.set(key, value);
  }
  async delete(...keys: string[]) {
    for (const key of keys) this.values.delete(key);
  }
}

const INSTALL = 'CallDeck live updates test-install';
let line: TestLine;
let http: HttpClient;
const clock = new FakeClock(Date.now());
let source: PushSource | undefined;

beforeAll(async () => {
  line = await startTestLine();
  http = createHttpClient({ baseUrl: line.baseUrl, getToken: async () => line.token, retryBackoffMs: 1 });
});
afterAll(async () => {
  await http.close();
  await line.close();
});
afterEach(async () => {
  await source?.stop();
  source = undefined;
  for (const hook of line.webhooks.list()) line.webhooks.remove(hook.id);
});

function make(secrets = new MemorySecrets()) {
  const signals: PushSignal[] = [];
  const health: PushHealth[] = [];
  source = createWebhookSource({
    provider: createWebexWebhooksClient(http),
    address: { publicUrl: undefined, port: 0 },
    secrets,
    installName: INSTALL,
    clock,
    log: new MemoryLogger(),
    timings: { checkEveryMs: 60_000, recheckEveryMs: 10_000 },
  });
  source.onSignal((s) => signals.push(s));
  source.onHealth((h) => health.push(h));
  return { source, signals, health, secrets };
}

async function until(check: () => boolean, ms = 3_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('webhook source', () => {
  it('[EVT-01] removes this install\'s stale webhooks, creates its own with fresh secrets kept in the vault, and deletes them on stop', async () => {
    // A crash left one behind; another app's webhook is not ours to touch.
    line.webhooks.script({});
    const stale = await createWebexWebhooksClient(http).create({ name: INSTALL, targetUrl: 'https://old.example/hook', resource: 'telephony_calls', event: 'created', secret: 'old' });
    const other = await createWebexWebhooksClient(http).create({ name: 'Someone else', targetUrl: 'https://other.example/hook', resource: 'telephony_calls', event: 'created', secret: 'x' });
    const { source: s, secrets } = make();
    await s.start();
    const hooks = line.webhooks.list();
    expect(hooks.map((h) => h.id)).not.toContain(stale.id);
    expect(hooks.map((h) => h.id)).toContain(other.id);
    const mine = hooks.filter((h) => h.name === INSTALL);
    expect(mine).toHaveLength(4);
    // Each secret is its own, random, and the vault holds exactly the one the line was given.
    expect(new Set(mine.map((h) => h.secret)).size).toBe(4);
    for (const hook of mine) expect(secrets.values.get(secretKey(hook.id))).toBe(hook.secret);
    expect(mine.every((h) => new URL(h.targetUrl).hostname === '127.0.0.1')).toBe(true);
    await s.stop();
    expect(line.webhooks.list().map((h) => h.id)).toEqual([other.id]);
    expect(secrets.values.size).toBe(0);
  });

  it('[EVT-02] asks for created, updated and deleted one by one (never "all"), and telephony_mwi', async () => {
    const { source: s } = make();
    await s.start();
    const mine = line.webhooks.list().map((h) => `${h.resource}:${h.event}`).sort();
    expect(mine).toEqual(['telephony_calls:created', 'telephony_calls:deleted', 'telephony_calls:updated', 'telephony_mwi:updated']);
  });

  it('[EVT-03] a webhook Webex turned inactive makes the source say so, and it is turned back on with PUT status active', async () => {
    const { source: s, health, signals } = make();
    await s.start();
    const calls = line.webhooks.list().find((h) => h.event === 'created')!;
    line.webhooks.deactivate(calls.id);
    await clock.advanceAsync(60_000);
    await until(() => health.length > 0 && line.webhooks.list().find((h) => h.id === calls.id)?.status === 'active');
    expect(health[0]).toMatchObject({ state: 'down' });
    // The next delivery proves the path works again.
    line.control.incomingCall({ from: { number: '+14155550100' } });
    await until(() => signals.length > 0);
    expect(health.at(-1)).toEqual({ state: 'live' });
  });

  it('[EVT-05] a voicemail change arrives as a voicemail signal, a call change as a calls signal with its id', async () => {
    const { source: s, signals } = make();
    await s.start();
    const id = line.control.incomingCall({ from: { number: '+14155550100' } });
    line.control.leaveVoicemail({ from: { number: '+14155550101' } });
    await until(() => signals.length >= 2);
    expect(signals).toEqual(expect.arrayContaining([expect.objectContaining({ topic: 'calls', id }), { topic: 'voicemail', eventTime: expect.any(Number) }]));
  });

  it('[EVT-10] while I host an open meeting it keeps meetingParticipants joined and left (no filter), whose deliveries are roster signals naming the meeting; off deletes them', async () => {
    const { source: s, signals, secrets } = make();
    await s.start();
    const roster = () => line.webhooks.list().filter((h) => h.resource === 'meetingParticipants');
    await s.followRoster?.(true);
    await s.followRoster?.(true);
    expect(roster().map((h) => h.event).sort()).toEqual(['joined', 'left']);
    expect(roster().every((h) => h.filter === undefined && h.name === INSTALL)).toBe(true);
    for (const hook of roster()) expect(secrets.values.get(secretKey(hook.id))).toBe(hook.secret);
    const meeting = line.meetings.addMeeting({ title: 'Sync', meetingNumber: '26345550010' });
    line.meetings.addParticipant(meeting.id, { displayName: 'Ana Silva' });
    await until(() => signals.some((x) => x.topic === 'roster'));
    expect(signals.find((x) => x.topic === 'roster')).toEqual({ topic: 'roster', id: meeting.id });
    const ids = roster().map((h) => h.id);
    await s.followRoster?.(false);
    expect(roster()).toEqual([]);
    for (const id of ids) expect(secrets.values.has(secretKey(id))).toBe(false);
    // The calls' webhooks are untouched.
    expect(line.webhooks.list()).toHaveLength(4);
    line.meetings.reset();
  });

  it('[EVT-10] [EVT-11] stop deletes the roster webhooks too, and a refusal to make them (no meeting:participants_read) leaves calls live', async () => {
    const { source: s } = make();
    await s.start();
    await s.followRoster?.(true);
    expect(line.webhooks.list()).toHaveLength(6);
    await s.stop();
    expect(line.webhooks.list()).toEqual([]);
    source = undefined;
    const refused = make();
    await refused.source.start();
    line.control.injectFault({ kind: 'status', status: 403, path: '/webhooks', method: 'POST' });
    await refused.source.followRoster?.(true);
    expect(line.webhooks.list().filter((h) => h.resource === 'meetingParticipants')).toEqual([]);
    expect(line.webhooks.list()).toHaveLength(4);
  });
});
