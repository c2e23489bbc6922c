import { z } from 'zod';
import { WebhookUrl } from '../../preload/contract.js';

/**
 * Accounts configured through the environment, for development and tests (README lists them).
 * The values are secrets: they are read here, in main, and never cross the bridge.
 */
export interface DevAccounts {
  webex?: { baseUrl: string; token: string };
  videosdk?: { baseUrl: string; apiKey: string; secret: string };
  /** Live updates through webhooks: the relay's public URL and the local receiver's port. */
  webhook?: { url: string; port: number };
  /** Problems worth telling the developer, e.g. a base URL without its token. */
  problems: string[];
}

const HttpUrl = z.url({ protocol: /^https?$/ });

export function readDevAccounts(env: Record<string, string | undefined>): DevAccounts {
  const accounts: DevAccounts = { problems: [] };
  const webexUrl = env.CALLDECK_WEBEX_BASE_URL?.trim();
  const webexToken = env.CALLDECK_WEBEX_TOKEN?.trim();
  if (webexUrl || webexToken) {
    if (!webexUrl || !webexToken) {
      accounts.problems.push('Set both CALLDECK_WEBEX_BASE_URL and CALLDECK_WEBEX_TOKEN to use a Webex account.');
    } else if (!HttpUrl.safeParse(webexUrl).success) {
      accounts.problems.push(`CALLDECK_WEBEX_BASE_URL is not an http(s) URL: ${webexUrl}`);
    } else {
      accounts.webex = { baseUrl: webexUrl.replace(/\/+$/, ''), token: webexToken };
    }
  }
  const vsUrl = env.CALLDECK_VIDEOSDK_BASE_URL?.trim();
  const vsKey = env.CALLDECK_VIDEOSDK_API_KEY?.trim();
  const vsSecret = env.CALLDECK_VIDEOSDK_SECRET?.trim();
  if (vsUrl || vsKey || vsSecret) {
    if (!vsUrl || !vsKey || !vsSecret) {
      accounts.problems.push(
        'Set CALLDECK_VIDEOSDK_BASE_URL, CALLDECK_VIDEOSDK_API_KEY and CALLDECK_VIDEOSDK_SECRET together to use VideoSDK.',
      );
    } else if (!HttpUrl.safeParse(vsUrl).success) {
      accounts.problems.push(`CALLDECK_VIDEOSDK_BASE_URL is not an http(s) URL: ${vsUrl}`);
    } else {
      accounts.videosdk = { baseUrl: vsUrl.replace(/\/+$/, ''), apiKey: vsKey, secret: vsSecret };
    }
  }
  const hookUrl = env.CALLDECK_WEBHOOK_URL?.trim();
  const hookPort = env.CALLDECK_WEBHOOK_PORT?.trim();
  if (hookUrl || hookPort) {
    const url = WebhookUrl.safeParse(hookUrl ?? '');
    const port = Number(hookPort);
    if (!hookUrl || !hookPort) {
      accounts.problems.push('Set both CALLDECK_WEBHOOK_URL and CALLDECK_WEBHOOK_PORT to receive webhooks.');
    } else if (!url.success) {
      accounts.problems.push(`CALLDECK_WEBHOOK_URL is not an https URL (http only for this computer): ${hookUrl}`);
    } else if (!/^\d+$/.test(hookPort) || port < 1 || port > 65535) {
      accounts.problems.push(`CALLDECK_WEBHOOK_PORT is not a port number (1–65535): ${hookPort}`);
    } else {
      accounts.webhook = { url: url.data, port };
    }
  }
  return accounts;
}
