import type { Call, DndState, LineStatus } from '../../../preload/contract.js';
import { toCall } from '../../../main/calls/to-call.js';
import type { DeskModel } from '../../../main/desktop/desk-model.js';
import type { WebexCall } from '../../../main/providers/webex/schemas.js';
import { party, webexCall } from '../../fakes/webex-call-fixtures.js';

export const T0 = Date.parse('2026-03-02T09:00:00.000Z');
export const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

export const OK_LINE: LineStatus = { state: 'ok', label: 'Webex · example' };
export const DND_OFF: DndState = { status: 'off', updating: false };
export const DND_ON: DndState = { status: 'on', updating: false };

const person = (name: string, number: string) => party({ name, number });

export function ringing(id: string, name: string, createdSec: number, extra: Partial<WebexCall> = {}): Call {
  return toCall(webexCall({ id, remoteParty: person(name, '+12015550123'), created: at(createdSec), ...extra }));
}

export function talking(id: string, name: string, answeredSec: number, extra: Partial<WebexCall> = {}): Call {
  return toCall(
    webexCall({ id, state: 'connected', remoteParty: person(name, '+442079460958'), created: at(answeredSec - 5), answered: at(answeredSec), ...extra }),
  );
}

export function held(id: string, name: string, answeredSec: number): Call {
  return toCall(webexCall({ id, state: 'held', remoteParty: person(name, '+16505550100'), created: at(answeredSec - 5), answered: at(answeredSec) }));
}

export function dialling(id: string, name: string): Call {
  return toCall(webexCall({ id, state: 'connecting', personality: 'originator', remoteParty: person(name, '+13125550182'), created: at(0) }));
}

export function desk(calls: Call[], overrides: Partial<DeskModel> = {}): DeskModel {
  return { calls, line: OK_LINE, dnd: DND_OFF, country: 'US', ...overrides };
}

export const offline = (call: Call): Call => ({ ...call, actions: [] });
