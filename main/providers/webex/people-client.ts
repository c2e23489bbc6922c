/**
 * Webex People API (GET /people/me, GET /people) with calling data, and the user's voicemail
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
      const res = await http.request({ method: 'GET', path: '/people/me', query: { callingData: 'true' }, ...(signal ? { signal } : {}) });
      return parsed(WebexPerson, res, 'person');
    },
    async search(displayName, max, signal) {
      const res = await http.request({
        method: 'GET',
        path: '/people',
        query: { displayName, callingData: 'true', max: String(max) },
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
