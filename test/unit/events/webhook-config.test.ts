import { describe, expect, it } from 'vitest';
import { webhookAddress } from '../../../main/events/webhook-config.js';
import { liveSourceText } from '../../../preload/common/live-updates.js';

describe('where webhooks go', () => {
  it('Settings win over the environment; the demo line delivers to loopback when neither says', () => {
    expect(webhookAddress({ webhookUrl: 'https://a.example/x', webhookPort: 9000 }, { url: 'https://b.example/y', port: 9100 }, 'account')).toEqual({ publicUrl: 'https://a.example/x', port: 9000 });
    expect(webhookAddress({ webhookUrl: '', webhookPort: 0 }, { url: 'https://b.example/y', port: 9100 }, 'account')).toEqual({ publicUrl: 'https://b.example/y', port: 9100 });
    expect(webhookAddress({ webhookUrl: '', webhookPort: 0 }, {}, 'demo')).toEqual({ publicUrl: undefined, port: 0 });
    expect(webhookAddress({ webhookUrl: '', webhookPort: 0 }, {}, 'account')).toBeUndefined();
  });

  it('an address without a port is a clear error, not a guess', () => {
    expect(() => webhookAddress({ webhookUrl: 'https://a.example/x', webhookPort: 0 }, {}, 'account')).toThrow('Set the Local port the relay forwards to.');
  });

  it("says which source is live in exactly the issue's words", () => {
    expect(liveSourceText('xsi', 2000)).toBe('Live: XSI events');
    expect(liveSourceText('webhooks', 2000)).toBe('Live: webhooks');
    expect(liveSourceText('poll', 2000)).toBe('Refreshing every 2 s');
    expect(liveSourceText('poll', 1000)).toBe('Refreshing every 1 s');
    expect(liveSourceText('poll', 250)).toBe('Refreshing every 0.25 s');
  });
});
