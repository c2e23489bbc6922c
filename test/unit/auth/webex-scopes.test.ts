import { describe, expect, it } from 'vitest';
import { WEBEX_SCOPES } from '../../../preload/common/accounts.js';
import { MEETING_SCOPES } from '../../../preload/common/meetings.js';
import { integrationScopes } from '../../../preload/common/accounts.js';
import { missingScopes, optInsOf } from '../../../main/auth/webex-scopes.js';

describe('scopes', () => {
  it('lists what was not granted, with what it is for', () => {
    expect(missingScopes(undefined)).toEqual([]);
    const granted = ['spark:calls_read', 'spark:people_read', 'meeting:participants_read', 'spark:telephony_config_read', 'spark:telephony_config_write'];
    expect(missingScopes(granted)).toEqual([{ scope: 'spark:calls_write', neededFor: 'answering, holding, transferring and hanging up calls' }]);
    // Meeting scopes count as missing only for an account that opted in to Webex Meetings.
    expect(missingScopes(granted, { meetings: true }).map((m) => m.scope)).toEqual(['spark:calls_write', 'meeting:participants_write', 'meeting:schedules_read']);
  });

  it('asks for spark:xsi only with "Use XSI events", after the calling and meeting scopes', () => {
    expect(integrationScopes({})).toEqual([...WEBEX_SCOPES]);
    expect(integrationScopes({ meetings: true })).not.toContain('spark:xsi');
    expect(integrationScopes({ xsi: true })).toEqual([...WEBEX_SCOPES, 'spark:xsi']);
    expect(integrationScopes({ meetings: true, xsi: true })).toEqual([...WEBEX_SCOPES, ...MEETING_SCOPES, 'spark:xsi']);
  });

  it('names spark:xsi as missing only for an account that opted in to XSI events', () => {
    const granted = [...WEBEX_SCOPES];
    expect(missingScopes(granted, { xsi: false })).toEqual([]);
    expect(missingScopes(granted, { xsi: true })).toEqual([{ scope: 'spark:xsi', neededFor: 'live call events through XSI' }]);
    expect(missingScopes([...granted, 'spark:xsi'], { xsi: true })).toEqual([]);
    // Unknown grants (a token answer without `scope`) name nothing, opted in or not.
    expect(missingScopes(undefined, { xsi: true })).toEqual([]);
  });

  it('reads the opt-ins off a stored account, absent meaning off', () => {
    expect(optInsOf({})).toEqual({ meetings: false, xsi: false });
    expect(optInsOf({ useXsi: true })).toEqual({ meetings: false, xsi: true });
    expect(optInsOf({ useMeetings: true, useXsi: false })).toEqual({ meetings: true, xsi: false });
  });
});
