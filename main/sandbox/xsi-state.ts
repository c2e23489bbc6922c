/**
 * The built-in line's XSI-Events service (EVENTS.md §2): channels that stream XML, heartbeats,
 * acknowledgements, "Advanced Call" subscriptions, expiry, and hosts that only serve the channels
 * they hold. Where BroadSoft's behaviour is not documented in the contract, the line does the less
 * convenient plausible thing:
 * - it grants less lifetime than asked (at most `maxExpiresSec`), and ends what is not refreshed;
 * - an event not acknowledged within `ackTimeoutMs` ends the channel (ChannelTerminatedEvent);
 * - a channel with no heartbeat for `heartbeatGraceMs` is ended;
 * - an event with no open channel in the subscription's channel set is lost, not queued.
 * The server echoes each heartbeat as a ChannelHeartBeat on the stream (inferred: it is how XSI
 * clients, e.g. wxcadm, see that the stream is alive).
 */
import { randomUUID } from 'node:crypto';
import type { Clock, TimerHandle } from '../core/ports.js';
import { escapeXml } from '../providers/webex/xml-stream.js';
import { wireState, type LineCall, type LineState } from './line-model.js';

export const XSI_NS = 'http://schema.broadsoft.com/xsi';
const XSI_INSTANCE_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';

export interface XsiTimings {
  maxExpiresSec: number;
  ackTimeoutMs: number;
  heartbeatGraceMs: number;
}

export const DEFAULT_XSI_LINE_TIMINGS: XsiTimings = { maxExpiresSec: 3600, ackTimeoutMs: 10_000, heartbeatGraceMs: 40_000 };

/** Where the line writes one channel's stream; the HTTP layer provides it. */
export interface ChannelWriter {
  write(text: string): void;
  end(): void;
  /** Cuts the connection at once (no clean end). */
  destroy(): void;
}

interface Channel {
  readonly id: string;
  readonly host: number;
  readonly channelSetId: string;
  readonly applicationId: string;
  readonly writer: ChannelWriter;
  expiry: TimerHandle;
  grace: TimerHandle;
  readonly unacked: Map<string, TimerHandle>;
}

interface Subscription {
  readonly id: string;
  readonly userId: string;
  readonly channelSetId: string;
  readonly applicationId: string;
  readonly event: string;
  expiry: TimerHandle;
}

export interface XsiSeen {
  /** Event ids acknowledged, in order. */
  acknowledged: string[];
  /** Acknowledgements for ids the line never sent or had settled (e.g. a ChannelTerminatedEvent). */
  strayAcks: string[];
  heartbeats: { channelId: string; host: number }[];
  /** Events written to channels: id, type and channel. */
  sent: { eventId: string; type: string; channelId: string }[];
  channelsOpened: number;
  subscriptionsMade: number;
  channelRefreshes: number;
  subscriptionRefreshes: number;
  channelsDeleted: number;
  subscriptionsDeleted: number;
}

/** What tests (through the kit) and demo mode steer. */
export interface XsiControl {
  /** Whether the organisation has XSI (the org lookup shows the endpoints; XSI answers requests). */
  setEnabled(enabled: boolean): void;
  enabled(): boolean;
  /** Cuts every open channel's connection in the middle of a document. */
  dropChannels(): void;
  /** The server forgets every channel: its stream stays open but silent, and heartbeats get 404. */
  forgetChannels(): void;
  /** Every XSI request is answered 401 while set (a token XSI no longer accepts). */
  setRefusing(refusing: boolean): void;
  /** Ends every channel with a ChannelTerminatedEvent. */
  terminateChannels(reason?: string): void;
  /** A host that is down answers 503 to everything. */
  setHostDown(host: number, down: boolean): void;
  openChannels(): { id: string; host: number; channelSetId: string }[];
  subscriptions(): { id: string; userId: string; channelSetId: string; event: string }[];
  seen(): XsiSeen;
}

export type XsiAnswer = { status: number; xml?: string };

function freshSeen(): XsiSeen {
  return {
    acknowledged: [],
    strayAcks: [],
    heartbeats: [],
    sent: [],
    channelsOpened: 0,
    subscriptionsMade: 0,
    channelRefreshes: 0,
    subscriptionRefreshes: 0,
    channelsDeleted: 0,
    subscriptionsDeleted: 0,
  };
}

/** XSI's callId for a line call: `callhalf-<n>:0`, from the number inside the Webex call id. */
export function xsiCallId(call: LineCall): string {
  const inner = Buffer.from(call.id, 'base64url').toString('utf8').split('/').at(-1) ?? call.id;
  return `callhalf-${inner}:0`;
}

