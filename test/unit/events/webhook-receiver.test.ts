/**
 * The webhook receiver as Webex (through a relay) meets it: real HTTP on 127.0.0.1, raw bodies
 * signed by hand here, independently of the receiver's own signing helper.
 */
import { createHmac } from 'node:crypto';
import type { Agent } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DELIVERY_BYTES, startWebhookReceiver, type Delivery, type WebhookReceiver } from '../../../main/events/webhook-receiver.js';
import { MemoryLogger } from '../../fakes/in-memory-ports.js';
import { raw, testAgent } from '../sandbox/raw-http.js';

const SECRET = 'a'.repeat(64);
const hmac = (body: string, secret = SECRET) => createHmac('sha1', secret).update(body).digest('hex');
const delivery = (callId: string, at = '2026-12-03T10:00:00.000Z') =>
  JSON.stringify({ id: 'hook-1', resource: 'telephony_calls', event: 'created', data: { eventType: 'received', eventTimestamp: at, callId, state: 'alerting' } });

let receiver: WebhookReceiver;
let agent: Agent;
const got: Delivery[] = [];
const url = () => `http://127.0.0.1:${receiver.port}/relay/in`;
const post = (body: string, headers: Record<string, string> = { 'x-spark-signature': hmac(body) }) =>
  raw(agent, url(), { method: 'POST', rawBody: body, headers: { 'content-type': 'application/json', ...headers } });

beforeAll(async () => {
  agent = testAgent();
  receiver = await startWebhookReceiver({ port: 0, path: '/relay/in', secrets: () => new Map([['hook-1', SECRET]]), onDelivery: (d) => got.push(d), log: new MemoryLogger() });
});
afterAll(async () => {
  await receiver.close();
  await agent.close();
});
afterEach(() => {
  got.length = 0;
});

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('webhook receiver', () => {
  it('[EVT-04] takes a delivery signed with its secret, answers 200 and signals a calls refresh', async () => {
    const res = await post(delivery('call-1'));
    expect(res.status).toBe(200);
    await settle();
    expect(got).toEqual([{ webhookId: 'hook-1', signal: { topic: 'calls', id: 'call-1', eventTime: Date.parse('2026-12-03T10:00:00.000Z') } }]);
  });

  it('[EVT-04] refuses an unsigned delivery and a wrong signature with 4xx, before reading the body', async () => {
    // Not even JSON: a receiver that parsed first would answer 400, not 401/403.
    expect((await post('{not json', {})).status).toBe(401);
    expect((await post('{not json', { 'x-spark-signature': hmac('{not json', 'other') })).status).toBe(403);
    expect((await post(delivery('call-2'), { 'x-spark-signature': hmac(delivery('call-2')).replace(/^./, (c) => (c === '0' ? '1' : '0')) })).status).toBe(403);
    // Signed over re-serialised JSON rather than the bytes received: refused.
    const spaced = delivery('call-3').replace(/,/g, ', ');
    expect((await post(spaced, { 'x-spark-signature': hmac(JSON.stringify(JSON.parse(spaced))) })).status).toBe(403);
    await settle();
    expect(got).toEqual([]);
  });

  it('refuses an oversized body, a body that is not JSON, and a replayed delivery', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(MAX_DELIVERY_BYTES) });
    expect((await post(big)).status).toBe(413);
    expect((await post('{not json')).status).toBe(400);
    const once = delivery('call-4');
    expect((await post(once)).status).toBe(200);
    expect((await post(once)).status).toBe(409);
    // The same call's next event (another timestamp) is not a replay.
    expect((await post(delivery('call-4', '2026-12-03T10:00:01.000Z'))).status).toBe(200);
    await settle();
    expect(got.map((d) => d.signal?.id)).toEqual(['call-4', 'call-4']);
  });

  it('[EVT-09] takes deliveries only at its path, by POST, on loopback', async () => {
    expect((await raw(agent, `http://127.0.0.1:${receiver.port}/other`, { method: 'POST', rawBody: '{}' })).status).toBe(404);
    expect((await raw(agent, url())).status).toBe(405);
  });
});
