/**
 * Webex People API (GET /people/me, GET /people), as any user (not only an admin) may call it, and the user's voicemail
 * summary. Both are read-only lookups: GETs, retried by http.ts on transient failures, and
 * cancellable through the caller's signal (a directory search the user has typed past).
 */
import type { PeopleProvider, VoicemailProvider } from '../people-provider.js';
import type { HttpClient } from '../http.js';
import { parsed } from './parse-response.js';
import { WebexPerson, WebexPersonList, WebexVoicemailSummary } from './people-schemas.js';

export function createWebexPeopleClient(http: HttpClient): PeopleProvider {
  return {
    async me(signal) {
      // No callingData: Webex gives it to admins only. Everyone's extension is in phoneNumbers
      // (work_extension, with the routing prefix), which is all CallDeck reads.
      const res = await http.request({ method: 'GET', path: '/people/me', ...(signal ? { signal } : {}) });
      return parsed(WebexPerson, res, 'person');
    },
    async search(displayName, max, signal) {
      const res = await http.request({
        method: 'GET',
        path: '/people',
        query: { displayName, max: String(max) },
        ...(signal ? { signal } : {}),
      });
      // One page is all a type-ahead needs; the Link header's next page is not followed.
      return parsed(WebexPersonList, res, 'people list').items;
    },
  };
}

export function createWebexVoicemailClient(http: HttpClient): VoicemailProvider {
  return {
    async summary(signal) {
      const res = await http.request({ method: 'GET', path: '/telephony/voiceMessages/summary', ...(signal ? { signal } : {}) });
      return parsed(WebexVoicemailSummary, res, 'voicemail summary');
    },
  };
}
