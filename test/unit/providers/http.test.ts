import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../main/core/app-error.js';
import type { Logger } from '../../../main/core/ports.js';
import { retryAfterMs, statusError } from '../../../main/providers/http-errors.js';
import { createHttpClient, type HttpClient, type HttpClientOptions } from '../../../main/providers/http.js';
import { startTestLine, type SandboxExchange, type TestLine } from '../../line-kit/index.js';

let line: TestLine;
let agent: Agent;
let exchanges: SandboxExchange[];

beforeAll(async () => {
  line = await startTestLine();
  agent = new Agent({ connect: { timeout: 2_000 }, headersTimeout: 5_000, bodyTimeout: 5_000 });
  line.control.onExchange((x) => exchanges.push(x));
});
afterAll(async () => {
  await line.close();
  await agent.close();
});
beforeEach(() => {
  line.control.reset();
  exchanges = [];
});

function client(extra: Partial<HttpClientOptions> = {}): HttpClient {
  return createHttpClient({
    baseUrl: line.baseUrl,
    getToken: async () => line.token,
    dispatcher: agent,
    retryBackoffMs: 5,
    service: 'Webex',
    ...extra,
  });
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected the request to fail');
}

const list = (http: HttpClient) => http.request({ method: 'GET', path: '/telephony/calls' });
const dial = (http: HttpClient, destination = '1002') =>
  http.request({ method: 'POST', path: '/telephony/calls/dial', body: { destination } });
const seen = (path: string) => exchanges.filter((x) => x.path === `/v1${path}`);

describe('what the client sends', () => {
  it('a bearer token from getToken() per request and a CALLDECK_ TrackingID', async () => {
    const http = client();
    await list(http);
    const [first] = exchanges;
    expect(first?.requestHeaders.authorization).toBe('Bearer [redacted]');
    expect(first?.requestHeaders.trackingid).toMatch(/^CALLDECK_[0-9a-f-]{36}$/);
    expect(first?.status).toBe(200);
    // A refreshed token is picked up on the next request, not cached.
    line.control.expireToken();
    line.control.issueToken();
    expect((await list(http)).status).toBe(200);
  });

  it('JSON bodies with a content type, and query strings without undefined values', async () => {
    const http = client();
    await dial(http, '+14155550110');
    await http.request({ method: 'GET', path: '/telephony/calls/history', query: { type: 'placed', other: undefined } });
    expect(exchanges[0]?.requestHeaders['content-type']).toBe('application/json');
    expect(JSON.parse(exchanges[0]?.requestBody ?? '')).toEqual({ destination: '+14155550110' });
    expect(exchanges[1]?.query).toEqual({ type: 'placed' });
  });
});