const XSI_STATE: Record<string, string> = { alerting: 'Alerting', connecting: 'Alerting', connected: 'Active', held: 'Held', remoteHeld: 'Active' };
const PERSONALITY: Record<string, string> = { originator: 'Originator', terminator: 'Terminator', clickToDial: 'Click-to-Dial' };

/** Which "Advanced Call" event a change of one call is. */
function eventTypeFor(before: LineCall | undefined, after: LineCall | undefined): string | undefined {
  if (!before && after) return after.personality === 'originator' ? 'CallOriginatedEvent' : 'CallReceivedEvent';
  if (before && !after) return 'CallReleasedEvent';
  if (!before || !after) return undefined;
  const was = wireState(before);
  const now = wireState(after);
  if (was === now) return before === after ? undefined : 'CallUpdatedEvent';
  if ((was === 'alerting' || was === 'connecting') && (now === 'connected' || now === 'remoteHeld')) return 'CallAnsweredEvent';
  if (now === 'held') return 'CallHeldEvent';
  if (was === 'held') return 'CallRetrievedEvent';
  return 'CallUpdatedEvent';
}

function callXml(call: LineCall, released: boolean, at: number): string {
  const party = call.remoteParty;
  const parts = [
    `<xsi:callId>${escapeXml(xsiCallId(call))}</xsi:callId>`,
    `<xsi:extTrackingId>${escapeXml(call.callSessionId)}</xsi:extTrackingId>`,
    `<xsi:personality>${PERSONALITY[call.personality] ?? 'Terminator'}</xsi:personality>`,
    `<xsi:state>${released ? 'Released' : (XSI_STATE[wireState(call)] ?? 'Active')}</xsi:state>`,
    '<xsi:remoteParty>',
    party.privacyEnabled || party.name === undefined ? '' : `<xsi:name>${escapeXml(party.name)}</xsi:name>`,
    party.privacyEnabled || party.number === undefined ? '' : `<xsi:address countryCode="1">tel:${escapeXml(party.number)}</xsi:address>`,
    `<xsi:callType>${party.callType === 'external' ? 'Network' : 'Group'}</xsi:callType>`,
    '</xsi:remoteParty>',
    `<xsi:startTime>${Date.parse(call.created) || at}</xsi:startTime>`,
    call.answered !== undefined ? `<xsi:answerTime>${Date.parse(call.answered) || at}</xsi:answerTime>` : '',
    released ? `<xsi:releaseTime>${at}</xsi:releaseTime>` : '',
  ];
  return `<xsi:call>${parts.join('')}</xsi:call>`;
}

