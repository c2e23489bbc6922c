/**
 * Live updates' rules that main and the window share (zod-free): which webhook addresses are
 * acceptable, and the words that say which source keeps the calls live.
 */

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export const WEBHOOK_URL_PROBLEM = 'Enter an https:// address (http:// only for this computer)';
export const WEBHOOK_PORT_PROBLEM = 'Enter a port from 1 to 65535';

/** Empty (none), or https; http only to this machine (a relay or test line running locally). */
export function isWebhookUrl(value: string): boolean {
  const text = value.trim();
  if (text === '') return true;
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
}

/** "2 s", "1 s", "0.5 s". */
function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}

/** Exactly what the header and Settings say: "Live: XSI events", "Live: webhooks" or "Refreshing every 2 s". */
export function liveSourceText(source: 'xsi' | 'webhooks' | 'poll', pollEveryMs: number): string {
  if (source === 'xsi') return 'Live: XSI events';
  if (source === 'webhooks') return 'Live: webhooks';
  return `Refreshing every ${seconds(pollEveryMs)}`;
}
