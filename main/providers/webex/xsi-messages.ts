/**
 * XSI-Events 2.0 documents as CallDeck reads and writes them (../shared/contracts/EVENTS.md §2,
 * the BroadSoft schema `http://schema.broadsoft.com/xsi`). Reading is by local name: servers vary
 * the prefixes (`xsi:`, `xsi1:`), never the names.
 */
import { attrByLocal, buildXml, child, childText, type XmlElement } from './xml-stream.js';

export const XSI_NAMESPACE = 'http://schema.broadsoft.com/xsi';
/** The "Advanced Call" package's call events (EVENTS.md); anything else is not a call signal. */
export const ADVANCED_CALL_EVENTS = new Set([
  'CallReceivedEvent',
  'CallOriginatedEvent',
  'CallAnsweredEvent',
  'CallHeldEvent',
  'CallRetrievedEvent',
  'CallUpdatedEvent',
  'CallReleasedEvent',
  'CallSubscriptionEvent',
]);

export type ChannelMessage =
  | { kind: 'channel'; channelId: string; expiresSec?: number }
  | { kind: 'heartbeat' }
  /** An event to acknowledge: `type` is the eventData's type, e.g. CallReceivedEvent. */
  | { kind: 'event'; eventId: string; type: string; callId?: string; eventTime?: number }
  /** Never acknowledged (EVENTS.md): the channel is over. */
  | { kind: 'channel-terminated'; channelId?: string; reason?: string }
  | { kind: 'unknown'; name: string };

function stripPrefix(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const colon = value.indexOf(':');
  return colon === -1 ? value : value.slice(colon + 1);
}

function positiveInt(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{1,9}$/.test(text)) return undefined;
  const n = Number(text);
  return n > 0 ? n : undefined;
}

/**
 * Which of the call's times is when this event happened. XSI events carry no time of their own;
 * a hold or an update says nothing new in its times, so it gets none (rather than an old one that
 * would make it look like a repeat of the event before).
 */
const EVENT_TIME: Record<string, string> = {
  CallReceivedEvent: 'startTime',
  CallOriginatedEvent: 'startTime',
  CallAnsweredEvent: 'answerTime',
  CallReleasedEvent: 'releaseTime',
};

function callTime(call: XmlElement | undefined, type: string): number | undefined {
  const field = EVENT_TIME[type];
  if (!call || !field) return undefined;
  const text = childText(call, field);
  return text !== undefined && /^\d{10,15}$/.test(text) ? Number(text) : undefined;
}

export function readChannelMessage(doc: XmlElement): ChannelMessage {
  if (doc.local === 'Channel') {
    const channelId = childText(doc, 'channelId');
    if (channelId === undefined || channelId === '') return { kind: 'unknown', name: doc.name };
    const expiresSec = positiveInt(childText(doc, 'expires'));
    return { kind: 'channel', channelId, ...(expiresSec !== undefined ? { expiresSec } : {}) };
  }
  if (doc.local === 'ChannelHeartBeat') return { kind: 'heartbeat' };
  if (doc.local === 'Event') {
    const type = stripPrefix(attrByLocal(doc, 'type'));
    if (type === 'ChannelTerminatedEvent') {
      const channelId = childText(doc, 'channelId');
      const reason = childText(doc, 'reason');
      return { kind: 'channel-terminated', ...(channelId ? { channelId } : {}), ...(reason ? { reason } : {}) };
    }
    const eventId = childText(doc, 'eventID');
    const data = child(doc, 'eventData');
    const dataType = stripPrefix(data ? attrByLocal(data, 'type') : undefined) ?? type ?? '';
    if (eventId === undefined || eventId === '') return { kind: 'unknown', name: doc.name };
    const call = data ? child(data, 'call') : undefined;
    const callId = call ? childText(call, 'callId') : undefined;
    const eventTime = callTime(call, dataType);
    return {
      kind: 'event',
      eventId,
      type: dataType,
      ...(callId ? { callId } : {}),
      ...(eventTime !== undefined ? { eventTime } : {}),
    };
  }
  return { kind: 'unknown', name: doc.name };
}

export interface ChannelRequest {
  channelSetId: string;
  priority: number;
  weight: number;
  expiresSec: number;
  applicationId: string;
}

export function channelBody(req: ChannelRequest): string {
  return buildXml('Channel', XSI_NAMESPACE, [
    ['channelSetId', req.channelSetId],
    ['priority', req.priority],
    ['weight', req.weight],
    ['expires', req.expiresSec],
    ['applicationId', req.applicationId],
  ]);
}

export function channelRefreshBody(expiresSec: number): string {
  return buildXml('Channel', XSI_NAMESPACE, [['expires', expiresSec]]);
}

export function subscriptionBody(req: { event: string; expiresSec: number; channelSetId: string; applicationId: string }): string {
  return buildXml('Subscription', XSI_NAMESPACE, [
    ['event', req.event],
    ['expires', req.expiresSec],
    ['channelSetId', req.channelSetId],
    ['applicationId', req.applicationId],
  ]);
}

export function subscriptionRefreshBody(expiresSec: number): string {
  return buildXml('Subscription', XSI_NAMESPACE, [['expires', expiresSec]]);
}

export function eventResponseBody(eventId: string): string {
  return buildXml('EventResponse', XSI_NAMESPACE, [
    ['eventID', eventId],
    ['statusCode', 200],
    ['reason', 'OK'],
  ]);
}

/** A subscription answer: its id and the lifetime the server granted (which may be less than asked). */
export function readSubscription(doc: XmlElement): { subscriptionId: string; expiresSec?: number } | undefined {
  if (doc.local !== 'Subscription') return undefined;
  const subscriptionId = childText(doc, 'subscriptionId');
  if (!subscriptionId) return undefined;
  const expiresSec = positiveInt(childText(doc, 'expires'));
  return { subscriptionId, ...(expiresSec !== undefined ? { expiresSec } : {}) };
}

/** A channel or subscription refresh answer's granted lifetime, when it says. */
export function readExpires(doc: XmlElement): number | undefined {
  return positiveInt(childText(doc, 'expires'));
}

/**
 * The XSI user id: the UUID inside the base64 Webex person id (`ciscospark://us/PEOPLE/<uuid>`),
 * its last path segment (EVENTS.md §2.4).
 */
export function xsiUserId(personId: string): string | undefined {
  let decoded: string;
  try {
    decoded = Buffer.from(personId.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  } catch {
    return undefined;
  }
  if (!decoded.startsWith('ciscospark://')) return undefined;
  const last = decoded.split('/').at(-1);
  return last !== undefined && /^[\w-]{1,64}$/.test(last) ? last : undefined;
}