describe('error mapping', () => {
  it('[HTTP-03] 400 → invalid-input with message, details, errors[].errorCode and the trackingId', async () => {
    const error = await failure(dial(client(), '12 34'));
    expect(error.code).toBe('invalid-input');
    expect(error.status).toBe(400);
    expect(error.message).toBe('The request is not valid.');
    expect(error.details).toEqual(['destination: must be digits or a URI without spaces']);
    expect(error.errorCodes).toEqual([400]);
    expect(error.trackingId).toBe(exchanges[0]?.requestHeaders.trackingid);
    expect(error.toValue()).toMatchObject({ errorCodes: [400], trackingId: error.trackingId });
  });

  it('[HTTP-03] keeps every distinct errorCode of a Webex error body and ignores ones that are not numbers', () => {
    const bodyText = JSON.stringify({
      message: 'Call not found',
      errors: [{ description: 'Call not found', errorCode: 25008 }, { description: 'again', errorCode: 25008 }, { description: 'x', errorCode: 'nope' }, { description: 'y' }],
      trackingId: 'ROUTER_1',
    });
    const error = statusError({ status: 404, bodyText, headerTrackingId: undefined, retryAfterHeader: undefined, now: 0, service: 'Webex' });
    expect(error.toValue()).toMatchObject({ code: 'not-found', message: 'Call not found', errorCodes: [25008], trackingId: 'ROUTER_1' });
  });

  it('a description that only repeats the message is not kept as a detail', async () => {
    const error = await failure(client().request({ method: 'POST', path: '/telephony/calls/hold', body: { callId: 'nope' } }));
    expect(error.code).toBe('not-found');
    expect(error.status).toBe(404);
    expect(error.message).toBe('Call nope was not found.');
    expect(error.details).toBeUndefined();
  });

  it('401 → unauthorized', async () => {
    line.control.expireToken();
    const error = await failure(list(client()));
    expect(error).toMatchObject({ code: 'unauthorized', status: 401 });
  });

  it('409 → conflict', async () => {
    const http = client();
    for (const number of ['+15550001', '+15550002']) {
      const callId = line.control.incomingCall({ from: { number } });
      await http.request({ method: 'POST', path: '/telephony/calls/answer', body: { callId } });
      const parked = http.request({ method: 'POST', path: '/telephony/calls/park', body: { callId, destination: '4102' } });
      if (number === '+15550001') await parked;
      else expect(await failure(parked)).toMatchObject({ code: 'conflict', status: 409 });
    }
  });

  it('[HTTP-02] 429 → rate-limited with Retry-After in ms, 5 s when absent, capped at 60 s', async () => {
    const http = client();
    line.control.injectFault({ kind: 'status', status: 429, retryAfterSec: 7 });
    expect(await failure(list(http))).toMatchObject({ code: 'rate-limited', status: 429, retryAfterMs: 7_000 });
    line.control.injectFault({ kind: 'status', status: 429 });
    expect(await failure(list(http))).toMatchObject({ code: 'rate-limited', retryAfterMs: 5_000 });
    line.control.injectFault({ kind: 'status', status: 429, retryAfterSec: 600 });
    expect(await failure(list(http))).toMatchObject({ code: 'rate-limited', retryAfterMs: 60_000 });
    // 429 is never retried here: the poll loop owns that backoff.
    expect(seen('/telephony/calls')).toHaveLength(3);
  });

  it('[HTTP-01] 423 Locked → rate-limited like a 429, with its Retry-After, and not retried here', async () => {
    const http = client();
    line.control.injectFault({ kind: 'status', status: 423, retryAfterSec: 4 });
    expect(await failure(list(http))).toMatchObject({ code: 'rate-limited', status: 423, retryAfterMs: 4_000 });
    expect(seen('/telephony/calls')).toHaveLength(1);
  });

  it('5xx → provider, keeping the status', async () => {
    line.control.injectFault({ kind: 'status', status: 500 });
    const error = await failure(list(client()));
    expect(error).toMatchObject({ code: 'provider', status: 500 });
    expect(error.trackingId).toMatch(/^CALLDECK_/);
  });

  it('slow response → timeout', async () => {
    line.control.injectFault({ kind: 'slow', delayMs: 400 });
    const started = performance.now();
    const error = await failure(dial(client({ timeoutMs: 80 })));
    expect(error.code).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(350);
  });

  it('dropped connection → network', async () => {
    line.control.injectFault({ kind: 'drop' });
    expect(await failure(dial(client()))).toMatchObject({ code: 'network' });
  });

  it('connection refused → network', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const http = createHttpClient({ baseUrl: `http://127.0.0.1:${port}/v1`, getToken: async () => 't', dispatcher: agent, retryBackoffMs: 1 });
    const error = await failure(list(http));
    expect(error.code).toBe('network');
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('unparseable JSON → provider', async () => {
    line.control.injectFault({ kind: 'bad-json' });
    expect(await failure(list(client()))).toMatchObject({ code: 'provider', status: 200 });
  });

  it('maps the remaining statuses', () => {
    const at = (status: number) =>
      statusError({ status, bodyText: '', headerTrackingId: undefined, retryAfterHeader: undefined, now: 0, service: 'Webex' }).code;
    expect([400, 401, 403, 404, 409, 429, 423, 405, 410, 415, 428, 500, 502, 503, 504].map(at)).toEqual([
      'invalid-input',
      'unauthorized',
      'forbidden',
      'not-found',
      'conflict',
      'rate-limited',
      'rate-limited',
      'provider',
      'provider',
      'provider',
      'provider',
      'provider',
      'provider',
      'provider',
      'provider',
    ]);
  });

  it('reads Retry-After as seconds or an HTTP-date, 5 s when unreadable, within 0..60 s', () => {
    const now = Date.parse('2026-03-02T09:00:00.000Z');
    expect(retryAfterMs('12', now)).toBe(12_000);
    expect(retryAfterMs('Mon, 02 Mar 2026 09:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Mon, 02 Mar 2026 09:05:00 GMT', now)).toBe(60_000);
    expect(retryAfterMs('Mon, 02 Mar 2026 08:59:00 GMT', now)).toBe(0);
    expect(retryAfterMs(undefined, now)).toBe(5_000);
    expect(retryAfterMs('soon', now)).toBe(5_000);
  });
});

describe('against a server that is not Webex-shaped', () => {
  let server: Server;
  let baseUrl: string;
  let reply: (res: ServerResponse) => void = (res) => res.end();

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => reply(res));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const http = () => createHttpClient({ baseUrl, getToken: async () => 't', dispatcher: agent, maxGetRetries: 0, now: () => Date.parse('2026-03-02T09:00:00.000Z') });

  it('takes the trackingId from the response header when the body has none', async () => {
    reply = (res) => {
      res.writeHead(502, { 'content-type': 'text/html', trackingid: 'ROUTER_123' });
      res.end('<html>Bad gateway</html>');
    };
    const error = await failure(list(http()));
    expect(error).toMatchObject({ code: 'provider', status: 502, trackingId: 'ROUTER_123' });
    expect(error.message).toBe(`${new URL(baseUrl).host} answered HTTP 502.`);
  });

  it('honours an HTTP-date Retry-After', async () => {
    reply = (res) => {
      res.writeHead(429, { 'retry-after': 'Mon, 02 Mar 2026 09:00:20 GMT' });
      res.end();
    };
    expect(await failure(list(http()))).toMatchObject({ code: 'rate-limited', retryAfterMs: 20_000 });
  });
});

