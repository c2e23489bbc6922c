/**
 * While push is live the calls poll slows to a safety net, but push covers only my own line:
 * calls on a secondary line my devices hold must still appear within seconds.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Agent } from 'undici';
import { DEFAULT_SETTINGS } from '../../../preload/contract.js';
import { createCallsFeature, type CallsFeature } from '../../../main/calls/calls-feature.js';
import { createHttpClient } from '../../../main/providers/http.js';
import type { Line } from '../../../main/providers/line.js';
import { createWebexLineClients } from '../../../main/providers/webex/webex-line-clients.js';
import { createSettingsService } from '../../../main/settings/settings-service.js';
import { MANAGER_ID, type SandboxExchange } from '../../../main/sandbox/index.js';
import { startTestLine, type TestLine } from '../../line-kit/index.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { MemoryLogger, MemorySettingsStore } from '../../fakes/in-memory-ports.js';

const SAFETY_NET_MS = 30_000;
let line: TestLine;
let agent: Agent;
let clock: FakeClock;
let recorded: SandboxExchange[];
let feature: CallsFeature | undefined;

beforeEach(async () => {
  clock = new FakeClock();
  line = await startTestLine({ clock });
  agent = new Agent({ connect: { timeout: 2_000 }, headersTimeout: 5_000, bodyTimeout: 5_000 });
  recorded = [];
  line.control.onExchange((x) => recorded.push(x));
});
afterEach(async () => {
  await feature?.stop();
  await line.close();
  await agent.close();
});

function start(withLines: boolean): CallsFeature {
  const http = createHttpClient({ baseUrl: line.baseUrl, getToken: async () => line.token, dispatcher: agent, retryBackoffMs: 1 });
  const clients = createWebexLineClients(http);
  const webex: Line = { ...clients, ...(withLines ? {} : { meLines: undefined }), mode: 'account', label: 'test', close: async () => http.close() };
  const log = new MemoryLogger();
  feature = createCallsFeature({ clock, log, settings: createSettingsService(new MemorySettingsStore({ ...DEFAULT_SETTINGS }), log), callLogStore: new MemorySettingsStore(), line: webex });
  feature.setSafetyNet(SAFETY_NET_MS);
  return feature;
}

async function minuteOfListReads(): Promise<{ mine: number; manager: number }> {
  // Let the first reads (devices, lines) settle, then count one minute of call-list reads.
  for (let i = 0; i < 20; i += 1) await clock.advanceAsync(250);
  const from = recorded.length;
  for (let i = 0; i < 240; i += 1) await clock.advanceAsync(250);
  const lists = recorded.slice(from).filter((x) => x.method === 'GET' && x.path === '/v1/telephony/calls');
  return { mine: lists.filter((x) => x.query.lineOwnerId === undefined).length, manager: lists.filter((x) => x.query.lineOwnerId === MANAGER_ID).length };
}

describe('the safety-net poll with secondary lines [EVT-07]', () => {
  it('[EVT-07] keeps a secondary line listed every few seconds while push is live', async () => {
    start(true);
    const reads = await minuteOfListReads();
    expect(reads.manager).toBeGreaterThanOrEqual(10);
    // My own line is pushed: the poll alone lists it at the safety net's pace.
    expect(reads.mine).toBeLessThanOrEqual(3);
  });

  it('[EVT-07] a push signal lists my own line at once, whatever its cadence', async () => {
    const calls = start(true);
    await minuteOfListReads();
    const before = recorded.length;
    const id = line.control.incomingCall({ from: { name: 'Ana Silva', number: '+12125550100' } });
    await calls.refresh();
    const mine = recorded.slice(before).filter((x) => x.method === 'GET' && x.path === '/v1/telephony/calls' && x.query.lineOwnerId === undefined);
    expect(mine.length).toBe(1);
    expect(calls.snapshot().calls.map((c) => c.id)).toContain(id);
  });

  it('[EVT-07] slows to the safety net when I hold no secondary line', async () => {
    start(false);
    const reads = await minuteOfListReads();
    expect(reads.manager).toBe(0);
    expect(reads.mine).toBeLessThanOrEqual(3);
  });
});
