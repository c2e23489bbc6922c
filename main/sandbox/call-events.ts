/**
 * What the line's webhooks say when its state changes: `telephony_calls` events per call (shaped
 * like wxc_sdk's TelephonyEventData, EVENTS.md) and `telephony_mwi` when the voicemail counts move.
 * Every event carries `eventTimestamp`; the app must never need anything else from it.
 */
import type { LineState } from './line-model.js';
import { toWireCall, type WireCall } from './line-model.js';
import { voicemailSummary } from './voicemail-state.js';
import type { LineEvent } from './webhooks-state.js';

/** The call's fields as the event names them: `callId`, not the list's `id`. */
function eventFields(call: WireCall): Record<string, unknown> {
  const fields: Record<string, unknown> = { ...call, callId: call.id };
  delete fields.id;
  return fields;
}

export function lineEvents(before: LineState, after: LineState, at: string): LineEvent[] {
  const events: LineEvent[] = [];
  const was = new Map(before.calls.map((c) => [c.id, toWireCall(c)]));
  const now = new Map(after.calls.map((c) => [c.id, toWireCall(c)]));
  for (const [id, call] of now) {
    const old = was.get(id);
    if (old === undefined) {
      const eventType = call.personality === 'terminator' ? 'received' : 'originated';
      events.push({ resource: 'telephony_calls', event: 'created', data: { eventType, eventTimestamp: at, ...eventFields(call) } });
      continue;
    }
    if (JSON.stringify(old) === JSON.stringify(call)) continue;
    const eventType =
      old.answered === undefined && call.answered !== undefined
        ? 'answered'
        : call.state === 'held'
          ? 'held'
          : old.state === 'held'
            ? 'retrieved'
            : 'updated';
    events.push({ resource: 'telephony_calls', event: 'updated', data: { eventType, eventTimestamp: at, ...eventFields(call) } });
  }
  for (const [id, call] of was) {
    if (now.has(id)) continue;
    events.push({ resource: 'telephony_calls', event: 'deleted', data: { eventType: 'disconnected', eventTimestamp: at, ...eventFields(call), disconnected: at } });
  }
  if (JSON.stringify(voicemailSummary(before)) !== JSON.stringify(voicemailSummary(after))) {
    // The contract shows no MWI payload; the line sends only the time, so nothing can be read from it.
    events.push({ resource: 'telephony_mwi', event: 'updated', data: { eventTimestamp: at } });
  }
  return events;
}
