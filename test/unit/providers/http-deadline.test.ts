/**
 * Each request's deadline ends with the request (exchange-signal.ts). AbortSignal.timeout() could
 * not be cancelled, so every finished request kept its timer, signals and listeners reachable for
 * the whole timeout (the bench counted 16,000 of them alive at once while polling hard).
 */
import { Agent } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHttpClient } from '../../../main/providers/http.js';
import { startTestLine, type TestLine } from '../../line-kit/index.js';

const DEADLINE_MS = 12_345;
let line: TestLine;
let agent: Agent;

beforeAll(async () => {
  line = await startTestLine();
  agent = new Agent();
});
afterAll(async () => {
  await line.close();
  await agent.close();
});
afterEach(() => {
  vi.restoreAllMocks();
  line.control.reset();
});

/** Records the timers the client starts for its deadline, and which timers get cleared. */
function watchDeadlines() {
  const started: unknown[] = [];
  const realSetTimeout = globalThis.setTimeout;
  vi.spyOn(globalThis, 'setTimeout').mockImplementation(((callback: () => void, ms?: number) => {
    const handle = realSetTimeout(callback, ms);
    if (ms === DEADLINE_MS) started.push(handle);
    return handle;
  }) as typeof setTimeout);
  const cleared = vi.spyOn(globalThis, 'clearTimeout');
  return { started, cleared };
}

const client = () => createHttpClient({ baseUrl: line.baseUrl, getToken: async () => line.token, dispatcher: agent, timeoutMs: DEADLINE_MS, maxGetRetries: 0 });

describe('the per-request deadline', () => {
  it('is cleared as soon as a successful response has been read', async () => {
    const { started, cleared } = watchDeadlines();
    await client().request({ method: 'GET', path: '/telephony/calls' });
    expect(started).toHaveLength(1);
    expect(cleared).toHaveBeenCalledWith(started[0]);
  });

  it('is cleared when the provider answers with an error', async () => {
    line.control.injectFault({ kind: 'status', status: 500 });
    const { started, cleared } = watchDeadlines();
    await expect(client().request({ method: 'GET', path: '/telephony/calls' })).rejects.toMatchObject({ code: 'provider' });
    expect(started).toHaveLength(1);
    expect(cleared).toHaveBeenCalledWith(started[0]);
  });

  it('is cleared when the connection drops', async () => {
    line.control.injectFault({ kind: 'drop' });
    const { started, cleared } = watchDeadlines();
    await expect(client().request({ method: 'POST', path: '/telephony/calls/dial', body: { destination: '1002' } })).rejects.toMatchObject({ code: 'network' });
    expect(started).toHaveLength(1);
    expect(cleared).toHaveBeenCalledWith(started[0]);
  });
});