export function createXsiBook(opts: { clock: Clock; userId: string; timings?: Partial<XsiTimings> }) {
  const { clock, userId } = opts;
  const t: XsiTimings = { ...DEFAULT_XSI_LINE_TIMINGS, ...opts.timings };
  let enabled = false;
  let refusing = false;
  const hostsDown = new Set<number>();
  const channels = new Map<string, Channel>();
  const subscriptions = new Map<string, Subscription>();
  let seen = freshSeen();
  let sequence = 0;

  function granted(asked: number | undefined): number {
    return Math.max(1, Math.min(asked ?? t.maxExpiresSec, t.maxExpiresSec));
  }

  function endChannel(channel: Channel, how: 'terminate' | 'drop' | 'forget' | 'end', reason = 'Channel terminated'): void {
    if (!channels.delete(channel.id)) return;
    clock.clearTimeout(channel.expiry);
    clock.clearTimeout(channel.grace);
    for (const timer of channel.unacked.values()) clock.clearTimeout(timer);
    channel.unacked.clear();
    if (how === 'terminate') {
      channel.writer.write(
        `${DECL}<xsi:Event xsi1:type="xsi:ChannelTerminatedEvent" xmlns:xsi="${XSI_NS}" xmlns:xsi1="${XSI_INSTANCE_NS}">` +
          `<xsi:channelId>${escapeXml(channel.id)}</xsi:channelId><xsi:reason>${escapeXml(reason)}</xsi:reason></xsi:Event>`,
      );
      channel.writer.end();
    } else if (how === 'drop') {
      // Half a document, then the connection is cut: a reader must not take it for a whole one.
      channel.writer.write(`${DECL}<xsi:Event xsi1:type="xsi:SubscriptionEvent" xmlns:xsi="${XSI_NS}" xmlns:xsi1="${XSI_INSTANCE_NS}"><xsi:eventID>`);
      channel.writer.destroy();
    } else if (how === 'end') {
      channel.writer.end();
    }
    // 'forget': the connection stays open and silent, as a server that lost the channel leaves it.
  }

  function armGrace(channel: Channel): void {
    clock.clearTimeout(channel.grace);
    channel.grace = clock.setTimeout(() => endChannel(channel, 'terminate', 'No heartbeat'), t.heartbeatGraceMs);
  }

  function deliver(sub: Subscription, type: string, call: LineCall, released: boolean): void {
    // The first open channel of the set takes it; with none open, the event is lost.
    const channel = [...channels.values()].find((c) => c.channelSetId === sub.channelSetId);
    if (!channel) return;
    sequence += 1;
    const eventId = randomUUID();
    const at = clock.now();
    channel.writer.write(
      `${DECL}<xsi:Event xsi1:type="xsi:SubscriptionEvent" xmlns:xsi="${XSI_NS}" xmlns:xsi1="${XSI_INSTANCE_NS}">` +
        `<xsi:eventID>${eventId}</xsi:eventID><xsi:sequenceNumber>${sequence}</xsi:sequenceNumber>` +
        `<xsi:userId>${escapeXml(sub.userId)}</xsi:userId><xsi:externalApplicationId>${escapeXml(sub.applicationId)}</xsi:externalApplicationId>` +
        `<xsi:subscriptionId>${sub.id}</xsi:subscriptionId><xsi:channelId>${channel.id}</xsi:channelId>` +
        `<xsi:targetId>${escapeXml(sub.userId)}</xsi:targetId>` +
        `<xsi:eventData xsi1:type="xsi:${type}">${callXml(call, released, at)}</xsi:eventData></xsi:Event>`,
    );
    seen.sent.push({ eventId, type, channelId: channel.id });
    channel.unacked.set(
      eventId,
      clock.setTimeout(() => endChannel(channel, 'terminate', 'Event response timeout'), t.ackTimeoutMs),
    );
  }

  /** The line's state changed: one "Advanced Call" event per changed call, to each live subscription. */
  function observe(before: LineState, after: LineState): void {
    if (!enabled || subscriptions.size === 0) return;
    const old = new Map(before.calls.map((c) => [c.id, c]));
    const changes: { type: string; call: LineCall; released: boolean }[] = [];
    for (const call of after.calls) {
      const type = eventTypeFor(old.get(call.id), call);
      if (type) changes.push({ type, call, released: false });
      old.delete(call.id);
    }
    for (const call of old.values()) changes.push({ type: 'CallReleasedEvent', call, released: true });
    for (const sub of subscriptions.values()) {
      if (sub.event !== 'Advanced Call') continue;
      for (const change of changes) deliver(sub, change.type, change.call, change.released);
    }
  }

  /** Before routing: 401 while refusing, 503 from a host that is down or does not hold the channel. */
  function gate(host: number, channelId?: string): XsiAnswer | undefined {
    if (hostsDown.has(host)) return { status: 503 };
    if (refusing) return { status: 401 };
    if (channelId !== undefined) {
      const channel = channels.get(channelId);
      if (channel && channel.host !== host) return { status: 503 };
    }
    return undefined;
  }

  const control: XsiControl = {
    setEnabled(on) {
      enabled = on;
      if (!on) for (const c of [...channels.values()]) endChannel(c, 'terminate', 'XSI disabled');
    },
    enabled: () => enabled,
    dropChannels() {
      for (const c of [...channels.values()]) endChannel(c, 'drop');
    },
    forgetChannels() {
      for (const c of [...channels.values()]) endChannel(c, 'forget');
    },
    setRefusing(on) {
      refusing = on;
    },
    terminateChannels(reason) {
      for (const c of [...channels.values()]) endChannel(c, 'terminate', reason);
    },
    setHostDown(host, down) {
      if (down) hostsDown.add(host);
      else hostsDown.delete(host);
      // A host going down takes its channels with it.
      if (down) for (const c of [...channels.values()]) if (c.host === host) endChannel(c, 'drop');
    },
    openChannels: () => [...channels.values()].map((c) => ({ id: c.id, host: c.host, channelSetId: c.channelSetId })),
    subscriptions: () => [...subscriptions.values()].map((s) => ({ id: s.id, userId: s.userId, channelSetId: s.channelSetId, event: s.event })),
    seen: () => structuredClone(seen),
  };

  return {
    control,
    userId,
    observe,
    gate,
    /** POST …/v2.0/channel: registers the channel and writes its `Channel` document first. */
    openChannel(host: number, req: { channelSetId: string; applicationId: string; expires?: number }, writer: ChannelWriter): void {
      const id = randomUUID();
      const expires = granted(req.expires);
      const channel: Channel = {
        id,
        host,
        channelSetId: req.channelSetId,
        applicationId: req.applicationId,
        writer,
        expiry: clock.setTimeout(() => endChannel(channel, 'terminate', 'Channel expired'), expires * 1000),
        grace: clock.setTimeout(() => undefined, 0),
        unacked: new Map(),
      };
      channels.set(id, channel);
      armGrace(channel);
      seen.channelsOpened += 1;
      writer.write(
        `${DECL}<Channel xmlns="${XSI_NS}"><channelId>${id}</channelId><channelSetId>${escapeXml(req.channelSetId)}</channelSetId>` +
          `<priority>1</priority><weight>100</weight><expires>${expires}</expires><applicationId>${escapeXml(req.applicationId)}</applicationId></Channel>`,
      );
    },
    /** The client went away: the channel is gone with its connection. */
    connectionClosed(writer: ChannelWriter): void {
      for (const c of [...channels.values()]) if (c.writer === writer) endChannel(c, 'forget');
    },
    heartbeat(host: number, channelId: string): XsiAnswer {
      const channel = channels.get(channelId);
      if (!channel) return { status: 404 };
      seen.heartbeats.push({ channelId, host });
      armGrace(channel);
      channel.writer.write(`${DECL}<ChannelHeartBeat xmlns="${XSI_NS}"/>`);
      return { status: 200 };
    },
    acknowledge(host: number, eventId: string): XsiAnswer {
      for (const channel of channels.values()) {
        const timer = channel.unacked.get(eventId);
        if (timer === undefined) continue;
        // Only the host holding the channel knows the event.
        if (channel.host !== host) return { status: 503 };
        clock.clearTimeout(timer);
        channel.unacked.delete(eventId);
        seen.acknowledged.push(eventId);
        return { status: 200 };
      }
      seen.strayAcks.push(eventId);
      return { status: 404 };
    },
    refreshChannel(channelId: string, expires: number | undefined): XsiAnswer {
      const channel = channels.get(channelId);
      if (!channel) return { status: 404 };
      const lifetime = granted(expires);
      clock.clearTimeout(channel.expiry);
      channel.expiry = clock.setTimeout(() => endChannel(channel, 'terminate', 'Channel expired'), lifetime * 1000);
      seen.channelRefreshes += 1;
      return { status: 200, xml: `${DECL}<Channel xmlns="${XSI_NS}"><channelId>${channelId}</channelId><expires>${lifetime}</expires></Channel>` };
    },
    deleteChannel(channelId: string): XsiAnswer {
      const channel = channels.get(channelId);
      if (!channel) return { status: 404 };
      seen.channelsDeleted += 1;
      endChannel(channel, 'terminate', 'Channel deleted');
      return { status: 200 };
    },
    subscribe(targetUserId: string, req: { event: string; channelSetId: string; applicationId: string; expires?: number }): XsiAnswer {
      if (targetUserId !== userId) return { status: 404 };
      if (req.event !== 'Advanced Call') return { status: 400 };
      const id = randomUUID();
      const expires = granted(req.expires);
      const sub: Subscription = {
        id,
        userId: targetUserId,
        channelSetId: req.channelSetId,
        applicationId: req.applicationId,
        event: req.event,
        expiry: clock.setTimeout(() => subscriptions.delete(id), expires * 1000),
      };
      subscriptions.set(id, sub);
      seen.subscriptionsMade += 1;
      return { status: 200, xml: `${DECL}<Subscription xmlns="${XSI_NS}"><subscriptionId>${id}</subscriptionId><expires>${expires}</expires></Subscription>` };
    },
    refreshSubscription(id: string, expires: number | undefined): XsiAnswer {
      const sub = subscriptions.get(id);
      if (!sub) return { status: 404 };
      const lifetime = granted(expires);
      clock.clearTimeout(sub.expiry);
      sub.expiry = clock.setTimeout(() => subscriptions.delete(id), lifetime * 1000);
      seen.subscriptionRefreshes += 1;
      return { status: 200, xml: `${DECL}<Subscription xmlns="${XSI_NS}"><subscriptionId>${id}</subscriptionId><expires>${lifetime}</expires></Subscription>` };
    },
    deleteSubscription(id: string): XsiAnswer {
      const sub = subscriptions.get(id);
      if (!sub) return { status: 404 };
      clock.clearTimeout(sub.expiry);
      subscriptions.delete(id);
      seen.subscriptionsDeleted += 1;
      return { status: 200 };
    },
    /** Back to a line with XSI as configured but nothing open; faults cleared. */
    reset(): void {
      for (const c of [...channels.values()]) endChannel(c, 'end');
      for (const s of subscriptions.values()) clock.clearTimeout(s.expiry);
      subscriptions.clear();
      refusing = false;
      hostsDown.clear();
      seen = freshSeen();
    },
    dispose(): void {
      for (const c of [...channels.values()]) endChannel(c, 'drop');
      for (const s of subscriptions.values()) clock.clearTimeout(s.expiry);
      subscriptions.clear();
    },
  };
}

export type XsiBook = ReturnType<typeof createXsiBook>;
