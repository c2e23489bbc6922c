import { describe, expect, it } from 'vitest';
import { buildApi, type BridgeTransport } from '../../../preload/build-api.js';
import { eventChannels, invokeChannels, type EventChannel, type InvokeChannel } from '../../../preload/contract.js';

class RecordingTransport implements BridgeTransport {
  readonly invoked: { channel: InvokeChannel; args: unknown }[] = [];
  readonly subscribed: EventChannel[] = [];
  async invoke(channel: InvokeChannel, args: unknown) {
    this.invoked.push({ channel, args });
    return { ok: true as const, value: null };
  }
  subscribe(channel: EventChannel) {
    this.subscribed.push(channel);
    return () => undefined;
  }
}

// The bridge is written out by hand (one method per channel); this proves each method is bound
// to its own channel, so a copy-paste slip cannot send "hangup" when the user pressed "hold".
describe('window.calldeck', () => {
  it('binds every invoke channel to the method of the same name', async () => {
    const transport = new RecordingTransport();
    const api = buildApi(transport) as unknown as Record<string, Record<string, (a?: unknown) => Promise<unknown>>>;
    for (const channel of Object.keys(invokeChannels) as InvokeChannel[]) {
      const [domain, verb] = channel.split(':') as [string, string];
      await api[domain]?.[verb]?.({ probe: channel });
      expect(transport.invoked.at(-1)).toEqual({ channel, args: { probe: channel } });
    }
    expect(transport.invoked).toHaveLength(Object.keys(invokeChannels).length);
  });

  it('binds every event to on<Name> and returns an unsubscribe function', () => {
    const transport = new RecordingTransport();
    const api = buildApi(transport) as unknown as Record<string, Record<string, (l: () => void) => unknown>>;
    for (const channel of Object.keys(eventChannels) as EventChannel[]) {
      const [domain, name] = channel.split(':') as [string, string];
      const unsubscribe = api[domain]?.[`on${name[0]!.toUpperCase()}${name.slice(1)}`]?.(() => undefined);
      expect(typeof unsubscribe).toBe('function');
      expect(transport.subscribed.at(-1)).toBe(channel);
    }
  });

  it('exposes nothing generic: no invoke, send or ipcRenderer', () => {
    const api = buildApi(new RecordingTransport()) as unknown as Record<string, unknown>;
    const domains = new Set([...Object.keys(invokeChannels), ...Object.keys(eventChannels)].map((c) => c.split(':')[0]));
    expect(Object.keys(api).sort()).toEqual([...domains].sort());
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/invoke|send|ipc/i);
  });
});
