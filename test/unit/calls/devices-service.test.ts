/**
 * The devices service against a scripted MeLinesProvider: what it shows when Webex answers
 * partly, and that it reads slowly. The happy paths over the real line are in lines.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createDevicesService, QUEUES_REFRESH_MS, type DevicesService } from '../../../main/calls/lines/devices-service.js';
import { AppError } from '../../../main/core/app-error.js';
import type { MeLinesProvider } from '../../../main/providers/me-lines-provider.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { MemoryLogger } from '../../fakes/in-memory-ports.js';

function provider(calls: string[]): MeLinesProvider {
  return {
    endpoints: async () => {
      calls.push('endpoints');
      return [
        { id: 'desk', type: 'CALLING_DEVICE', name: 'Desk', autoAndForcedAnswerEnabled: true, secondaryLines: [{ id: 'boss', memberType: 'PEOPLE' }, { id: 'vl', memberType: 'VIRTUAL_LINE' }] },
      ];
    },
    preferredAnswerEndpoint: async () => {
      calls.push('preferred');
      return undefined;
    },
    setPreferredAnswerEndpoint: async () => undefined,
    queues: async (owner) => {
      calls.push(`queues:${owner ?? 'me'}`);
      if (owner === 'vl') throw new AppError('not-found', 'No call center here', { status: 404 });
      return { agentACDState: 'AVAILABLE', queues: [{ id: 'q', extension: '2200', available: true, allowLogOffEnabled: true }] };
    },
    setQueues: async () => undefined,
    personNames: async (ids) => {
      calls.push(`people:${ids.join(',')}`);
      return new Map([['boss', 'Emma Wilson']]);
    },
  } satisfies MeLinesProvider;
}

let service: DevicesService | undefined;
afterEach(() => service?.stop());

describe('devices service', () => {
  it('[ME-06] a line whose queue settings answer 404 simply has no queues; with no preferred endpoint it starts on one that answers remotely', async () => {
    const calls: string[] = [];
    service = createDevicesService({ provider: provider(calls), clock: new FakeClock(), log: new MemoryLogger() });
    await service.ready();
    const info = service.info();
    expect(info.chosenId).toBe('desk');
    expect(info.lines.map((l) => l.name)).toEqual(['My line', 'Emma Wilson', 'Virtual line']);
    expect(info.queues.map((q) => q.lineName)).toEqual(['My line', 'Emma Wilson']);
    // Only the person's line is looked up in People.
    expect(calls.filter((c) => c.startsWith('people'))).toEqual(['people:boss']);
  });

  it('reads queue state again only every 2 minutes when nothing changes', async () => {
    const calls: string[] = [];
    const clock = new FakeClock();
    service = createDevicesService({ provider: provider(calls), clock, log: new MemoryLogger() });
    await service.ready();
    const before = calls.filter((c) => c.startsWith('queues')).length;
    await clock.advanceAsync(QUEUES_REFRESH_MS - 1);
    expect(calls.filter((c) => c.startsWith('queues')).length).toBe(before);
    await clock.advanceAsync(1);
    expect(calls.filter((c) => c.startsWith('queues')).length).toBe(before + 3);
    expect(calls.filter((c) => c === 'endpoints')).toHaveLength(1);
  });
});
