import { AppError } from '../core/app-error.js';
import type { WebhookAddress } from './webhook-source.js';

export interface WebhookSettings {
  /** Settings → Live updates; empty / 0 when not set. */
  webhookUrl: string;
  webhookPort: number;
}

/** CALLDECK_WEBHOOK_URL and CALLDECK_WEBHOOK_PORT, for development and tests. */
export interface WebhookEnvironment {
  url?: string;
  port?: number;
}

/**
 * Where webhooks should go, or undefined when they are not for this line. Settings win over the
 * environment, like the accounts; on the built-in demo line with neither, deliveries go straight
 * to the receiver on loopback, so a newcomer sees calls at once.
 */
export function webhookAddress(settings: WebhookSettings, env: WebhookEnvironment, mode: 'demo' | 'account'): WebhookAddress | undefined {
  const url = settings.webhookUrl !== '' ? settings.webhookUrl : env.url;
  const port = settings.webhookPort !== 0 ? settings.webhookPort : env.port;
  if (url === undefined || url === '') return mode === 'demo' ? { publicUrl: undefined, port: port ?? 0 } : undefined;
  if (port === undefined || port === 0) throw new AppError('invalid-input', 'Set the Local port the relay forwards to.');
  return { publicUrl: url, port };
}
