/**
 * Webex webhooks (POST/GET/PUT/DELETE /webhooks). Creating sends the contract's published event
 * names only (`all` is not in the enum); reactivating uses PUT with `status: active`, which the
 * contract allows only for a webhook Webex turned off itself.
 */
import { isAppError } from '../../core/app-error.js';
import type { HttpClient } from '../http.js';
import type { WebhookInput, WebhooksProvider } from '../webhooks-provider.js';
import { parsed } from './parse-response.js';
import { WebexWebhook, WebexWebhookList } from './webhooks-schemas.js';

const PAGE = 100;

export function createWebexWebhooksClient(http: HttpClient): WebhooksProvider {
  const path = (id: string) => `/webhooks/${encodeURIComponent(id)}`;
  return {
    async list(signal) {
      const res = await http.request({ method: 'GET', path: '/webhooks', query: { max: String(PAGE) }, ...(signal ? { signal } : {}) });
      return parsed(WebexWebhookList, res, 'webhook list').items;
    },
    async create(input: WebhookInput, signal) {
      const res = await http.request({ method: 'POST', path: '/webhooks', body: input, ...(signal ? { signal } : {}) });
      return parsed(WebexWebhook, res, 'webhook');
    },
    async reactivate(hook, signal) {
      // PUT requires name and targetUrl; the secret is left as it is.
      const res = await http.request({
        method: 'PUT',
        path: path(hook.id),
        body: { name: hook.name, targetUrl: hook.targetUrl, status: 'active' },
        ...(signal ? { signal } : {}),
      });
      return parsed(WebexWebhook, res, 'webhook');
    },
    async remove(id, signal) {
      try {
        await http.request({ method: 'DELETE', path: path(id), ...(signal ? { signal } : {}) });
      } catch (error) {
        if (!(isAppError(error) && error.code === 'not-found')) throw error;
      }
    },
  };
}
