import type { WebexCall, WebexHistoryRecord, WebexParty } from '../../main/providers/webex/schemas.js';

/** A Webex call as GET /telephony/calls lists it; override what the test is about. */
export function webexCall(overrides: Partial<WebexCall> & { id: string }): WebexCall {
  return {
    callSessionId: `session-${overrides.id}`,
    personality: 'terminator',
    state: 'alerting',
    remoteParty: party({ name: 'Ana Silva', number: '+12015550123' }),
    created: '2026-03-02T09:00:00.000Z',
    muteCapable: true,
    muted: false,
    ...overrides,
  };
}

export function party(overrides: Partial<WebexParty> = {}): WebexParty {
  return { privacyEnabled: false, callType: 'external', ...overrides };
}

export function missedRecord(overrides: Partial<WebexHistoryRecord> & { time: string }): WebexHistoryRecord {
  return { type: 'missed', name: 'Ana Silva', number: '+12015550123', privacyEnabled: false, ...overrides };
}
