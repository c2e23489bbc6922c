import { MEETING_SCOPES } from '../../preload/common/meetings.js';
import type { HttpClient } from '../providers/http.js';
import { createWebexMeetingsClient, type WebexMeetingsClient } from '../providers/webex/meetings-client.js';

/** What a line offers for Webex Meetings: the client, and which scopes its token lacks for it. */
export interface LineMeetings {
  client: WebexMeetingsClient;
  missingScopes: { scopes: readonly string[]; howTo: string };
}

/**
 * The meetings side of a Webex line. `granted` is what the token was granted (undefined: not
 * known, e.g. a personal access token, which carries all of its user's scopes); `optedIn` is the
 * account's "Use Webex Meetings" switch.
 */
export function lineMeetings(http: HttpClient, baseUrl: string, scopes: { optedIn: boolean; granted?: readonly string[] | undefined } = { optedIn: true }): LineMeetings {
  const client = createWebexMeetingsClient(http, baseUrl);
  if (!scopes.optedIn) {
    return {
      client,
      missingScopes: {
        scopes: [...MEETING_SCOPES],
        howTo:
          'Turn on "Use Webex Meetings" in Settings → Accounts, make sure the integration on developer.webex.com has these scopes, then sign in again.',
      },
    };
  }
  const have = scopes.granted === undefined ? undefined : new Set(scopes.granted);
  const missing = have === undefined ? [] : MEETING_SCOPES.filter((s) => !have.has(s));
  return {
    client,
    missingScopes: {
      scopes: missing,
      howTo: 'Add these scopes to your integration on developer.webex.com, then sign out and sign in again in Settings → Accounts.',
    },
  };
}
