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
});
