import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type CallsSnapshot } from '../../../preload/contract.js';
import { createCallsFeature } from '../../../main/calls/calls-feature.js';
import type { Line } from '../../../main/providers/line.js';
import { createSettingsService } from '../../../main/settings/settings-service.js';
import { FakeCallsProvider } from '../../fakes/fake-calls-provider.js';
import { FakeClock, flushAsync } from '../../fakes/fake-clock.js';
import { MemoryLogger, MemorySettingsStore } from '../../fakes/in-memory-ports.js';
import { webexCall } from '../../fakes/webex-call-fixtures.js';

function line(label: string, provider: FakeCallsProvider, closed: string[]): Line {
  return { provider, mode: 'account', label, close: async () => void closed.push(label) };
}

describe('the calls feature', () => {
  it('switches lines live: the old one is closed, commands and snapshots follow the new one', async () => {
    const clock = new FakeClock();
    const closed: string[] = [];
    const demo = new FakeCallsProvider();
    const account = new FakeCallsProvider();
    demo.calls = [webexCall({ id: 'demo-1', state: 'alerting', personality: 'terminator' })];
    account.calls = [webexCall({ id: 'acct-1', state: 'connected', personality: 'originator' })];
    const snapshots: CallsSnapshot[] = [];
    const feature = createCallsFeature({
      clock,
      log: new MemoryLogger(),
      settings: createSettingsService(new MemorySettingsStore({ ...DEFAULT_SETTINGS }), new MemoryLogger()),
      callLogStore: new MemorySettingsStore(),
      line: line('Demo', demo, closed),
    });
    feature.onSnapshot((s) => snapshots.push(s));
    await feature.refresh();
    expect(feature.snapshot().calls.map((c) => c.id)).toEqual(['demo-1']);

    await feature.useLine(line('Account', account, closed));
    await flushAsync();
    expect(closed).toEqual(['Demo']);
    expect(feature.line().label).toBe('Account');
    expect(feature.snapshot().calls.map((c) => c.id)).toEqual(['acct-1']);
    expect(snapshots.at(-1)?.line.label).toBe('Account');

    await feature.handlers['calls:hold']({ callId: 'acct-1' });
    expect(account.methodsSent()).toContain('hold');
    expect(demo.methodsSent()).not.toContain('hold');

    const demoPollsAfterSwitch = demo.listRequests;
    await clock.advanceAsync(10_000);
    expect(demo.listRequests).toBe(demoPollsAfterSwitch);
    await feature.stop();
    expect(closed).toEqual(['Demo', 'Account']);
  });
});
