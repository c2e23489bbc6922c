import { MEETING_SCOPES } from '../../../preload/common/meetings.js';
import type { HttpClient } from '../http.js';
import { createWebexMeetingsClient, type WebexMeetingsClient } from './meetings-client.js';

export interface MissingMeetingScopes {
  scopes: readonly string[];
  /** What to do about it, in words. */
  howTo: string;
}

/** What a line offers for Webex Meetings: the client, and which scopes its token lacks for it now. */
export interface LineMeetings {
  client: WebexMeetingsClient;
  missingScopes(): MissingMeetingScopes;
  /** Demo mode's running meeting: the view opens it by itself the first time, so a newcomer sees a roster. */
  demoMeetingNumber?: string;
}

export interface MeetingScopeFacts {
  /** The account's "Use Webex Meetings" switch. */
  optedIn: boolean;
  /** What the token was granted; undefined: not known (a personal access token has its user's scopes). */
  granted?: readonly string[] | undefined;
}

const TURN_ON =
  'Turn on "Use Webex Meetings" in Settings → Accounts, add these scopes to your integration on developer.webex.com, then sign in again.';
const ADD_SCOPES = 'Add these scopes to your integration on developer.webex.com, then sign in again in Settings → Accounts.';

export function meetingScopesMissing(facts: MeetingScopeFacts): MissingMeetingScopes {
  if (!facts.optedIn) return { scopes: [...MEETING_SCOPES], howTo: TURN_ON };
  const have = facts.granted === undefined ? undefined : new Set(facts.granted);
  return { scopes: have === undefined ? [] : MEETING_SCOPES.filter((s) => !have.has(s)), howTo: ADD_SCOPES };
}

/** The meetings side of a Webex line; `facts` is read on every use, so a changed switch applies at once. */
export function lineMeetings(http: HttpClient, baseUrl: string, facts: () => MeetingScopeFacts = () => ({ optedIn: true })): LineMeetings {
  return { client: createWebexMeetingsClient(http, baseUrl), missingScopes: () => meetingScopesMissing(facts()) };
}
