import type { HttpClient } from '../http.js';
import { createWebexCallsClient } from './calls-client.js';
import { createMeLinesClient } from './me-lines-client.js';
import { createWebexPeopleClient, createWebexVoicemailClient } from './people-client.js';
import { createWebexWebhooksClient } from './webhooks-client.js';

/** Everything a Webex line offers the core, on one HTTP client (one token, one agent). */
export function createWebexLineClients(http: HttpClient) {
  return {
    provider: createWebexCallsClient(http),
    people: createWebexPeopleClient(http),
    voicemail: createWebexVoicemailClient(http),
    webhooks: createWebexWebhooksClient(http),
    meLines: createMeLinesClient(http),
  };
}
