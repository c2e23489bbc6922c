import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type CallsSnapshot, type LineInfo } from '../../../preload/contract.js';
import { createCallsFeature } from '../../../main/calls/calls-feature.js';
import type { Line } from '../../../main/providers/line.js';
import { createSettingsService } from '../../../main/settings/settings-service.js';
import { FakeCallsProvider } from '../../fakes/fake-calls-provider.js';
import { FakeClock, flushAsync } from '../../fakes/fake-clock.js';
import { FakePeopleProvider, FakeVoicemailProvider } from '../../fakes/fake-people-provider.js';
import { MemoryLogger, MemorySettingsStore } from '../../fakes/in-memory-ports.js';
import { webexCall } from '../../fakes/webex-call-fixtures.js';

function line(label: string, provider: FakeCallsProvider, closed: string[]): Line {
  return { provider, people: new FakePeopleProvider(), voicemail: new FakeVoicemailProvider(), mode: 'account', label, close: async () => void closed.push(label) };
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

  it("follows the line in use for my number and voicemail, re-reads voicemail when a call ends or a window asks", async () => {
    const clock = new FakeClock();
    const provider = new FakeCallsProvider();
    const people = new FakePeopleProvider();
    const voicemail = new FakeVoicemailProvider();
    voicemail.summaryValue = { newMessages: 1, oldMessages: 0, newUrgentMessages: 0, oldUrgentMessages: 0 };
    const feature = createCallsFeature({
      clock,
      log: new MemoryLogger(),
      settings: createSettingsService(new MemorySettingsStore({ ...DEFAULT_SETTINGS }), new MemoryLogger()),
      callLogStore: new MemorySettingsStore(),
      line: { provider, people, voicemail, mode: 'demo', label: 'Demo', close: async () => undefined },
    });
    const infos: LineInfo[] = [];
    feature.onLineInfo((info) => infos.push(info));
    await flushAsync();
    expect(feature.lineInfo()).toMatchObject({ me: { extension: '81004142' }, voicemail: { newMessages: 1 } });

    // A call that ends (here: a caller who gives up) brings the count up to date.
    provider.calls = [webexCall({ id: 'c1', state: 'alerting', personality: 'terminator' })];
    await feature.refresh();
    voicemail.summaryValue = { newMessages: 2, oldMessages: 0, newUrgentMessages: 0, oldUrgentMessages: 0 };
    provider.calls = [];
    await feature.refresh();
    await flushAsync();
    expect(feature.lineInfo().voicemail?.newMessages).toBe(2);

    // A window opening asks; the answer is what is known, and a fresh read follows as an event.
    voicemail.summaryValue = { newMessages: 0, oldMessages: 2, newUrgentMessages: 0, oldUrgentMessages: 0 };
    expect((await feature.handlers['line:get'](undefined)).voicemail?.newMessages).toBe(2);
    await flushAsync();
    expect(infos.at(-1)?.voicemail?.newMessages).toBe(0);

    // Another line: its owner is unknown until its people/me answers.
    const other = new FakePeopleProvider();
    other.mine = { displayName: 'Sam Rivera', extension: '1002' };
    await feature.useLine({ provider: new FakeCallsProvider(), people: other, voicemail: new FakeVoicemailProvider(), mode: 'account', label: 'Account', close: async () => undefined });
    expect(infos.some((i) => i.me === null)).toBe(true);
    await flushAsync();
    expect(feature.lineInfo().me).toEqual({ name: 'Sam Rivera', extension: '1002' });
    await feature.stop();
  });
});
