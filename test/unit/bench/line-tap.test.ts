import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledger, tapLine, type LineTap } from '../../../bench/line-tap.js';
import { startTestLine, type TestLine } from '../../line-kit/index.js';

let line: TestLine;
let tap: LineTap;
let agent: Agent;

beforeAll(async () => {
  line = await startTestLine();
  tap = tapLine(line.baseUrl);
  agent = new Agent({ connections: 4 });
});
afterAll(async () => {
  tap.close();
  await agent.close();
  await line.close();
});

const list = async () => {
  const response = await request(`${line.baseUrl}/telephony/calls`, { headers: { authorization: `Bearer ${line.token}` }, dispatcher: agent });
  await response.body.text();
};

describe('the line tap', () => {
  it('sees a request when the line has it, before the answer', async () => {
    const arrival = tap.next((a) => a.method === 'GET');
    const answered = list();
    const seen = await arrival;
    expect(seen.path).toBe('/v1/telephony/calls');
    await answered;
  });

  it('counts list requests one after another as no overlap, and two at once as one', async () => {
    const before = { ...ledger, byPath: { ...ledger.byPath } };
    await list();
    await list();
    expect(ledger.listOverlaps).toBe(before.listOverlaps);
    // The line answers a list within one turn of its event loop; a slow answer keeps the first open.
    line.control.injectFault({ kind: 'slow', delayMs: 200 });
    await Promise.all([list(), list()]);
    expect(ledger.listOverlaps).toBe(before.listOverlaps + 1);
    expect(ledger.listRequests).toBe(before.listRequests + 4);
  });
});
