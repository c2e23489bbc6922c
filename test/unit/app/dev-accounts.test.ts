import { describe, expect, it } from 'vitest';
import { readDevAccounts } from '../../../main/app/dev-accounts.js';

describe('accounts from the environment', () => {
  it('configures nothing by default (demo mode)', () => {
    expect(readDevAccounts({})).toEqual({ problems: [] });
  });

  it('reads a Webex account and trims a trailing slash', () => {
    const accounts = readDevAccounts({ CALLDECK_WEBEX_BASE_URL: 'http://127.0.0.1:7001/v1/', CALLDECK_WEBEX_TOKEN: 'tok' });
    expect(accounts.webex).toEqual({ baseUrl: 'http://127.0.0.1:7001/v1', token: 'tok' });
  });

  it('explains a half-configured or malformed account instead of guessing', () => {
    expect(readDevAccounts({ CALLDECK_WEBEX_BASE_URL: 'http://x/v1' }).problems[0]).toContain('CALLDECK_WEBEX_TOKEN');
    expect(readDevAccounts({ CALLDECK_WEBEX_BASE_URL: 'ftp://x', CALLDECK_WEBEX_TOKEN: 't' }).problems[0]).toContain('not an http');
    expect(readDevAccounts({ CALLDECK_VIDEOSDK_API_KEY: 'k' }).problems[0]).toContain('together');
  });

  it('reads a VideoSDK account', () => {
    const accounts = readDevAccounts({
      CALLDECK_VIDEOSDK_BASE_URL: 'https://api.videosdk.live',
      CALLDECK_VIDEOSDK_API_KEY: 'key',
      CALLDECK_VIDEOSDK_SECRET: 'sec',
    });
    expect(accounts.videosdk).toEqual({ baseUrl: 'https://api.videosdk.live', apiKey: 'key', secret: 'sec' });
  });

  it('reads the webhook relay address and the receiver port, and explains a wrong one', () => {
    expect(readDevAccounts({ CALLDECK_WEBHOOK_URL: 'https://relay.example.com/calldeck', CALLDECK_WEBHOOK_PORT: '8123' }).webhook).toEqual({
      url: 'https://relay.example.com/calldeck',
      port: 8123,
    });
    expect(readDevAccounts({ CALLDECK_WEBHOOK_URL: 'http://127.0.0.1:9000/in', CALLDECK_WEBHOOK_PORT: '9001' }).webhook?.port).toBe(9001);
    expect(readDevAccounts({ CALLDECK_WEBHOOK_URL: 'https://relay.example.com/x' }).problems[0]).toContain('CALLDECK_WEBHOOK_PORT');
    expect(readDevAccounts({ CALLDECK_WEBHOOK_URL: 'http://relay.example.com/x', CALLDECK_WEBHOOK_PORT: '1' }).problems[0]).toContain('not an https URL');
    expect(readDevAccounts({ CALLDECK_WEBHOOK_URL: 'https://r.example/x', CALLDECK_WEBHOOK_PORT: '70000' }).problems[0]).toContain('not a port');
    expect(readDevAccounts({ CALLDECK_WEBHOOK_URL: 'https://r.example/x', CALLDECK_WEBHOOK_PORT: '70000' }).webhook).toBeUndefined();
  });
});
