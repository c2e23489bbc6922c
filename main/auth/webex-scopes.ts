import { integrationScopes, type ScopeOptIns, type WEBEX_SCOPES, type XSI_SCOPES } from '../../preload/common/accounts.js';
import type { MissingScope } from '../../preload/contract.js';
import type { MEETING_SCOPES } from '../../preload/common/meetings.js';

type KnownScope = (typeof WEBEX_SCOPES)[number] | (typeof MEETING_SCOPES)[number] | (typeof XSI_SCOPES)[number];

const NEEDED_FOR: Record<KnownScope, string> = {
  'spark:calls_read': 'seeing your calls and call history',
  'spark:calls_write': 'answering, holding, transferring and hanging up calls',
  'spark:people_read': 'showing who is signed in',
  'spark:telephony_config_read': 'reading Do Not Disturb',
  'spark:telephony_config_write': 'switching Do Not Disturb',
  'meeting:participants_read': 'listing meeting participants',
  'meeting:participants_write': 'muting, admitting, expelling and calling people into meetings',
  'meeting:schedules_read': 'finding a meeting by its number',
  'spark:xsi': 'live call events through XSI',
};

/** The account's opt-ins as the accounts file stores them (absent means off). */
export function optInsOf(record: { useMeetings?: boolean | undefined; useXsi?: boolean | undefined }): ScopeOptIns {
  return { meetings: record.useMeetings === true, xsi: record.useXsi === true };
}

/**
 * What was asked for but not granted. Webex's token answer may omit `scope`; then nothing is
 * known to be missing (Webex refuses the whole authorization when a scope is not allowed).
 */
export function missingScopes(granted: readonly string[] | undefined, optIns: ScopeOptIns = {}): MissingScope[] {
  if (granted === undefined) return [];
  const have = new Set(granted);
  return integrationScopes(optIns)
    .filter((scope) => !have.has(scope))
    .map((scope) => ({ scope, neededFor: NEEDED_FOR[scope as KnownScope] }));
}
