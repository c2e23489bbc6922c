import type { Agent } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestLine, type TestLine } from '../../line-kit/index.js';
import { raw, testAgent } from '../sandbox/raw-http.js';

let agent: Agent;
let line: TestLine;

beforeAll(async () => {
  agent = testAgent();
  line = await startTestLine();
});
afterAll(async () => {
  await line.close();
  await agent.close();
});
beforeEach(() => line.control.reset());

const list = () => raw(agent, `${line.baseUrl}/telephony/calls`, { token: line.token });

describe('injected faults', () => {
  it('status: answers with the status, a Webex error body and Retry-After, once by default', async () => {
    line.control.injectFault({ kind: 'status', status: 429, retryAfterSec: 7 });
    const limited = await list();
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('7');
    expect(limited.json).toMatchObject({ message: expect.any(String), errors: [{ description: expect.any(String) }] });
    expect((await list()).status).toBe(200);
  });

  it('status: counts `times` and matches `path` as a substring', async () => {
    line.control.injectFault({ kind: 'status', status: 502, times: 2, path: '/dial' });
    expect((await list()).status).toBe(200);
    const dial = () => raw(agent, `${line.baseUrl}/telephony/calls/dial`, { token: line.token, body: { destination: '1002' } });
    expect((await dial()).status).toBe(502);
    expect((await dial()).status).toBe(502);
    expect((await dial()).status).toBe(201);
    expect(line.control.state().pendingFaults).toEqual([]);
  });

  it('slow: delays the response, then answers normally', async () => {
    line.control.injectFault({ kind: 'slow', delayMs: 120 });
    const started = performance.now();
    const res = await list();
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('drop: destroys the socket without an answer', async () => {
    line.control.injectFault({ kind: 'drop' });
    await expect(list()).rejects.toMatchObject({ code: expect.stringMatching(/^UND_ERR_SOCKET$|^ECONNRESET$/) });
    expect((await list()).status).toBe(200);
  });

  it('bad-json: 200 with a truncated JSON body', async () => {
    line.control.injectFault({ kind: 'bad-json' });
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(() => JSON.parse(res.text)).toThrow();
  });

  it('method: strikes only requests with that method', async () => {
    line.control.injectFault({ kind: 'status', status: 503, method: 'POST', path: '/telephony/calls' });
    expect((await list()).status).toBe(200);
    const dial = await raw(agent, `${line.baseUrl}/telephony/calls/dial`, { token: line.token, body: { destination: '1002' } });
    expect(dial.status).toBe(503);
  });

  it('reset-mid-body: headers and part of the body, then the connection is reset', async () => {
    line.control.injectFault({ kind: 'reset-mid-body' });
    await expect(list()).rejects.toMatchObject({ code: expect.stringMatching(/^UND_ERR_SOCKET$|^ECONNRESET$/) });
    expect(line.control.state().requests.at(-1)).toMatchObject({ status: 200, fault: 'reset-mid-body' });
    expect((await list()).status).toBe(200);
  });

  it('wrong-content-type: 200 with an HTML page', async () => {
    line.control.injectFault({ kind: 'wrong-content-type' });
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toMatch(/<html>/);
  });

  it('oversized: a chunked JSON body of the bytes asked for, with no Content-Length', async () => {
    line.control.injectFault({ kind: 'oversized', bytes: 300_000 });
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBeUndefined();
    expect(Buffer.byteLength(res.text)).toBeGreaterThanOrEqual(300_000);
    expect(Buffer.byteLength(res.text)).toBeLessThan(300_000 + 70_000);
  });

  it('strikes before authentication, and never on the control API', async () => {
    line.control.injectFault({ kind: 'status', status: 503, times: 'always' });
    expect((await raw(agent, `${line.baseUrl}/telephony/calls`, { token: null })).status).toBe(503);
    const state = await raw(agent, `${line.baseUrl.replace(/\/v1$/, '')}/__sandbox/state`, { token: line.token });
    expect(state.status).toBe(200);
    line.control.clearFaults();
    expect((await list()).status).toBe(200);
  });

  it('status: any 4xx/5xx can be injected, e.g. a 400 to test how errors are shown', async () => {
    line.control.injectFault({ kind: 'status', status: 400, path: '/telephony/calls' });
    const res = await list();
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ message: 'Injected failure (HTTP 400).', trackingId: expect.stringMatching(/^SANDBOX_/) });
  });

  it('refuses a fault it does not know', () => {
    expect(() => line.control.injectFault({ kind: 'status', status: 200 })).toThrow();
  });
});
