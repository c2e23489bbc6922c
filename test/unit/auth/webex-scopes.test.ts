import { describe, expect, it } from 'vitest';
import { missingScopes } from '../../../main/auth/webex-scopes.js';

describe('scopes', () => {
  it('lists what was not granted, with what it is for', () => {
    expect(missingScopes(undefined)).toEqual([]);
    const granted = ['spark:calls_read', 'spark:people_read', 'meeting:participants_read', 'spark:telephony_config_read', 'spark:telephony_config_write'];
    expect(missingScopes(granted)).toEqual([{ scope: 'spark:calls_write', neededFor: 'answering, holding, transferring and hanging up calls' }]);
    // Meeting scopes count as missing only for an account that opted in to Webex Meetings.
    expect(missingScopes(granted, true).map((m) => m.scope)).toEqual(['spark:calls_write', 'meeting:participants_write', 'meeting:schedules_read']);
  });
});