describe('retries', () => {
  it('a GET is retried on 503 and then succeeds, with the same TrackingID', async () => {
    line.control.injectFault({ kind: 'status', status: 503 });
    const res = await list(client());
    expect(res.status).toBe(200);
    const attempts = seen('/telephony/calls');
    expect(attempts.map((x) => x.status)).toEqual([503, 200]);
    expect(attempts[0]?.requestHeaders.trackingid).toBe(attempts[1]?.requestHeaders.trackingid);
  });

  it('a GET is retried on a dropped connection', async () => {
    line.control.injectFault({ kind: 'drop', times: 2 });
    expect((await list(client())).status).toBe(200);
    expect(seen('/telephony/calls')).toHaveLength(3);
  });

  it('a GET is retried at most twice', async () => {
    line.control.injectFault({ kind: 'status', status: 502, times: 'always' });
    expect(await failure(list(client()))).toMatchObject({ code: 'provider', status: 502 });
    expect(seen('/telephony/calls')).toHaveLength(3);
  });

  it('a GET is not retried on 500 or 4xx', async () => {
    line.control.injectFault({ kind: 'status', status: 500 });
    await failure(list(client()));
    expect(seen('/telephony/calls')).toHaveLength(1);
  });

  it('a POST is never retried: one dial on 503, one dial on a dropped connection', async () => {
    line.control.injectFault({ kind: 'status', status: 503, path: '/dial' });
    expect(await failure(dial(client()))).toMatchObject({ status: 503 });
    expect(seen('/telephony/calls/dial')).toHaveLength(1);
    line.control.injectFault({ kind: 'drop', path: '/dial' });
    expect(await failure(dial(client()))).toMatchObject({ code: 'network' });
    expect(seen('/telephony/calls/dial')).toHaveLength(2);
    expect(line.control.state().history).toEqual([]);
  });

  it('a PUT is never retried either', async () => {
    line.control.injectFault({ kind: 'status', status: 503, path: '/doNotDisturb' });
    const put = client().request({
      method: 'PUT',
      path: '/telephony/config/people/me/settings/doNotDisturb',
      body: { enabled: true, webexGoOverrideEnabled: false },
    });
    expect(await failure(put)).toMatchObject({ status: 503 });
    expect(seen('/telephony/config/people/me/settings/doNotDisturb')).toHaveLength(1);
  });
});

describe('cancellation, closing and logs', () => {
  it("the caller's abort rejects with the caller's reason, not an AppError", async () => {
    line.control.injectFault({ kind: 'slow', delayMs: 300 });
    const controller = new AbortController();
    const pending = client().request({ method: 'GET', path: '/telephony/calls', signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user left')), 20);
    await expect(pending).rejects.toThrow('user left');
  });

  it('close() refuses later requests as network errors', async () => {
    const http = client();
    await http.close();
    expect(await failure(list(http))).toMatchObject({ code: 'network' });
    expect(exchanges).toHaveLength(0);
  });

  it('logs failures without the token', async () => {
    const logged: unknown[] = [];
    const log: Logger = { info: (...a) => logged.push(a), warn: (...a) => logged.push(a), error: (...a) => logged.push(a) };
    line.control.injectFault({ kind: 'status', status: 503 });
    await list(client({ log }));
    line.control.expireToken();
    await failure(list(client({ log })));
    expect(logged.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(logged)).not.toContain(line.token);
    expect(JSON.stringify(logged)).toContain('unauthorized');
  });
});

describe('form requests (OAuth token endpoints)', () => {
  it('sends a form body without a bearer token, and lets the caller say what a refusal means', async () => {
    const http = createHttpClient({ baseUrl: line.baseUrl, dispatcher: agent, service: 'Webex' });
    const error = await failure(
      http.request({
        method: 'POST',
        path: '/access_token',
        form: { grant_type: 'refresh_token', refresh_token: 'no-such-token', client_id: 'x', client_secret: 'y' },
        describeFailure: ({ status, bodyText, error: generic }) =>
          new AppError('unauthorized', `refused (${status}, ${bodyText.length > 0 ? 'with body' : 'empty'})`, generic.trackingId ? { trackingId: generic.trackingId } : {}),
      }),
    );
    expect(error.code).toBe('unauthorized');
    expect(error.message).toMatch(/^refused \(4\d\d, with body\)$/);
    const sent = exchanges.find((x) => x.path.endsWith('/access_token'));
    expect(sent?.requestHeaders['content-type']).toBe('application/x-www-form-urlencoded');
    expect(sent?.requestHeaders.authorization).toBeUndefined();
    // The line's log keeps the form's field names and redacts every value.
    expect([...new URLSearchParams(sent?.requestBody).keys()]).toEqual(['grant_type', 'refresh_token', 'client_id', 'client_secret']);
  });
});
