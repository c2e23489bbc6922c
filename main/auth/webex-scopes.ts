import { WEBEX_SCOPES, type MissingScope } from '../../preload/contract.js';
import { MEETING_SCOPES } from '../../preload/common/meetings.js';

const NEEDED_FOR: Record<(typeof WEBEX_SCOPES)[number] | (typeof MEETING_SCOPES)[number], string> = {
  'spark:calls_read': 'seeing your calls and call history',
  'spark:calls_write': 'answering, holding, transferring and hanging up calls',
  'spark:people_read': 'showing who is signed in',
  'spark:telephony_config_read': 'reading Do Not Disturb',
  'spark:telephony_config_write': 'switching Do Not Disturb',
  'meeting:participants_read': 'listing meeting participants',
  'meeting:participants_write': 'muting, admitting, expelling and calling people into meetings',
  'meeting:schedules_read': 'finding a meeting by its number',
};

/** What sign-in asks for: the calling scopes, plus the meeting ones only when the person opted in. */
export function requestedScopes(useMeetings: boolean): string[] {
  return useMeetings ? [...WEBEX_SCOPES, ...MEETING_SCOPES] : [...WEBEX_SCOPES];
}

/**
 * What was asked for but not granted. Webex's token answer may omit `scope`; then nothing is
 * known to be missing (Webex refuses the whole authorization when a scope is not allowed).
 */
export function missingScopes(granted: readonly string[] | undefined, useMeetings = false): MissingScope[] {
  if (granted === undefined) return [];
  const have = new Set(granted);
  return requestedScopes(useMeetings)
    .filter((scope) => !have.has(scope))
    .map((scope) => ({ scope, neededFor: NEEDED_FOR[scope as keyof typeof NEEDED_FOR] }));
}
