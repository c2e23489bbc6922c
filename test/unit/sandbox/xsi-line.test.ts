/**
 * The built-in line's XSI-Events, driven with plain HTTP (no CallDeck code): the org lookup,
 * channels, heartbeats, acknowledgements, subscriptions, expiry and host affinity. The stream is
 * read as text with regular expressions, not with the app's XML reader.
 */
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { startTestLine, type TestLine } from '../../line-kit/index.js';
import { lineSuite } from './line-suite.js';
import { raw } from './raw-http.js';
import { tokenWithScopes } from './scoped-token.js';

const NS = 'http://schema.broadsoft.com/xsi';
const EVENTS = '/com.broadsoft.xsi-events/v2.0';
const CHANNEL = '/com.broadsoft.async/com.broadsoft.xsi-events/v2.0/channel';
const suite = lineSuite((clock) => startTestLine({ clock, xsi: { enabled: true, timings: { maxExpiresSec: 600, ackTimeoutMs: 10_000, heartbeatGraceMs: 40_000 } } }));

const channelXml = (expires = 7200, setId = 'set-1') =>
  `<?xml version="1.0" encoding="UTF-8"?><Channel xmlns="${NS}"><channelSetId>${setId}</channelSetId><priority>1</priority><weight>100</weight><expires>${expires}</expires><applicationId>test</applicationId></Channel>`;
const subscriptionXml = (setId = 'set-1', expires = 7200) =>
  `<Subscription xmlns="${NS}"><event>Advanced Call</event><expires>${expires}</expires><channelSetId>${setId}</channelSetId><applicationId>test</applicationId></Subscription>`;
const ackXml = (id: string) => `<EventResponse xmlns="${NS}"><eventID>${id}</eventID><statusCode>200</statusCode><reason>OK</reason></EventResponse>`;

function hostUrl(host: number, path: string): string {
  return `http://${suite.line.xsi.hosts[host]}${path}`;
}

function xsi(host: number, method: string, path: string, rawBody?: string, token: string | null = suite.line.token) {
  return raw(suite.agent, hostUrl(host, path), { method, token, ...(rawBody !== undefined ? { rawBody, headers: { 'content-type': 'application/xml' } } : {}) });
}

interface OpenStream {
  status: number;
  text(): string;
  channelId(): string;
  waitFor(pattern: RegExp, what: string): Promise<RegExpMatchArray>;
  ended(): boolean;
  close(): void;
}

