import type { WebexWebhook } from './webex/webhooks-schemas.js';

export interface WebhookInput {
  name: string;
  targetUrl: string;
  resource: 'telephony_calls' | 'telephony_mwi' | 'meetingParticipants';
  event: 'created' | 'updated' | 'deleted' | 'joined' | 'left';
  secret: string;
  filter?: string;
}

/** The provider's webhook registrations. Throws AppError like CallsProvider. */
export interface WebhooksProvider {
  list(signal?: AbortSignal): Promise<WebexWebhook[]>;
  create(input: WebhookInput, signal?: AbortSignal): Promise<WebexWebhook>;
  /** Turns back on a webhook the provider turned off after failed deliveries. */
  reactivate(hook: Pick<WebexWebhook, 'id' | 'name' | 'targetUrl'>, signal?: AbortSignal): Promise<WebexWebhook>;
  /** Deletes it; a webhook that is already gone (404) counts as deleted. */
  remove(id: string, signal?: AbortSignal): Promise<void>;
}
