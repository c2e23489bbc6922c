import type { WebexPerson, WebexVoicemailSummary } from './webex/people-schemas.js';

/** Who the line belongs to, and the company directory. Throws AppError like CallsProvider. */
export interface PeopleProvider {
  /** GET /people/me: the user's own number and work extension (phoneNumbers). */
  me(signal?: AbortSignal): Promise<WebexPerson>;
  /** GET /people?displayName=… (names that start with it), at most `max` people. */
  search(displayName: string, max: number, signal?: AbortSignal): Promise<WebexPerson[]>;
}

export interface VoicemailProvider {
  summary(signal?: AbortSignal): Promise<WebexVoicemailSummary>;
}
