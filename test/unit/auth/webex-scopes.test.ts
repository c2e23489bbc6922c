import { describe, expect, it } from 'vitest';
import { missingScopes } from '../../../main/auth/webex-scopes.js';

describe('scopes', () => {
  it('lists what was not granted, with what it is for', () => {
    expect(missingScopes(undefined)).toEqual([]);
    const missing = missingScopes(['spark:calls_read', 'spark:people_read', 'meeting:participants_read', 'meeting:participants_write', 'spark:telephony_config_read', 'spark:telephony_config_write']);
    expect(missing).toEqual([{ scope: 'spark:calls_write', neededFor: 'answering, holding, transferring and hanging up calls' }]);
  });
});
