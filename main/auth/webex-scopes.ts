import { WEBEX_SCOPES, type MissingScope } from '../../preload/contract.js';

const NEEDED_FOR: Record<(typeof WEBEX_SCOPES)[number], string> = {
  'spark:calls_read': 'seeing your calls and call history',
  'spark:calls_write': 'answering, holding, transferring and hanging up calls',
  'spark:people_read': 'showing who is signed in',
  'meeting:participants_read': 'listing meeting participants',
  'meeting:participants_write': 'calling people into meetings',
  'spark:telephony_config_read': 'reading Do Not Disturb',
  'spark:telephony_config_write': 'switching Do Not Disturb',
};

/**
 * What was asked for but not granted. Webex's token answer may omit `scope`; then nothing is
 * known to be missing (Webex refuses the whole authorization when a scope is not allowed).
 */
export function missingScopes(granted: readonly string[] | undefined): MissingScope[] {
  if (granted === undefined) return [];
  const have = new Set(granted);
  return WEBEX_SCOPES.filter((scope) => !have.has(scope)).map((scope) => ({ scope, neededFor: NEEDED_FOR[scope] }));
}
