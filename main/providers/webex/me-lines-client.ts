/**
 * Webex "Call Settings For Me" over HTTP (contract: webex-me-lines.openapi.json) plus the People
 * lookup by id that names secondary lines. Every response is parsed at the edge.
 */
import type { HttpClient } from '../http.js';
import type { MeLinesProvider } from '../me-lines-provider.js';
import { parsed } from './parse-response.js';
import { WebexEndpointList, WebexPersonNames, WebexPreferredEndpoint, WebexQueueSettings } from './me-lines-schemas.js';

const ME = '/telephony/config/people/me';
const PREFERRED = `${ME}/settings/preferredAnswerEndpoint`;
/** People accepts "up to 85 person IDs separated by commas". */
export const PEOPLE_IDS_PER_REQUEST = 85;

const queuesPath = (lineOwnerId?: string) =>
  lineOwnerId === undefined ? `${ME}/settings/queues` : `${ME}/settings/secondaryLines/${encodeURIComponent(lineOwnerId)}/queues`;

export function createMeLinesClient(http: HttpClient): MeLinesProvider {
  const get = (path: string, signal?: AbortSignal, query?: Record<string, string>) =>
    http.request({ method: 'GET', path, ...(query ? { query } : {}), ...(signal ? { signal } : {}) });

  return {
    async endpoints(signal) {
      return parsed(WebexEndpointList, await get(`${ME}/endpoints`, signal), 'endpoint list').endpoints;
    },
    async preferredAnswerEndpoint(signal) {
      const res = await get(PREFERRED, signal);
      // "If a preferred endpoint is not set for the person, API returns empty."
      if (res.body === undefined || res.body === null || res.body === '') return undefined;
      const id = parsed(WebexPreferredEndpoint, res, 'preferred answer endpoint').id;
      return id ?? undefined;
    },
    async setPreferredAnswerEndpoint(endpointId) {
      // The schema (EndpointIdType) requires preferredAnswerEndpointId; the example's `id` is the fault.
      await http.request({ method: 'PUT', path: PREFERRED, body: { preferredAnswerEndpointId: endpointId } });
    },
    async queues(lineOwnerId, signal) {
      return parsed(WebexQueueSettings, await get(queuesPath(lineOwnerId), signal), 'call queue settings');
    },
    async setQueues(body, lineOwnerId) {
      await http.request({ method: 'PUT', path: queuesPath(lineOwnerId), body: { ...body } });
    },
    async personNames(ids, signal) {
      const names = new Map<string, string>();
      for (let i = 0; i < ids.length; i += PEOPLE_IDS_PER_REQUEST) {
        const chunk = ids.slice(i, i + PEOPLE_IDS_PER_REQUEST);
        const list = parsed(WebexPersonNames, await get('/people', signal, { id: chunk.join(',') }), 'people list');
        for (const person of list.items) if (person.displayName) names.set(person.id, person.displayName);
      }
      return names;
    },
  };
}