async function openChannel(host = 0, body = channelXml(), token = suite.line.token): Promise<OpenStream> {
  const abort = new AbortController();
  const res = await request(hostUrl(host, CHANNEL), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml' },
    body,
    dispatcher: suite.agent,
    signal: abort.signal,
  });
  let text = '';
  let ended = false;
  res.body.setEncoding('utf8');
  res.body.on('data', (chunk: string) => (text += chunk));
  res.body.on('end', () => (ended = true));
  res.body.on('error', () => (ended = true));
  const stream: OpenStream = {
    status: res.statusCode,
    text: () => text,
    channelId: () => /<channelId>([^<]+)<\/channelId>/.exec(text)?.[1] ?? '',
    async waitFor(pattern, what) {
      const deadline = Date.now() + 2_000;
      for (;;) {
        const m = pattern.exec(text);
        if (m) return m;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; stream so far: ${text}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    ended: () => ended,
    close: () => abort.abort(),
  };
  if (res.statusCode === 200) await stream.waitFor(/<\/Channel>/, 'the Channel document');
  return stream;
}

async function subscribe(host = 0, setId = 'set-1'): Promise<string> {
  const res = await xsi(host, 'POST', `${EVENTS}/user/1`, subscriptionXml(setId));
  expect(res.status).toBe(200);
  return /<subscriptionId>([^<]+)</.exec(res.text)?.[1] ?? '';
}

describe('built-in line: XSI discovery', () => {
  const orgId = async () => (suite.api('/people/me').then((r) => (r.json as { orgId: string }).orgId));

  it('[EVT-20] GET /organizations/{orgId}?callingData=true shows the XSI endpoints only when XSI is on', async () => {
    const id = await orgId();
    const on = await suite.api(`/organizations/${id}?callingData=true`);
    expect(on.status).toBe(200);
    expect(on.json).toMatchObject({
      id,
      xsiEventsEndpoint: `http://${suite.line.xsi.hosts[0]}/com.broadsoft.xsi-events`,
      xsiEventsChannelEndpoint: `http://${suite.line.xsi.hosts[0]}/com.broadsoft.async/com.broadsoft.xsi-events`,
      xsiActionsEndpoint: expect.any(String),
      xsiDomain: suite.line.xsi.hosts[0],
    });
    const without = await suite.api(`/organizations/${id}`);
    expect(without.json).not.toHaveProperty('xsiEventsEndpoint');
    suite.line.xsi.setEnabled(false);
    const off = await suite.api(`/organizations/${id}?callingData=true`);
    expect(off.status).toBe(200);
    expect(off.json).not.toHaveProperty('xsiEventsEndpoint');
    expect((await suite.api('/organizations/someone-else')).status).toBe(404);
    // XSI itself is not there when off.
    expect((await xsi(0, 'PUT', `${EVENTS}/channel/x/heartbeat`)).status).toBe(404);
  });

  it('[EVT-20] a token without spark:xsi sees no XSI endpoints and gets 401 from XSI; one with it gets both', async () => {
    // A separate line, whose OAuth server grants exactly the scopes asked for.
    const line: TestLine = await startTestLine({ xsi: { enabled: true } });
    try {
      const tokenWith = (scope: string) => tokenWithScopes(suite.agent, line, scope);
      const plain = await tokenWith('spark:calls_read spark:people_read');
      const withXsi = await tokenWith('spark:calls_read spark:people_read spark:xsi');
      const me = (await raw(suite.agent, `${line.baseUrl}/people/me`, { token: plain })).json as { orgId: string };
      const org = (token: string) => raw(suite.agent, `${line.baseUrl}/organizations/${me.orgId}?callingData=true`, { token });
      expect((await org(plain)).json).not.toHaveProperty('xsiEventsEndpoint');
      expect((await org(withXsi)).json).toHaveProperty('xsiEventsEndpoint');
      const sub = (token: string) =>
        raw(suite.agent, `http://${line.xsi.hosts[0]}${EVENTS}/user/1`, { method: 'POST', token, rawBody: subscriptionXml() });
      expect((await sub(plain)).status).toBe(401);
      expect((await sub(withXsi)).status).toBe(200);
    } finally {
      await line.close();
    }
  });

  it('[EVT-20] XSI refuses a request without a valid bearer token with 401', async () => {
    expect((await xsi(0, 'POST', `${EVENTS}/user/1`, subscriptionXml(), null)).status).toBe(401);
    expect((await xsi(0, 'POST', `${EVENTS}/user/1`, subscriptionXml(), 'not-a-token')).status).toBe(401);
  });
});

describe('built-in line: XSI channels', () => {
  it('[EVT-21] streams the Channel first, echoes each heartbeat on the stream, and answers 404 for a channel it does not hold', async () => {
    const stream = await openChannel();
    expect(stream.status).toBe(200);
    expect(stream.text()).toMatch(/^<\?xml[^>]*\?>\s*<Channel xmlns="http:\/\/schema\.broadsoft\.com\/xsi"><channelId>/);
    // Less than asked: the line grants at most 600 s here.
    expect(stream.text()).toMatch(/<expires>600<\/expires>/);
    const beat = await xsi(0, 'PUT', `${EVENTS}/channel/${stream.channelId()}/heartbeat`);
    expect(beat.status).toBe(200);
    await stream.waitFor(/<ChannelHeartBeat xmlns="http:\/\/schema\.broadsoft\.com\/xsi"\/>/, 'the echoed heartbeat');
    expect((await xsi(0, 'PUT', `${EVENTS}/channel/no-such-channel/heartbeat`)).status).toBe(404);
    stream.close();
  });

  it('[EVT-21] ends a channel that gets no heartbeat within its grace, and a forgotten channel answers heartbeats 404', async () => {
    const stream = await openChannel();
    await suite.clock.advanceAsync(40_000);
    await stream.waitFor(/ChannelTerminatedEvent[\s\S]*No heartbeat/, 'the termination');
    const other = await openChannel();
    suite.line.xsi.forgetChannels();
    expect((await xsi(0, 'PUT', `${EVENTS}/channel/${other.channelId()}/heartbeat`)).status).toBe(404);
    // The forgotten stream stays open and silent.
    expect(other.ended()).toBe(false);
    other.close();
  });

  it('[EVT-21] a channel dropped mid-stream ends in the middle of a document', async () => {
    const stream = await openChannel();
    suite.line.xsi.dropChannels();
    await stream.waitFor(/<xsi:eventID>$/, 'half an event');
    const deadline = Date.now() + 2_000;
    while (!stream.ended() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    expect(stream.ended()).toBe(true);
  });

  it('[EVT-22] streams an "Advanced Call" event per call change; an unacknowledged one ends the channel, an acknowledged one does not', async () => {
    const stream = await openChannel();
    await subscribe();
    const callId = suite.line.control.incomingCall({ from: { name: 'Walter Skinner', number: '4199' } });
    const first = await stream.waitFor(/<xsi:eventID>([^<]+)<\/xsi:eventID>[\s\S]*?xsi1:type="xsi:CallReceivedEvent"/, 'CallReceivedEvent');
    expect((await xsi(0, 'POST', `${EVENTS}/channel/eventresponse`, ackXml(first[1]!))).status).toBe(200);
    suite.line.control.remoteHangup(callId);
    await stream.waitFor(/CallReleasedEvent/, 'CallReleasedEvent');
    // The release is never acknowledged: after the line's timeout the channel is over.
    await suite.clock.advanceAsync(10_000);
    await stream.waitFor(/ChannelTerminatedEvent[\s\S]*Event response timeout/, 'the termination');
    expect(suite.line.xsi.openChannels()).toEqual([]);
    // A ChannelTerminatedEvent has no event id to acknowledge.
    expect(stream.text()).not.toMatch(/ChannelTerminatedEvent[^]*?<xsi:eventID>/);
    expect((await xsi(0, 'POST', `${EVENTS}/channel/eventresponse`, ackXml('never-sent'))).status).toBe(404);
  });

  it('[EVT-23] grants at most its own lifetime; an unrefreshed channel and subscription expire, a refreshed one lives on', async () => {
    const a = await openChannel(0, channelXml(7200, 'set-a'));
    const b = await openChannel(0, channelXml(7200, 'set-b'));
    const subA = await subscribe(0, 'set-a');
    await subscribe(0, 'set-b');
    for (let t = 0; t < 780_000; t += 30_000) {
      // Both keep their heartbeats; only A is refreshed.
      for (const s of [a, b]) await xsi(0, 'PUT', `${EVENTS}/channel/${s.channelId()}/heartbeat`);
      if (t === 300_000) {
        const refreshed = await xsi(0, 'PUT', `${EVENTS}/channel/${a.channelId()}`, `<Channel xmlns="${NS}"><expires>7200</expires></Channel>`);
        expect(refreshed.text).toMatch(/<expires>600<\/expires>/);
        expect((await xsi(0, 'PUT', `${EVENTS}/subscription/${subA}`, `<Subscription xmlns="${NS}"><expires>7200</expires></Subscription>`)).status).toBe(200);
      }
      await suite.clock.advanceAsync(30_000);
    }
    await b.waitFor(/ChannelTerminatedEvent[\s\S]*Channel expired/, 'B expired');
    expect(suite.line.xsi.openChannels().map((c) => c.id)).toEqual([a.channelId()]);
    expect(suite.line.xsi.subscriptions().map((s) => s.channelSetId)).toEqual(['set-a']);
    a.close();
  });

  it('[EVT-24] answers 503 to a heartbeat or acknowledgement sent to a host that does not hold the channel', async () => {
    const stream = await openChannel(1);
    await subscribe(1);
    expect((await xsi(0, 'PUT', `${EVENTS}/channel/${stream.channelId()}/heartbeat`)).status).toBe(503);
    expect((await xsi(1, 'PUT', `${EVENTS}/channel/${stream.channelId()}/heartbeat`)).status).toBe(200);
    suite.line.control.incomingCall({ from: { number: '4199' } });
    const event = await stream.waitFor(/<xsi:eventID>([^<]+)<\/xsi:eventID>/, 'an event');
    expect((await xsi(0, 'POST', `${EVENTS}/channel/eventresponse`, ackXml(event[1]!))).status).toBe(503);
    expect((await xsi(1, 'POST', `${EVENTS}/channel/eventresponse`, ackXml(event[1]!))).status).toBe(200);
    // The second host serves XSI only.
    expect((await raw(suite.agent, hostUrl(1, '/v1/telephony/calls'), { token: suite.line.token })).status).toBe(404);
    stream.close();
  });

  it('[EVT-25] an event names the call by its XSI callId, which is not the REST call id', async () => {
    const stream = await openChannel();
    await subscribe();
    const restId = suite.line.control.incomingCall({ from: { number: '4199' } });
    const m = await stream.waitFor(/<xsi:callId>([^<]+)<\/xsi:callId>/, 'the call id');
    expect(m[1]).toMatch(/^callhalf-\d+:0$/);
    expect(m[1]).not.toBe(restId);
    stream.close();
  });

  it('[EVT-20] answers 401 to every XSI request while it refuses the token', async () => {
    const stream = await openChannel();
    suite.line.xsi.setRefusing(true);
    expect((await xsi(0, 'PUT', `${EVENTS}/channel/${stream.channelId()}/heartbeat`)).status).toBe(401);
    expect((await xsi(0, 'POST', CHANNEL, channelXml())).status).toBe(401);
    stream.close();
  });
});
